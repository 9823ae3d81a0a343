import { expect } from 'chai';
import { SupportDesk } from './chat/handlers';
import type { Message, ServerEvent } from './chat/models';
import { printDemo, runDemo } from './demo';

/** A listener that keeps every event pushed to it. */
function inbox() {
  const events: ServerEvent[] = [];
  const listener = (event: ServerEvent) => {
    events.push(event);
  };
  const texts = () => events.flatMap((e) => (e.type === 'message' ? [e.message.text] : []));
  return { events, listener, texts };
}

describe('Requirement 1 (examples)', () => {
  it('delivers a visitor’s message to the agent, with its author and time', () => {
    let now = 0;
    const desk = new SupportDesk({ clock: () => now, agents: ['alex'] });
    const { id } = desk.openConversation('vera');
    const vera = inbox();
    const alex = inbox();
    const veraTab = desk.connect('vera', id, vera.listener);
    desk.connect('alex', id, alex.listener);

    now = 1_250;
    desk.send(veraTab, 'Hi! My invoice is wrong.');

    const received = alex.events.filter((e) => e.type === 'message');
    expect(received, 'alex should receive exactly one message').to.have.length(1);
    const { message } = received[0] as { message: Message };
    expect(message, 'the message should carry its author, role, text and time').to.include({
      conversationId: id,
      authorId: 'vera',
      role: 'visitor',
      text: 'Hi! My invoice is wrong.',
      sentAt: 1_250,
    });
  });

  it('lets the agent reply, so messages flow both ways', () => {
    const desk = new SupportDesk({ clock: () => 0, agents: ['alex'] });
    const { id } = desk.openConversation('vera');
    const vera = inbox();
    const alex = inbox();
    const veraTab = desk.connect('vera', id, vera.listener);
    const alexView = desk.connect('alex', id, alex.listener);

    desk.send(veraTab, 'Hello?');
    desk.send(alexView, 'Hi Vera, how can I help?');

    expect(vera.texts(), 'vera should get the reply and not her own message back').to.deep.equal(['Hi Vera, how can I help?']);
    expect(alex.texts(), 'alex should get vera’s message').to.deep.equal(['Hello?']);
  });

  it('gives a client that connects later the history, oldest first', () => {
    const desk = new SupportDesk({ clock: () => 0, agents: ['alex'] });
    const { id } = desk.openConversation('vera');
    const veraTab = desk.connect('vera', id, () => {});
    desk.send(veraTab, 'first');
    desk.send(veraTab, 'second');

    const alex = inbox();
    desk.connect('alex', id, alex.listener);

    const first = alex.events[0];
    expect(first?.type, 'the first event should be the history').to.equal('history');
    const messages = (first as { messages: Message[] }).messages;
    expect(messages.map((m) => m.text), 'both earlier messages, oldest first').to.deep.equal(['first', 'second']);
  });

  it('runs the demo: the agent hears the visitor and the visitor hears the agent', () => {
    printDemo();
    const { vera, alex } = runDemo();
    expect(alex.join('\n'), 'alex should see vera’s question').to.include('wrong address');
    expect(vera.join('\n'), 'vera should see alex’s answer').to.include('Which address');
  });
});
