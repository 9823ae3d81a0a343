import { expect } from 'chai';
import { ChatBroker, type ChatEvent, type ChatMessage } from './solution';

/** A listener that remembers every event pushed to it. */
function inbox() {
  const events: ChatEvent[] = [];
  const listener = (event: ChatEvent) => {
    events.push(event);
  };
  const messages = (): ChatMessage[] =>
    events.flatMap((e) => (e.type === 'message' ? [e.message] : []));
  return { events, listener, messages };
}

describe('Stage 1: two-way messages (examples)', () => {
  it('delivers a message to the other client with its sender and timestamp', () => {
    let now = 1_000;
    const broker = new ChatBroker({ clock: () => now });
    const ana = inbox();
    const ben = inbox();
    broker.connect('ana', 'general', ana.listener);
    broker.connect('ben', 'general', ben.listener);

    now = 1_250;
    broker.send('ana', 'hi ben');

    expect(ben.messages(), 'ben should receive exactly one message').to.have.length(1);
    const [got] = ben.messages();
    expect(got, 'the message should carry sender, room, text and the clock time').to.include({
      sender: 'ana',
      room: 'general',
      text: 'hi ben',
      sentAt: 1_250,
    });
  });

  it('lets the other client reply, so messages flow both ways', () => {
    let now = 0;
    const broker = new ChatBroker({ clock: () => now });
    const ana = inbox();
    const ben = inbox();
    broker.connect('ana', 'general', ana.listener);
    broker.connect('ben', 'general', ben.listener);

    broker.send('ana', 'ping');
    now = 40;
    broker.send('ben', 'pong');

    expect(ana.messages().map((m) => m.text), 'ana should receive ben’s reply').to.deep.equal(['pong']);
    expect(ana.messages()[0]!.sender, 'the reply should name ben as sender').to.equal('ben');
    expect(ben.messages().map((m) => m.text), 'ben should receive ana’s message').to.deep.equal(['ping']);
  });

  it('returns the sent message to the sender instead of echoing it to its listener', () => {
    const broker = new ChatBroker({ clock: () => 7 });
    const ana = inbox();
    broker.connect('ana', 'general', ana.listener);
    broker.connect('ben', 'general', () => {});

    const sent = broker.send('ana', 'hello');

    expect(sent, 'send should return the accepted message').to.include({ id: 1, sender: 'ana', text: 'hello', sentAt: 7 });
    expect(ana.messages(), 'the sender’s own listener should not get its message back').to.deep.equal([]);
  });
});

describe('Stage 2: typing, history and presence (examples)', () => {
  it('shows a client as typing until it sends its message', () => {
    let now = 0;
    const broker = new ChatBroker({ clock: () => now, typingTimeoutMs: 3_000 });
    broker.connect('ana', 'general', () => {});
    broker.connect('ben', 'general', () => {});

    broker.typing('ana');
    now = 500;
    expect(broker.typingUsers('general'), 'ana typed 500 ms ago').to.deep.equal(['ana']);
    expect(broker.isTyping('ana'), 'isTyping should agree with typingUsers').to.equal(true);

    broker.send('ana', 'done typing');
    expect(broker.typingUsers('general'), 'sending should clear the typing indicator').to.deep.equal([]);
  });

  it('gives a new joiner the room history and tells the others it came online', () => {
    let now = 100;
    const broker = new ChatBroker({ clock: () => now });
    const ana = inbox();
    broker.connect('ana', 'general', ana.listener);
    broker.send('ana', 'first');
    broker.send('ana', 'second');

    now = 200;
    const cara = inbox();
    broker.connect('cara', 'general', cara.listener);

    expect(cara.events[0], 'the joiner’s first event should be the history').to.include({ type: 'history', room: 'general' });
    const first = cara.events[0] as Extract<ChatEvent, { type: 'history' }>;
    expect(first.messages.map((m) => m.text), 'history should hold both earlier messages, oldest first').to.deep.equal([
      'first',
      'second',
    ]);
    expect(ana.events, 'ana should be told that cara came online').to.deep.include({
      type: 'presence',
      room: 'general',
      clientId: 'cara',
      status: 'online',
      at: 200,
    });
    expect(broker.presence('general'), 'both should be online').to.deep.equal({ online: ['ana', 'cara'], offline: [] });
  });
});
