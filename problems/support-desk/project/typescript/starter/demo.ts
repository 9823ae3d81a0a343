import { SupportDesk } from './chat/handlers';
import { AgentClient } from './clients/agent';
import { VisitorClient } from './clients/visitor';

/** A short scenario: a visitor asks for help, an agent opens the conversation and answers. */
export function runDemo(): { vera: string[]; alex: string[] } {
  let now = 0;
  const desk = new SupportDesk({ clock: () => now, agents: ['alex', 'bea'] });
  const vera = new VisitorClient(desk, 'vera');
  const alex = new AgentClient(desk, 'alex');

  const conversationId = vera.startChat();
  now = 1_000;
  vera.say('Hi! My invoice shows the wrong address.');
  now = 4_000;
  alex.open(conversationId);
  now = 9_000;
  alex.reply(conversationId, 'Sorry about that. Which address should it show?');
  now = 15_000;
  vera.say('12 Harbour Street, please.');

  return { vera: vera.lines, alex: alex.lines };
}

/** Prints what each simulated client received in the demo. */
export function printDemo(print: (line: string) => void = console.log): void {
  const received = runDemo();
  for (const [client, lines] of Object.entries(received)) {
    print(`${client} received:`);
    for (const line of lines.length > 0 ? lines : ['(nothing)']) print(`  ${line}`);
  }
}
