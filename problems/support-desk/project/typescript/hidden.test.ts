import { expect } from 'chai';
import fc from 'fast-check';
import { expectMessage } from 'rehearse-test';
import { SupportDesk } from './chat/handlers';
import { DeskError } from './chat/models';

// The tests call the API of the statement through this interface, so they compile whichever features the
// project has; a feature that is missing fails its own group at run time.
interface Msg {
  id: number;
  conversationId: string;
  authorId: string;
  role: string;
  text: string;
  sentAt: number;
  editedAt?: number | null;
}
type Ev = { type: string } & Record<string, unknown>;
type Listener = (event: Ev) => void;
interface Desk {
  openConversation(visitorId: unknown): { id: string; visitorId: string; startedAt: number };
  connect(userId: string, conversationId: string, listener: Listener, options?: { since?: number }): string;
  disconnect(connectionId: string): void;
  send(connectionId: string, text: unknown): Msg;
  messages(conversationId: string): Msg[];
  typing(connectionId: string): void;
  typingUsers(conversationId: string): string[];
  onlineUsers(conversationId: string): string[];
  markRead(connectionId: string, messageId: number): void;
  readBy(conversationId: string, messageId: number): string[];
  unreadCounts(userId: string): Record<string, number>;
  edit(connectionId: string, messageId: number, text: unknown): Msg;
  assign(connectionId: string, agentId: string): void;
  assignee(conversationId: string): string | null;
  assignedTo(agentId: string): string[];
}

const AGENTS = ['alex', 'bea'];

/** A clock the test moves by hand. */
function manualClock(start = 0) {
  const t = { now: start, clock: () => t.now };
  return t;
}

function newDesk(clock: () => number, agents: string[] = AGENTS): Desk {
  return new SupportDesk({ clock, agents }) as unknown as Desk;
}

/** A listener that keeps every event pushed to it (the objects themselves). */
function inbox() {
  const events: Ev[] = [];
  const listener: Listener = (event) => {
    events.push(event);
  };
  const of = (type: string): Ev[] => events.filter((e) => e.type === type);
  const texts = (): string[] => of('message').map((e) => (e.message as Msg).text);
  return { events, listener, of, texts };
}

/** A message without the fields that belong to features (for Requirement 1's comparisons). */
function core(m: Msg) {
  return { id: m.id, conversationId: m.conversationId, authorId: m.authorId, role: m.role, text: m.text, sentAt: m.sentAt };
}

/** Runs fn and returns the DeskError it throws; fails if it throws something else or nothing. */
function deskError(fn: () => unknown, what: string): DeskError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DeskError) return e;
    throw new Error(`${what}: expected a DeskError, got ${String(e)}`);
  }
  throw new Error(`${what}: expected a DeskError, but the call returned normally`);
}

function codeOf(fn: () => unknown, what: string): string {
  return deskError(fn, what).code;
}

/** Vera's conversation c1 with vera's tab and alex's view open, in that order. */
function scene(start = 0) {
  const t = manualClock(start);
  const desk = newDesk(t.clock);
  const c1 = desk.openConversation('vera').id;
  const vera = inbox();
  const alex = inbox();
  const veraTab = desk.connect('vera', c1, vera.listener);
  const alexView = desk.connect('alex', c1, alex.listener);
  return { t, desk, c1, vera, alex, veraTab, alexView };
}

describe('Requirement 1', () => {
  it('[R1] numbers conversations c1, c2, … and stamps them with the clock', () => {
    const t = manualClock(500);
    const desk = newDesk(t.clock);
    expect(desk.openConversation('vera'), 'the first conversation').to.deep.equal({ id: 'c1', visitorId: 'vera', startedAt: 500 });
    t.now = 800;
    expect(desk.openConversation('walt'), 'the second').to.deep.equal({ id: 'c2', visitorId: 'walt', startedAt: 800 });
    expect(desk.openConversation('vera').id, 'a visitor may open another').to.equal('c3');
  });

  it('[R2] refuses a visitor id that is empty, not a string, or an agent’s', () => {
    const desk = newDesk(() => 0);
    for (const bad of ['', 42, 'alex']) {
      expect(codeOf(() => desk.openConversation(bad), `openConversation(${JSON.stringify(bad)})`)).to.equal('INVALID_ARGUMENT');
    }
    expect(desk.openConversation('vera').id, 'rejected calls open nothing').to.equal('c1');
  });

  it('[R3] numbers connections k1, k2, … across conversations and lets a user open several tabs', () => {
    const desk = newDesk(() => 0);
    const c1 = desk.openConversation('vera').id;
    const c2 = desk.openConversation('walt').id;
    expect(desk.connect('vera', c1, () => {})).to.equal('k1');
    expect(desk.connect('walt', c2, () => {})).to.equal('k2');
    expect(desk.connect('vera', c1, () => {}), 'vera’s second tab').to.equal('k3');
    expect(desk.connect('alex', c2, () => {})).to.equal('k4');
    expect(desk.connect('alex', c1, () => {}), 'an agent may open several conversations').to.equal('k5');
  });

  it('[R4] lets only the visitor and the agents in, checks the conversation first, and wastes no id', () => {
    const desk = newDesk(() => 0);
    const c1 = desk.openConversation('vera').id;
    desk.openConversation('walt');
    expect(codeOf(() => desk.connect('zed', 'c9', () => {}), 'a stranger to an unknown conversation')).to.equal('NOT_FOUND');
    expect(codeOf(() => desk.connect('zed', c1, () => {}), 'a stranger')).to.equal('FORBIDDEN');
    expect(codeOf(() => desk.connect('walt', c1, () => {}), 'another visitor')).to.equal('FORBIDDEN');
    expect(desk.connect('bea', c1, () => {}), 'the rejected connects used up no id').to.equal('k1');
  });

  it('[R5] returns the stored message with its author, role, exact text and time', () => {
    const { t, desk, c1, veraTab, alexView } = scene(100);
    t.now = 250;
    expect(core(desk.send(veraTab, '  Hi there  ')), 'vera’s message').to.deep.equal({
      id: 1,
      conversationId: c1,
      authorId: 'vera',
      role: 'visitor',
      text: '  Hi there  ',
      sentAt: 250,
    });
    t.now = 400;
    expect(core(desk.send(alexView, 'Hello!')), 'alex’s reply').to.deep.equal({
      id: 2,
      conversationId: c1,
      authorId: 'alex',
      role: 'agent',
      text: 'Hello!',
      sentAt: 400,
    });
  });

  it('[R6] counts message ids across the whole desk and skips none for rejected sends', () => {
    const desk = newDesk(() => 0);
    const c1 = desk.openConversation('vera').id;
    const c2 = desk.openConversation('walt').id;
    const vera = desk.connect('vera', c1, () => {});
    const walt = desk.connect('walt', c2, () => {});
    expect(desk.send(vera, 'a').id).to.equal(1);
    expect(desk.send(walt, 'b').id, 'ids are shared by all conversations').to.equal(2);
    codeOf(() => desk.send(vera, '   '), 'an empty send');
    codeOf(() => desk.send('k9', 'hello'), 'a send on an unknown connection');
    expect(desk.send(vera, 'c').id, 'rejected sends used up no id').to.equal(3);
  });

  it('[R7] checks the connection, then that the text is a string, then that it is not blank', () => {
    const { desk, c1, veraTab, alex } = scene();
    desk.disconnect(veraTab);
    expect(codeOf(() => desk.send(veraTab, 42), 'a closed connection with bad text')).to.equal('UNKNOWN_CONNECTION');
    const tab = desk.connect('vera', c1, () => {});
    expect(codeOf(() => desk.send(tab, 42), 'a number')).to.equal('INVALID_ARGUMENT');
    expect(codeOf(() => desk.send(tab, undefined), 'nothing')).to.equal('INVALID_ARGUMENT');
    expect(codeOf(() => desk.send(tab, ''), 'an empty text')).to.equal('EMPTY_MESSAGE');
    expect(codeOf(() => desk.send(tab, ' \n\t '), 'whitespace only')).to.equal('EMPTY_MESSAGE');
    expect(desk.messages(c1), 'nothing was stored').to.deep.equal([]);
    expect(alex.texts(), 'nothing was delivered').to.deep.equal([]);
  });

  it('[R8] lists a conversation’s messages oldest first, and only its own', () => {
    const desk = newDesk(() => 0);
    const c1 = desk.openConversation('vera').id;
    const c2 = desk.openConversation('walt').id;
    const vera = desk.connect('vera', c1, () => {});
    const walt = desk.connect('walt', c2, () => {});
    const alex = desk.connect('alex', c1, () => {});
    expect(desk.messages(c1), 'no messages yet').to.deep.equal([]);
    desk.send(vera, 'one');
    desk.send(walt, 'elsewhere');
    desk.send(alex, 'two');
    expect(desk.messages(c1).map((m) => m.text)).to.deep.equal(['one', 'two']);
    expect(desk.messages(c2).map((m) => m.text)).to.deep.equal(['elsewhere']);
    expect(codeOf(() => desk.messages('c9'), 'an unknown conversation')).to.equal('NOT_FOUND');
  });

  it('[R9] closes a connection once; closing it again, or an unknown id, is an error', () => {
    const { desk, veraTab } = scene();
    desk.disconnect(veraTab);
    expect(codeOf(() => desk.disconnect(veraTab), 'closing twice')).to.equal('UNKNOWN_CONNECTION');
    expect(codeOf(() => desk.disconnect('k42'), 'an unknown id')).to.equal('UNKNOWN_CONNECTION');
    expect(codeOf(() => desk.send(veraTab, 'hi'), 'sending on a closed connection')).to.equal('UNKNOWN_CONNECTION');
  });

  it('[R10] throws DeskErrors whose message names what is at fault', () => {
    const { desk, c1, veraTab } = scene();
    const unknown = deskError(() => desk.send('k77', 'hi'), 'an unknown connection');
    expect(unknown.name, 'the error’s name').to.equal('DeskError');
    expect(unknown).to.be.an.instanceOf(Error);
    expectMessage(unknown, ['k77'], 'names the connection');
    expectMessage(deskError(() => desk.messages('c55'), 'an unknown conversation'), ['c55'], 'names the conversation');
    expectMessage(deskError(() => desk.connect('mallory', c1, () => {}), 'a stranger'), ['mallory'], 'names the user');
    expectMessage(deskError(() => desk.openConversation(''), 'an empty visitor'), ['visitorId'], 'names the argument');
    expectMessage(deskError(() => desk.send(veraTab, 7), 'a number as text'), ['text'], 'names the argument');
  });

  it('[R11] sends a new connection the history first: every message so far, oldest first', () => {
    const { t, desk, c1, veraTab, alexView } = scene();
    t.now = 10;
    const a = desk.send(veraTab, 'Hello?');
    t.now = 20;
    const b = desk.send(alexView, 'Hi Vera');
    const bea = inbox();
    desk.connect('bea', c1, bea.listener);
    expect(bea.events.length, 'bea should have received an event').to.be.greaterThan(0);
    const first = bea.events[0]!;
    expect(first.type, 'the first event').to.equal('history');
    expect(first.conversationId, 'the history names its conversation').to.equal(c1);
    expect((first.messages as Msg[]).map(core), 'both messages, oldest first').to.deep.equal([core(a), core(b)]);
  });

  it('[R11] sends an empty history when nothing was said yet, and nothing from other conversations', () => {
    const desk = newDesk(() => 0);
    const c1 = desk.openConversation('vera').id;
    const c2 = desk.openConversation('walt').id;
    desk.send(desk.connect('walt', c2, () => {}), 'not for vera');
    const vera = inbox();
    desk.connect('vera', c1, vera.listener);
    expect(vera.of('history'), 'one history event, empty').to.deep.equal([{ type: 'history', conversationId: c1, messages: [] }]);
  });

  it('[R12] delivers each side’s messages to the other, as send returned them', () => {
    const { t, desk, vera, alex, veraTab, alexView } = scene();
    t.now = 5;
    const question = desk.send(veraTab, 'Where is my parcel?');
    t.now = 9;
    const answer = desk.send(alexView, 'Let me check.');
    const toAlex = alex.of('message');
    const toVera = vera.of('message');
    expect(toAlex.map((e) => core(e.message as Msg)), 'alex gets vera’s question').to.deep.equal([core(question)]);
    expect(toVera.map((e) => core(e.message as Msg)), 'vera gets alex’s answer').to.deep.equal([core(answer)]);
  });

  it('[R12] delivers to every other connection, the sender’s other tabs included, in the order they opened', () => {
    const { desk, c1, veraTab } = scene();
    const order: string[] = [];
    const recorder = (name: string): Listener => (e) => {
      if (e.type === 'message') order.push(`${name}:${(e.message as Msg).text}`);
    };
    desk.connect('bea', c1, recorder('bea'));
    desk.connect('vera', c1, recorder('vera-2'));
    desk.connect('alex', c1, recorder('alex-2'));
    desk.send(veraTab, 'one');
    desk.send(veraTab, 'two');
    expect(order).to.deep.equal(['bea:one', 'vera-2:one', 'alex-2:one', 'bea:two', 'vera-2:two', 'alex-2:two']);
  });

  it('[R13] does not echo a message to the connection it was sent from', () => {
    const { desk, vera, alex, veraTab, alexView } = scene();
    desk.send(veraTab, 'from vera');
    desk.send(alexView, 'from alex');
    expect(vera.texts(), 'vera only hears alex').to.deep.equal(['from alex']);
    expect(alex.texts(), 'alex only hears vera').to.deep.equal(['from vera']);
  });

  it('[R14] keeps conversations apart', () => {
    const { desk, vera, alex, veraTab } = scene();
    const c2 = desk.openConversation('walt').id;
    const walt = inbox();
    const bea = inbox();
    const waltTab = desk.connect('walt', c2, walt.listener);
    desk.connect('bea', c2, bea.listener);
    desk.send(veraTab, 'for c1');
    desk.send(waltTab, 'for c2');
    expect(alex.texts(), 'c1 hears only c1').to.deep.equal(['for c1']);
    expect(vera.texts(), 'vera hears nothing of c2').to.deep.equal([]);
    expect(bea.texts(), 'c2 hears only c2').to.deep.equal(['for c2']);
    expect(walt.texts()).to.deep.equal([]);
  });

  it('[R15] delivers nothing more to a closed connection, and still to the others', () => {
    const { desk, c1, alex, veraTab, alexView } = scene();
    const bea = inbox();
    desk.connect('bea', c1, bea.listener);
    desk.send(veraTab, 'before');
    const before = alex.events.length;
    desk.disconnect(alexView);
    desk.send(veraTab, 'after');
    expect(alex.events.length, 'alex closed the conversation').to.equal(before);
    expect(bea.texts(), 'bea still hears vera').to.deep.equal(['before', 'after']);
  });

  modelTest('Requirement 1', 'random sessions of opening, connecting, sending and closing agree with a model', 101);
});

describe('Typing indicator', () => {
  it('[R16] tells the other connections on every keystroke, not the typist’s own connection', () => {
    const { desk, c1, vera, alex, veraTab } = scene();
    const veraSecond = inbox();
    desk.connect('vera', c1, veraSecond.listener);
    const c2 = desk.openConversation('walt').id;
    const bea = inbox();
    desk.connect('bea', c2, bea.listener);
    desk.typing(veraTab);
    desk.typing(veraTab);
    const expected = { type: 'typing', conversationId: c1, userId: 'vera' };
    expect(alex.of('typing'), 'alex hears both keystrokes').to.deep.equal([expected, expected]);
    expect(veraSecond.of('typing'), 'vera’s other tab too').to.deep.equal([expected, expected]);
    expect(vera.of('typing'), 'not the typing tab').to.deep.equal([]);
    expect(bea.of('typing'), 'not another conversation').to.deep.equal([]);
  });

  it('[R17] refuses a keystroke on a connection that is not open', () => {
    const { desk, veraTab } = scene();
    desk.disconnect(veraTab);
    expect(codeOf(() => desk.typing(veraTab), 'a closed connection')).to.equal('UNKNOWN_CONNECTION');
    expect(codeOf(() => desk.typing('k99'), 'an unknown connection')).to.equal('UNKNOWN_CONNECTION');
  });

  it('[R18] counts a user as typing for 3000 ms after the last keystroke, sorted', () => {
    const { t, desk, c1, veraTab, alexView } = scene(1_000);
    const beaView = desk.connect('bea', c1, () => {});
    expect(desk.typingUsers(c1), 'nobody typed yet').to.deep.equal([]);
    desk.typing(veraTab);
    desk.typing(beaView);
    t.now = 2_000;
    desk.typing(alexView);
    expect(desk.typingUsers(c1), 'three typists, sorted').to.deep.equal(['alex', 'bea', 'vera']);
    t.now = 3_999;
    expect(desk.typingUsers(c1), '2999 ms after the keystroke').to.deep.equal(['alex', 'bea', 'vera']);
    desk.typing(beaView);
    t.now = 4_000;
    expect(desk.typingUsers(c1), 'exactly 3000 ms later vera stops; bea typed again').to.deep.equal(['alex', 'bea']);
    t.now = 5_000;
    expect(desk.typingUsers(c1), 'alex’s keystroke is 3000 ms old').to.deep.equal(['bea']);
    t.now = 6_999;
    expect(desk.typingUsers(c1)).to.deep.equal([]);
  });

  it('[R18] keeps each conversation’s typists apart', () => {
    const { desk, c1, alexView } = scene();
    const c2 = desk.openConversation('walt').id;
    const waltTab = desk.connect('walt', c2, () => {});
    desk.typing(waltTab);
    expect(desk.typingUsers(c1)).to.deep.equal([]);
    desk.typing(alexView);
    expect(desk.typingUsers(c2), 'alex typed in c1 only').to.deep.equal(['walt']);
  });

  it('[R19] clears a user’s typing when they send, there only, and not when they close the connection', () => {
    const { t, desk, c1, veraTab, alexView } = scene();
    const c2 = desk.openConversation('walt').id;
    const alexOnC2 = desk.connect('alex', c2, () => {});
    desk.typing(veraTab);
    desk.typing(alexView);
    desk.typing(alexOnC2);
    t.now = 100;
    desk.send(alexOnC2, 'done in c2');
    expect(desk.typingUsers(c1), 'sending in c2 leaves c1 alone').to.deep.equal(['alex', 'vera']);
    expect(desk.typingUsers(c2), 'alex sent in c2').to.deep.equal([]);
    desk.send(veraTab, 'sent');
    expect(desk.typingUsers(c1), 'only the sender stops typing').to.deep.equal(['alex']);
    desk.disconnect(alexView);
    expect(desk.typingUsers(c1), 'closing the connection does not clear it').to.deep.equal(['alex']);
  });

  it('[R20] refuses an unknown conversation', () => {
    const desk = newDesk(() => 0);
    expect(codeOf(() => desk.typingUsers('c1'), 'no conversation yet')).to.equal('NOT_FOUND');
  });

  modelTest('typing', 'random sessions with keystrokes agree with a model, typing events included', 102);
});

describe('Presence', () => {
  it('[R21] announces a user’s first connection to the others, after the joiner’s history', () => {
    const t = manualClock(0);
    const desk = newDesk(t.clock);
    const c1 = desk.openConversation('vera').id;
    const vera = inbox();
    desk.connect('vera', c1, vera.listener);
    t.now = 300;
    const alex = inbox();
    desk.connect('alex', c1, alex.listener);
    expect(vera.of('presence'), 'vera hears alex come online at 300').to.deep.equal([
      { type: 'presence', conversationId: c1, userId: 'alex', status: 'online', at: 300 },
    ]);
    expect(alex.events[0]?.type, 'the joiner’s first event is still the history').to.equal('history');
    expect(alex.of('presence'), 'the joiner hears nothing about itself').to.deep.equal([]);
  });

  it('[R21] does not announce a user in other conversations', () => {
    const { desk, vera } = scene();
    const before = vera.of('presence').length;
    const c2 = desk.openConversation('walt').id;
    desk.connect('walt', c2, () => {});
    desk.connect('bea', c2, () => {});
    expect(vera.of('presence').length, 'c1 hears nothing about c2').to.equal(before);
  });

  it('[R22] says nothing when a user who is already online opens another tab', () => {
    const { desk, c1, alex } = scene();
    const before = alex.of('presence').length;
    desk.connect('vera', c1, () => {});
    expect(alex.of('presence').length, 'vera was already online').to.equal(before);
  });

  it('[R23] announces offline only when the user’s last connection closes', () => {
    const { t, desk, c1, alex, veraTab } = scene();
    const second = desk.connect('vera', c1, () => {});
    t.now = 700;
    desk.disconnect(veraTab);
    expect(alex.of('presence'), 'vera still has a tab open').to.deep.equal([]);
    t.now = 900;
    desk.disconnect(second);
    expect(alex.of('presence'), 'vera went offline at 900').to.deep.equal([
      { type: 'presence', conversationId: c1, userId: 'vera', status: 'offline', at: 900 },
    ]);
  });

  it('[R24] lists who is online in a conversation, once each, sorted', () => {
    const { desk, c1, veraTab, alexView } = scene();
    desk.connect('vera', c1, () => {});
    desk.connect('bea', c1, () => {});
    expect(desk.onlineUsers(c1)).to.deep.equal(['alex', 'bea', 'vera']);
    desk.disconnect(veraTab);
    desk.disconnect(alexView);
    expect(desk.onlineUsers(c1), 'alex left; vera has a tab left').to.deep.equal(['bea', 'vera']);
    const c2 = desk.openConversation('walt').id;
    expect(desk.onlineUsers(c2), 'nobody in c2 yet').to.deep.equal([]);
    expect(codeOf(() => desk.onlineUsers('c9'), 'an unknown conversation')).to.equal('NOT_FOUND');
  });

  modelTest('presence', 'random sessions agree with a model, presence events included', 103);
});

describe('Read receipts', () => {
  it('[R25][R26] tells the other connections how far a user has read', () => {
    const { t, desk, c1, vera, alex, veraTab, alexView } = scene();
    const veraSecond = inbox();
    desk.connect('vera', c1, veraSecond.listener);
    desk.send(veraTab, 'one');
    desk.send(veraTab, 'two');
    t.now = 60;
    desk.markRead(alexView, 2);
    const expected = { type: 'read', conversationId: c1, userId: 'alex', messageId: 2, at: 60 };
    expect(vera.of('read'), 'vera sees alex read up to 2').to.deep.equal([expected]);
    expect(veraSecond.of('read'), 'so does vera’s other tab').to.deep.equal([expected]);
    expect(alex.of('read'), 'not the connection that read').to.deep.equal([]);
  });

  it('[R25][R27] keeps one position per user, shared by their connections, that only moves forward', () => {
    const { desk, c1, vera, veraTab, alexView } = scene();
    const alexSecond = desk.connect('alex', c1, () => {});
    for (const text of ['a', 'b', 'c']) desk.send(veraTab, text);
    desk.markRead(alexView, 2);
    desk.markRead(alexSecond, 2);
    desk.markRead(alexSecond, 1);
    expect(vera.of('read').map((e) => e.messageId), 'the same or an earlier id says nothing').to.deep.equal([2]);
    expect(desk.readBy(c1, 2), 'alex read 2').to.deep.equal(['alex']);
    desk.markRead(alexSecond, 3);
    expect(vera.of('read').map((e) => e.messageId), 'a later id moves it').to.deep.equal([2, 3]);
  });

  it('[R28] checks the connection, then that the message is in the connection’s conversation', () => {
    const { desk, veraTab, alexView } = scene();
    const c2 = desk.openConversation('walt').id;
    const waltTab = desk.connect('walt', c2, () => {});
    desk.send(veraTab, 'in c1');
    const other = desk.send(waltTab, 'in c2');
    desk.disconnect(veraTab);
    expect(codeOf(() => desk.markRead(veraTab, 99), 'a closed connection and an unknown message')).to.equal('UNKNOWN_CONNECTION');
    expect(codeOf(() => desk.markRead(alexView, other.id), 'a message of another conversation')).to.equal('NOT_FOUND');
    expect(codeOf(() => desk.markRead(alexView, 99), 'an unknown message')).to.equal('NOT_FOUND');
  });

  it('[R29] lists who read a message, sorted, without its author', () => {
    const { desk, c1, veraTab, alexView } = scene();
    const beaView = desk.connect('bea', c1, () => {});
    const m1 = desk.send(veraTab, 'one');
    const m2 = desk.send(alexView, 'two');
    const m3 = desk.send(veraTab, 'three');
    desk.markRead(veraTab, m3.id);
    desk.markRead(beaView, m2.id);
    desk.markRead(alexView, m1.id);
    expect(desk.readBy(c1, m1.id), 'vera wrote it; bea and alex read it').to.deep.equal(['alex', 'bea']);
    expect(desk.readBy(c1, m2.id), 'alex wrote it; vera read past it').to.deep.equal(['bea', 'vera']);
    expect(desk.readBy(c1, m3.id), 'only vera, its author, reached it').to.deep.equal([]);
  });

  it('[R29] refuses an unknown conversation or a message that is not in it', () => {
    const { desk, c1, veraTab } = scene();
    const c2 = desk.openConversation('walt').id;
    const m = desk.send(veraTab, 'one');
    expect(codeOf(() => desk.readBy('c9', m.id), 'an unknown conversation')).to.equal('NOT_FOUND');
    expect(codeOf(() => desk.readBy(c2, m.id), 'a message of another conversation')).to.equal('NOT_FOUND');
    expect(codeOf(() => desk.readBy(c1, 42), 'an unknown message')).to.equal('NOT_FOUND');
  });

  modelTest('read-receipts', 'random sessions with read marks agree with a model, read events included', 104);
});

describe('Unread counts', () => {
  it('[R30] has an entry for each conversation the user may join', () => {
    const desk = newDesk(() => 0);
    expect(desk.unreadCounts('alex'), 'no conversations yet').to.deep.equal({});
    const c1 = desk.openConversation('vera').id;
    const c2 = desk.openConversation('walt').id;
    const c3 = desk.openConversation('vera').id;
    expect(desk.unreadCounts('alex'), 'an agent sees every conversation').to.deep.equal({ [c1]: 0, [c2]: 0, [c3]: 0 });
    expect(desk.unreadCounts('vera'), 'a visitor sees their own').to.deep.equal({ [c1]: 0, [c3]: 0 });
    expect(desk.unreadCounts('zed'), 'anyone else sees none').to.deep.equal({});
  });

  it('[R31] counts the messages that arrive while a user has no connection to the conversation', () => {
    const desk = newDesk(() => 0);
    const c1 = desk.openConversation('vera').id;
    const c2 = desk.openConversation('walt').id;
    const vera = desk.connect('vera', c1, () => {});
    const alex = desk.connect('alex', c1, () => {});
    desk.send(vera, 'one');
    desk.send(vera, 'two');
    desk.send(desk.connect('walt', c2, () => {}), 'hello');
    expect(desk.unreadCounts('bea'), 'bea was never connected').to.deep.equal({ [c1]: 2, [c2]: 1 });
    expect(desk.unreadCounts('alex'), 'alex is connected to c1, not to c2').to.deep.equal({ [c1]: 0, [c2]: 1 });
    expect(desk.unreadCounts('vera'), 'her own messages never count').to.deep.equal({ [c1]: 0 });
    desk.disconnect(vera);
    desk.send(alex, 'reply');
    expect(desk.unreadCounts('vera'), 'vera left before the reply').to.deep.equal({ [c1]: 1 });
    expect(desk.unreadCounts('bea')[c1], 'bea counts the reply too').to.equal(3);
  });

  it('[R31] counts nothing for a user connected in another tab', () => {
    const desk = newDesk(() => 0);
    const c1 = desk.openConversation('vera').id;
    const vera1 = desk.connect('vera', c1, () => {});
    desk.connect('vera', c1, () => {});
    const alex = desk.connect('alex', c1, () => {});
    desk.disconnect(vera1);
    desk.send(alex, 'still connected in one tab');
    expect(desk.unreadCounts('vera')).to.deep.equal({ [c1]: 0 });
  });

  it('[R32] resets a user’s count when they open the conversation, and counts again after they leave', () => {
    const desk = newDesk(() => 0);
    const c1 = desk.openConversation('vera').id;
    const vera = desk.connect('vera', c1, () => {});
    desk.send(vera, 'one');
    desk.send(vera, 'two');
    expect(desk.unreadCounts('alex')[c1], 'two unread').to.equal(2);
    const view = desk.connect('alex', c1, () => {});
    expect(desk.unreadCounts('alex')[c1], 'opening it resets the count').to.equal(0);
    desk.disconnect(view);
    desk.send(vera, 'three');
    expect(desk.unreadCounts('alex')[c1], 'one new message since').to.equal(1);
  });

  modelTest('unread', 'random sessions agree with a model of the unread counts', 105);
});

describe('Reconnect with missed messages', () => {
  it('[R33] sends a reconnecting client only the messages after the one it has', () => {
    const desk = newDesk(() => 0);
    const c1 = desk.openConversation('vera').id;
    const c2 = desk.openConversation('walt').id;
    const alex = desk.connect('alex', c1, () => {});
    const walt = desk.connect('walt', c2, () => {});
    const vera = desk.connect('vera', c1, () => {});
    desk.send(alex, 'one'); // 1
    desk.send(walt, 'other conversation'); // 2
    desk.send(vera, 'two'); // 3
    desk.disconnect(vera);
    desk.send(alex, 'three'); // 4
    desk.send(walt, 'other again'); // 5
    desk.send(alex, 'four'); // 6
    const back = inbox();
    desk.connect('vera', c1, back.listener, { since: 3 });
    expect(back.events[0]?.type, 'the history comes first').to.equal('history');
    expect((back.events[0]!.messages as Msg[]).map((m) => [m.id, m.text]), 'only what vera missed in c1').to.deep.equal([
      [4, 'three'],
      [6, 'four'],
    ]);
    const fromTwo = inbox();
    desk.connect('bea', c1, fromTwo.listener, { since: 2 });
    expect((fromTwo.events[0]!.messages as Msg[]).map((m) => m.id), 'ids greater than 2').to.deep.equal([3, 4, 6]);
  });

  it('[R34] sends an empty history when nothing was missed, and everything from 0', () => {
    const { desk, c1, veraTab } = scene();
    desk.send(veraTab, 'one');
    desk.send(veraTab, 'two');
    for (const since of [2, 50]) {
      const box = inbox();
      desk.connect('bea', c1, box.listener, { since });
      expect(box.of('history'), `since ${since}`).to.deep.equal([{ type: 'history', conversationId: c1, messages: [] }]);
    }
    const all = inbox();
    desk.connect('bea', c1, all.listener, { since: 0 });
    expect((all.events[0]!.messages as Msg[]).map((m) => m.text), 'since 0').to.deep.equal(['one', 'two']);
  });

  it('[R35] refuses a since that is not a whole number ≥ 0, after the other checks, and opens nothing', () => {
    const desk = newDesk(() => 0);
    const c1 = desk.openConversation('vera').id;
    for (const since of [-1, 1.5, Number.NaN]) {
      expect(codeOf(() => desk.connect('vera', c1, () => {}, { since }), `since ${since}`)).to.equal('INVALID_ARGUMENT');
    }
    expect(codeOf(() => desk.connect('vera', 'c9', () => {}, { since: -1 }), 'an unknown conversation first')).to.equal('NOT_FOUND');
    expect(codeOf(() => desk.connect('zed', c1, () => {}, { since: -1 }), 'a stranger first')).to.equal('FORBIDDEN');
    expect(desk.connect('vera', c1, () => {}), 'nothing was opened').to.equal('k1');
  });

  modelTest('reconnect', 'random sessions with reconnects agree with a model', 106);
});

describe('Message editing', () => {
  it('[R36] gives every new message editedAt null', () => {
    const { desk, c1, alex, veraTab } = scene();
    expect(desk.send(veraTab, 'hi').editedAt, 'the returned message').to.equal(null);
    expect(desk.messages(c1)[0]!.editedAt, 'the stored message').to.equal(null);
    expect((alex.of('message')[0]!.message as Msg).editedAt, 'the delivered message').to.equal(null);
  });

  it('[R37] returns the edited message: new text and editedAt, the rest unchanged', () => {
    const { t, desk, c1, veraTab } = scene(1_000);
    const sent = desk.send(veraTab, 'helo');
    t.now = 4_000;
    expect(desk.edit(veraTab, sent.id, 'hello')).to.deep.equal({
      id: sent.id,
      conversationId: c1,
      authorId: 'vera',
      role: 'visitor',
      text: 'hello',
      sentAt: 1_000,
      editedAt: 4_000,
    });
  });

  it('[R38] sends the edited message to the other connections', () => {
    const { t, desk, c1, vera, alex, alexView } = scene();
    const alexSecond = inbox();
    desk.connect('alex', c1, alexSecond.listener);
    const sent = desk.send(alexView, 'Your refund is on its way');
    t.now = 50;
    const edited = desk.edit(alexView, sent.id, 'Your refund was sent today');
    expect(vera.of('edit'), 'vera gets the edit').to.deep.equal([{ type: 'edit', message: edited }]);
    expect(alexSecond.of('edit'), 'so does alex’s other view').to.deep.equal([{ type: 'edit', message: edited }]);
    expect(alex.of('edit'), 'not the connection that edited').to.deep.equal([]);
  });

  it('[R39 messages, connect] shows the edited message in messages() and in the history, in its place', () => {
    const { desk, c1, veraTab, alexView } = scene();
    desk.send(veraTab, 'one');
    const two = desk.send(alexView, 'twoo');
    desk.send(veraTab, 'three');
    desk.edit(alexView, two.id, 'two');
    expect(desk.messages(c1).map((m) => m.text)).to.deep.equal(['one', 'two', 'three']);
    const bea = inbox();
    desk.connect('bea', c1, bea.listener);
    const history = bea.events[0]!.messages as Msg[];
    expect(history.map((m) => m.text), 'a new connection’s history').to.deep.equal(['one', 'two', 'three']);
    expect(history[1]!.editedAt, 'with its editedAt').to.be.a('number');
  });

  it('[R40] leaves the objects handed out before as they were', () => {
    const { t, desk, c1, alex, veraTab } = scene();
    const sent = desk.send(veraTab, 'original');
    const listed = desk.messages(c1);
    const bea = inbox();
    desk.connect('bea', c1, bea.listener);
    t.now = 10;
    desk.edit(veraTab, sent.id, 'changed');
    expect(sent.text, 'the message send returned').to.equal('original');
    expect(sent.editedAt, 'the message send returned').to.equal(null);
    expect((alex.of('message')[0]!.message as Msg).text, 'the message event delivered before').to.equal('original');
    expect((bea.events[0]!.messages as Msg[])[0]!.text, 'the history delivered before').to.equal('original');
    expect(listed[0]!.text, 'the list messages() returned before').to.equal('original');
  });

  it('[R41] lets only the author edit, from any of their connections', () => {
    const { desk, c1, veraTab, alexView } = scene();
    const sent = desk.send(veraTab, 'mine');
    expect(codeOf(() => desk.edit(alexView, sent.id, 'not yours'), 'an agent editing vera’s message')).to.equal('FORBIDDEN');
    const veraSecond = desk.connect('vera', c1, () => {});
    expect(desk.edit(veraSecond, sent.id, 'still mine').text, 'vera’s other tab').to.equal('still mine');
  });

  it('[R42] closes the edit window exactly 15 minutes after sending', () => {
    const { t, desk, veraTab } = scene(10_000);
    const a = desk.send(veraTab, 'a');
    const b = desk.send(veraTab, 'b');
    t.now = 10_000 + 899_999;
    expect(desk.edit(veraTab, a.id, 'a2').text, 'one ms before the window closes').to.equal('a2');
    t.now = 10_000 + 900_000;
    expect(codeOf(() => desk.edit(veraTab, b.id, 'b2'), 'exactly 15 minutes later')).to.equal('EDIT_WINDOW_CLOSED');
    expect(codeOf(() => desk.edit(veraTab, a.id, 'a3'), 'an edit does not reopen the window')).to.equal('EDIT_WINDOW_CLOSED');
  });

  it('[R43] checks connection, message, author, window, then text, and changes nothing when it refuses', () => {
    const { t, desk, c1, vera, veraTab, alexView } = scene();
    const c2 = desk.openConversation('walt').id;
    const waltTab = desk.connect('walt', c2, () => {});
    const mine = desk.send(alexView, 'agent text');
    const elsewhere = desk.send(waltTab, 'walt text');
    const closedTab = desk.connect('alex', c1, () => {});
    desk.disconnect(closedTab);
    expect(codeOf(() => desk.edit(closedTab, 99, ''), 'a closed connection')).to.equal('UNKNOWN_CONNECTION');
    expect(codeOf(() => desk.edit(veraTab, elsewhere.id, ''), 'a message of another conversation')).to.equal('NOT_FOUND');
    expect(codeOf(() => desk.edit(veraTab, 99, ''), 'an unknown message')).to.equal('NOT_FOUND');
    t.now = 900_000;
    expect(codeOf(() => desk.edit(veraTab, mine.id, ''), 'someone else’s message, window closed')).to.equal('FORBIDDEN');
    expect(codeOf(() => desk.edit(alexView, mine.id, ''), 'window closed, empty text')).to.equal('EDIT_WINDOW_CLOSED');
    const fresh = desk.send(alexView, 'fresh text');
    expect(codeOf(() => desk.edit(alexView, fresh.id, 42), 'not a string')).to.equal('INVALID_ARGUMENT');
    expect(codeOf(() => desk.edit(alexView, fresh.id, ' \t'), 'blank')).to.equal('EMPTY_MESSAGE');
    expect(desk.messages(c1).map((m) => [m.text, m.editedAt]), 'nothing changed').to.deep.equal([
      ['agent text', null],
      ['fresh text', null],
    ]);
    expect(vera.of('edit'), 'nothing was sent').to.deep.equal([]);
  });

  modelTest('editing', 'random sessions with edits agree with a model, edit events included', 107);
});

describe('Agent assignment', () => {
  it('[R44][R45] assigns a conversation from an agent’s connection, to themselves or another agent', () => {
    const { desk, c1, alexView } = scene();
    const c2 = desk.openConversation('walt').id;
    expect(desk.assignee(c1), 'unassigned at first').to.equal(null);
    desk.assign(alexView, 'alex');
    expect(desk.assignee(c1)).to.equal('alex');
    desk.assign(alexView, 'bea');
    expect(desk.assignee(c1), 'handed over to bea').to.equal('bea');
    expect(desk.assignee(c2), 'the other conversation is untouched').to.equal(null);
    expect(codeOf(() => desk.assignee('c9'), 'an unknown conversation')).to.equal('NOT_FOUND');
  });

  it('[R46] tells the other connections who assigned it to whom, and when', () => {
    const { t, desk, c1, vera, alex, alexView } = scene();
    const bea = inbox();
    desk.connect('bea', c1, bea.listener);
    t.now = 77;
    desk.assign(alexView, 'bea');
    const expected = { type: 'assigned', conversationId: c1, agentId: 'bea', by: 'alex', at: 77 };
    expect(vera.of('assigned'), 'vera').to.deep.equal([expected]);
    expect(bea.of('assigned'), 'bea').to.deep.equal([expected]);
    expect(alex.of('assigned'), 'not the connection that assigned').to.deep.equal([]);
  });

  it('[R47] does nothing when the conversation already has that assignee', () => {
    const { desk, c1, vera, alexView } = scene();
    const beaView = desk.connect('bea', c1, () => {});
    desk.assign(alexView, 'alex');
    desk.assign(beaView, 'alex');
    desk.assign(alexView, 'alex');
    expect(vera.of('assigned').length, 'one change, one event').to.equal(1);
    expect(desk.assignee(c1)).to.equal('alex');
  });

  it('[R48] checks the connection, then that it is an agent’s, then the agent id', () => {
    const { desk, c1, veraTab, alexView } = scene();
    const closed = desk.connect('bea', c1, () => {});
    desk.disconnect(closed);
    expect(codeOf(() => desk.assign(closed, 'nobody'), 'a closed connection')).to.equal('UNKNOWN_CONNECTION');
    expect(codeOf(() => desk.assign(veraTab, 'nobody'), 'a visitor')).to.equal('FORBIDDEN');
    expect(codeOf(() => desk.assign(veraTab, 'alex'), 'a visitor, even naming an agent')).to.equal('FORBIDDEN');
    expect(codeOf(() => desk.assign(alexView, 'vera'), 'a visitor is not an agent')).to.equal('NOT_FOUND');
    expect(desk.assignee(c1), 'nothing was assigned').to.equal(null);
  });

  it('[R49] assigns an unassigned conversation to the first agent who writes in it', () => {
    const { t, desk, c1, vera, alex, veraTab, alexView } = scene();
    const beaView = desk.connect('bea', c1, () => {});
    desk.send(veraTab, 'hello?');
    expect(desk.assignee(c1), 'a visitor’s message assigns nothing').to.equal(null);
    t.now = 40;
    desk.send(alexView, 'Hi, I can help');
    expect(desk.assignee(c1)).to.equal('alex');
    const types = vera.events.filter((e) => e.type === 'message' || e.type === 'assigned').map((e) => e.type);
    expect(types, 'vera gets the message, then the assignment').to.deep.equal(['message', 'assigned']);
    expect(vera.of('assigned')[0], 'by alex himself').to.deep.equal({ type: 'assigned', conversationId: c1, agentId: 'alex', by: 'alex', at: 40 });
    expect(alex.of('assigned'), 'not to the connection that wrote').to.deep.equal([]);
    desk.send(beaView, 'me too');
    expect(desk.assignee(c1), 'an assigned conversation stays with its agent').to.equal('alex');
    expect(vera.of('assigned').length).to.equal(1);
  });

  it('[R50] lists an agent’s conversations in the order they were opened', () => {
    const desk = newDesk(() => 0);
    const ids = ['vera', 'walt', 'xena'].map((v) => desk.openConversation(v).id);
    const views = ids.map((id) => desk.connect('bea', id, () => {}));
    expect(desk.assignedTo('alex'), 'nothing yet').to.deep.equal([]);
    desk.assign(views[2]!, 'alex');
    desk.assign(views[0]!, 'alex');
    desk.assign(views[1]!, 'bea');
    expect(desk.assignedTo('alex')).to.deep.equal([ids[0], ids[2]]);
    desk.assign(views[0]!, 'bea');
    expect(desk.assignedTo('alex'), 'c1 moved to bea').to.deep.equal([ids[2]]);
    expect(desk.assignedTo('bea')).to.deep.equal([ids[0], ids[1]]);
  });

  modelTest('assignment', 'random sessions with assignments agree with a model, assigned events included', 108);
});

// ---------- the model-based tests ----------
//
// One small model of the whole statement. Each group's [model] test drives Requirement 1's operations plus
// that feature's, and compares the answers and the events of Requirement 1 and that feature only, so a
// feature is judged on its own, as the statement promises.

type Group = 'Requirement 1' | 'typing' | 'presence' | 'read-receipts' | 'unread' | 'reconnect' | 'editing' | 'assignment';

type Op =
  | { op: 'open'; user: string }
  | { op: 'connect'; user: string; conv: string; since?: number }
  | { op: 'disconnect' | 'typing'; conn: string }
  | { op: 'send'; conn: string; text: unknown }
  | { op: 'messages' | 'typingUsers' | 'onlineUsers' | 'assignee'; conv: string }
  | { op: 'advance'; ms: number }
  | { op: 'markRead'; conn: string; msg: number }
  | { op: 'readBy'; conv: string; msg: number }
  | { op: 'unreadCounts'; user: string }
  | { op: 'edit'; conn: string; msg: number; text: unknown }
  | { op: 'assign'; conn: string; agent: string }
  | { op: 'assignedTo'; agent: string };

/** The event types each group compares. */
const EVENT_TYPES: Record<Group, string[]> = {
  'Requirement 1': [],
  typing: ['typing'],
  presence: ['presence'],
  'read-receipts': ['read'],
  unread: [],
  reconnect: [],
  editing: ['edit'],
  assignment: ['assigned'],
};
/** Operations whose return value the statement does not fix. */
const VOID_OPS = new Set(['disconnect', 'typing', 'markRead', 'assign']);

/**
 * A generated step: which operation, two numbers that pick its arguments when it runs (mostly open
 * connections, existing conversations and messages, allowed users; sometimes the wrong ones), a text, a
 * `since` and a clock step. `resolve` turns it into a call, reading the model's state.
 */
interface Step {
  op: Op['op'];
  p: number;
  q: number;
  text: unknown;
  since: number | undefined;
  ms: number;
}

const GOOD_TEXTS: unknown[] = ['hi', 'ok', ' padded ', 'thanks!'];
const BAD_TEXTS: unknown[] = ['', ' \n\t', 42];

/** Steps for a group: Requirement 1's operations and the group's own, weighted. Plain numbers keep it fast. */
function stepsFor(group: Group): fc.Arbitrary<Step> {
  // 'advance' comes first so that a step shrinks towards "0 ms pass", which changes nothing.
  const weighted: Array<[Op['op'], number]> = [
    ['advance', 2],
    ['open', 1],
    ['connect', 4],
    ['disconnect', 2],
    ['send', 5],
    ['messages', 1],
  ];
  let clockSteps = [0, 1, 5];
  switch (group) {
    case 'typing':
      weighted.push(['typing', 6], ['typingUsers', 5]);
      clockSteps = [0, 1, 1000, 2000, 2999, 3000];
      break;
    case 'presence':
      weighted.push(['onlineUsers', 3]);
      break;
    case 'read-receipts':
      weighted.push(['markRead', 4], ['readBy', 2]);
      break;
    case 'unread':
      weighted.push(['unreadCounts', 3]);
      break;
    case 'editing':
      weighted.push(['edit', 4]);
      clockSteps = [0, 1, 300_000, 899_999, 900_000];
      break;
    case 'assignment':
      weighted.push(['assign', 3], ['assignee', 1], ['assignedTo', 1]);
      break;
    default:
  }
  const ops = weighted.flatMap(([op, weight]) => Array<Op['op']>(weight).fill(op));
  return fc
    .tuple(fc.nat(ops.length - 1), fc.nat(99), fc.nat(99), fc.nat(14), fc.nat(7), fc.nat(clockSteps.length - 1))
    .map(([o, p, q, t, s, c]) => ({
      op: ops[o]!,
      p,
      q,
      // Mostly good texts; one in five is empty, blank or not a string.
      text: t < 12 ? GOOD_TEXTS[t % GOOD_TEXTS.length] : BAD_TEXTS[t - 12],
      // Reconnects: no since, a message id 0..9, or a bad value.
      since: group !== 'reconnect' || s < 2 ? undefined : s < 6 ? q % 10 : [-1, 1.5][s - 6],
      ms: clockSteps[c]!,
    }));
}

/** The call a step makes, given the model's state before it. */
function resolve(step: Step, m: DeskModel): Op {
  const { p, q } = step;
  const open = m.conns.filter((c) => c.open);
  const conn = (): MConn | null => (open.length > 0 && p < 85 ? open[p % open.length]! : null);
  const connId = (): string => conn()?.id ?? `k${(p % (m.conns.length + 2)) + 1}`;
  const conv = (): string => (m.convs.length > 0 && p < 90 ? m.convs[p % m.convs.length]!.id : 'c9');
  // Mostly an existing message and an open connection to its conversation (its author's, for edits).
  const target = m.msgs.length > 0 && q < 85 ? m.msgs[q % m.msgs.length]! : null;
  const msgId = target?.id ?? q % (m.msgs.length + 2);
  const connFor = (byAuthor: boolean): string => {
    const fit = open.filter((c) => c.conv === target?.conversationId && (!byAuthor || c.user === target.authorId));
    return fit.length > 0 && p < 75 ? fit[p % fit.length]!.id : connId();
  };
  switch (step.op) {
    case 'advance':
      return { op: 'advance', ms: step.ms };
    case 'open':
      return { op: 'open', user: p < 85 ? ['vera', 'walt', 'xena'][p % 3]! : ['alex', 'zed'][p % 2]! };
    case 'connect': {
      const c = conv();
      const visitor = m.conv(c)?.visitorId ?? 'vera';
      const user = q < 80 ? [visitor, 'alex', 'bea'][q % 3]! : ['vera', 'walt', 'alex', 'bea', 'zed'][q % 5]!;
      return step.since === undefined ? { op: 'connect', user, conv: c } : { op: 'connect', user, conv: c, since: step.since };
    }
    case 'disconnect':
    case 'typing':
      return { op: step.op, conn: connId() };
    case 'send':
      return { op: 'send', conn: connId(), text: step.text };
    case 'edit':
      return { op: 'edit', conn: connFor(true), msg: msgId, text: step.text };
    case 'markRead':
      return { op: 'markRead', conn: connFor(false), msg: msgId };
    case 'readBy':
      return { op: 'readBy', conv: target && p < 90 ? target.conversationId : conv(), msg: msgId };
    case 'unreadCounts':
      return { op: 'unreadCounts', user: ['vera', 'walt', 'alex', 'bea', 'zed'][p % 5]! };
    case 'assign':
      return { op: 'assign', conn: connId(), agent: q < 85 ? ['alex', 'bea'][q % 2]! : ['vera', 'zed'][q % 2]! };
    case 'assignedTo':
      return { op: 'assignedTo', agent: ['alex', 'bea', 'vera'][p % 3]! };
    default:
      return { op: step.op, conv: conv() };
  }
}

interface MConn {
  id: string;
  user: string;
  role: string;
  conv: string;
  open: boolean;
}

/** The statement, literally: lists and filters. */
class DeskModel {
  now = 0;
  convs: Array<{ id: string; visitorId: string; startedAt: number }> = [];
  msgs: Msg[] = [];
  conns: MConn[] = [];
  typedAt = new Map<string, number>(); // `${conv} ${user}` → last keystroke
  readPos = new Map<string, number>(); // `${conv} ${user}` → read position
  unread = new Map<string, number>(); // `${conv} ${user}` → count
  assignees = new Map<string, string>();
  inbox = new Map<string, Ev[]>();

  constructor(
    readonly types: string[],
    readonly withEdits: boolean,
  ) {}

  project(m: Msg): Msg {
    // A message without editedAt is shown as such, so it never passes for one with editedAt: null.
    return this.withEdits ? { ...core(m), editedAt: m.editedAt === undefined ? ('(missing)' as unknown as null) : m.editedAt } : core(m);
  }
  push(connId: string, e: Ev): void {
    if (e.type !== 'history' && e.type !== 'message' && !this.types.includes(e.type)) return;
    if (!this.inbox.has(connId)) this.inbox.set(connId, []);
    this.inbox.get(connId)!.push(e);
  }
  openConns(conv: string): MConn[] {
    return this.conns.filter((c) => c.open && c.conv === conv);
  }
  toOthers(conv: string, exceptId: string | null, e: Ev): void {
    for (const c of this.openConns(conv)) if (c.id !== exceptId) this.push(c.id, e);
  }
  connected(user: string, conv: string): boolean {
    return this.openConns(conv).some((c) => c.user === user);
  }
  conv(id: string) {
    return this.convs.find((c) => c.id === id);
  }
  conn(id: string): MConn | undefined {
    return this.conns.find((c) => c.id === id && c.open);
  }
  isAgent(user: string): boolean {
    return AGENTS.includes(user);
  }
  membersOf(conv: string): string[] {
    return [this.conv(conv)!.visitorId, ...AGENTS];
  }
  msgIn(conv: string, id: number): Msg | undefined {
    return this.msgs.find((m) => m.id === id && m.conversationId === conv);
  }
  badText(text: unknown): string | null {
    if (typeof text !== 'string') return 'INVALID_ARGUMENT';
    return text.trim() === '' ? 'EMPTY_MESSAGE' : null;
  }
  setAssignee(conv: string, agent: string, by: MConn): void {
    if (this.assignees.get(conv) === agent) return;
    this.assignees.set(conv, agent);
    this.toOthers(conv, by.id, { type: 'assigned', conversationId: conv, agentId: agent, by: by.user, at: this.now });
  }

  apply(o: Op): { value: unknown } | { code: string } {
    switch (o.op) {
      case 'advance':
        this.now += o.ms;
        return { value: undefined };
      case 'open': {
        if (this.isAgent(o.user)) return { code: 'INVALID_ARGUMENT' };
        const c = { id: `c${this.convs.length + 1}`, visitorId: o.user, startedAt: this.now };
        this.convs.push(c);
        return { value: c };
      }
      case 'connect': {
        const conv = this.conv(o.conv);
        if (!conv) return { code: 'NOT_FOUND' };
        if (!this.isAgent(o.user) && o.user !== conv.visitorId) return { code: 'FORBIDDEN' };
        if (o.since !== undefined && (!Number.isInteger(o.since) || o.since < 0)) return { code: 'INVALID_ARGUMENT' };
        const wasOnline = this.connected(o.user, o.conv);
        const role = this.isAgent(o.user) ? 'agent' : 'visitor';
        const c: MConn = { id: `k${this.conns.length + 1}`, user: o.user, role, conv: o.conv, open: true };
        this.conns.push(c);
        this.unread.set(`${o.conv} ${o.user}`, 0);
        const since = o.since ?? 0;
        const history = this.msgs.filter((m) => m.conversationId === o.conv && m.id > since).map((m) => this.project(m));
        this.push(c.id, { type: 'history', conversationId: o.conv, messages: history });
        if (!wasOnline) this.toOthers(o.conv, c.id, { type: 'presence', conversationId: o.conv, userId: o.user, status: 'online', at: this.now });
        return { value: c.id };
      }
      case 'disconnect': {
        const c = this.conn(o.conn);
        if (!c) return { code: 'UNKNOWN_CONNECTION' };
        c.open = false;
        if (!this.connected(c.user, c.conv)) {
          this.toOthers(c.conv, null, { type: 'presence', conversationId: c.conv, userId: c.user, status: 'offline', at: this.now });
        }
        return { value: undefined };
      }
      case 'send': {
        const c = this.conn(o.conn);
        if (!c) return { code: 'UNKNOWN_CONNECTION' };
        const bad = this.badText(o.text);
        if (bad) return { code: bad };
        const m: Msg = {
          id: this.msgs.length + 1,
          conversationId: c.conv,
          authorId: c.user,
          role: c.role,
          text: o.text as string,
          sentAt: this.now,
          editedAt: null,
        };
        this.msgs.push(m);
        this.typedAt.delete(`${c.conv} ${c.user}`);
        for (const user of this.membersOf(c.conv)) {
          const key = `${c.conv} ${user}`;
          if (user !== c.user && !this.connected(user, c.conv)) this.unread.set(key, (this.unread.get(key) ?? 0) + 1);
        }
        this.toOthers(c.conv, c.id, { type: 'message', message: this.project(m) });
        if (c.role === 'agent' && !this.assignees.has(c.conv)) this.setAssignee(c.conv, c.user, c);
        return { value: this.project(m) };
      }
      case 'messages':
        if (!this.conv(o.conv)) return { code: 'NOT_FOUND' };
        return { value: this.msgs.filter((m) => m.conversationId === o.conv).map((m) => this.project(m)) };
      case 'typing': {
        const c = this.conn(o.conn);
        if (!c) return { code: 'UNKNOWN_CONNECTION' };
        this.typedAt.set(`${c.conv} ${c.user}`, this.now);
        this.toOthers(c.conv, c.id, { type: 'typing', conversationId: c.conv, userId: c.user });
        return { value: undefined };
      }
      case 'typingUsers': {
        if (!this.conv(o.conv)) return { code: 'NOT_FOUND' };
        const users = [...this.typedAt]
          .filter(([key, at]) => key.startsWith(`${o.conv} `) && this.now < at + 3000)
          .map(([key]) => key.split(' ')[1]!);
        return { value: users.sort() };
      }
      case 'onlineUsers':
        if (!this.conv(o.conv)) return { code: 'NOT_FOUND' };
        return { value: [...new Set(this.openConns(o.conv).map((c) => c.user))].sort() };
      case 'markRead': {
        const c = this.conn(o.conn);
        if (!c) return { code: 'UNKNOWN_CONNECTION' };
        if (!this.msgIn(c.conv, o.msg)) return { code: 'NOT_FOUND' };
        const key = `${c.conv} ${c.user}`;
        if (o.msg > (this.readPos.get(key) ?? 0)) {
          this.readPos.set(key, o.msg);
          this.toOthers(c.conv, c.id, { type: 'read', conversationId: c.conv, userId: c.user, messageId: o.msg, at: this.now });
        }
        return { value: undefined };
      }
      case 'readBy': {
        const m = this.conv(o.conv) ? this.msgIn(o.conv, o.msg) : undefined;
        if (!m) return { code: 'NOT_FOUND' };
        const users = [...this.readPos].filter(([key, pos]) => key.startsWith(`${o.conv} `) && pos >= o.msg).map(([key]) => key.split(' ')[1]!);
        return { value: users.filter((u) => u !== m.authorId).sort() };
      }
      case 'unreadCounts': {
        const counts: Record<string, number> = {};
        for (const c of this.convs) if (this.isAgent(o.user) || c.visitorId === o.user) counts[c.id] = this.unread.get(`${c.id} ${o.user}`) ?? 0;
        return { value: counts };
      }
      case 'edit': {
        const c = this.conn(o.conn);
        if (!c) return { code: 'UNKNOWN_CONNECTION' };
        const m = this.msgIn(c.conv, o.msg);
        if (!m) return { code: 'NOT_FOUND' };
        if (m.authorId !== c.user) return { code: 'FORBIDDEN' };
        if (this.now >= m.sentAt + 900_000) return { code: 'EDIT_WINDOW_CLOSED' };
        const bad = this.badText(o.text);
        if (bad) return { code: bad };
        const edited: Msg = { ...m, text: o.text as string, editedAt: this.now };
        this.msgs[this.msgs.indexOf(m)] = edited;
        this.toOthers(c.conv, c.id, { type: 'edit', message: this.project(edited) });
        return { value: this.project(edited) };
      }
      case 'assign': {
        const c = this.conn(o.conn);
        if (!c) return { code: 'UNKNOWN_CONNECTION' };
        if (c.role !== 'agent') return { code: 'FORBIDDEN' };
        if (!this.isAgent(o.agent)) return { code: 'NOT_FOUND' };
        this.setAssignee(c.conv, o.agent, c);
        return { value: undefined };
      }
      case 'assignee':
        if (!this.conv(o.conv)) return { code: 'NOT_FOUND' };
        return { value: this.assignees.get(o.conv) ?? null };
      case 'assignedTo':
        return { value: this.convs.filter((c) => this.assignees.get(c.id) === o.agent).map((c) => c.id) };
    }
  }
}

/** Deep equality of plain data (what JSON can hold), whatever the order of the keys. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** JSON with sorted keys, for the messages. */
function canon(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function show(o: Op): string {
  const q = (v: unknown) => JSON.stringify(v);
  switch (o.op) {
    case 'advance':
      return `${o.ms} ms pass`;
    case 'open':
      return `openConversation(${q(o.user)})`;
    case 'connect':
      return `connect(${q(o.user)}, ${q(o.conv)}${o.since === undefined ? '' : `, { since: ${o.since} }`})`;
    case 'send':
      return `send(${q(o.conn)}, ${q(o.text)})`;
    case 'markRead':
      return `markRead(${q(o.conn)}, ${o.msg})`;
    case 'readBy':
      return `readBy(${q(o.conv)}, ${o.msg})`;
    case 'edit':
      return `edit(${q(o.conn)}, ${o.msg}, ${q(o.text)})`;
    case 'assign':
      return `assign(${q(o.conn)}, ${q(o.agent)})`;
    case 'unreadCounts':
      return `unreadCounts(${q(o.user)})`;
    case 'assignedTo':
      return `assignedTo(${q(o.agent)})`;
    case 'disconnect':
    case 'typing':
      return `${o.op}(${q(o.conn)})`;
    default:
      return `${o.op}(${q(o.conv)})`;
  }
}

/** Runs one scenario on the project and on the model: null if they agree, else the story of the divergence. */
function runScenario(group: Group, steps: Step[]): string | null {
  const types = EVENT_TYPES[group];
  const model = new DeskModel(types, group === 'editing');
  let now = 0;
  let desk: Desk;
  const start = `new SupportDesk({ agents: ${JSON.stringify(AGENTS)} })`;
  // The steps so far with what they answered; written out only when the project and the model part.
  const done: Array<{ o: Op; expected: { value: unknown } | { code: string } }> = [];
  const story = (): string => {
    const steps = done.flatMap(({ o, expected }) => {
      if ('code' in expected) return [`${show(o)} → ${expected.code}`];
      if (o.op === 'open') return [`${show(o)} → ${canon((expected.value as { id: string }).id)}`];
      if (o.op === 'connect') return [`${show(o)} → ${canon(expected.value)}`];
      return o.op === 'advance' && o.ms === 0 ? [] : [show(o)]; // "0 ms pass" changes nothing
    });
    return `after ${[start, ...steps].join(', ')}`;
  };
  try {
    desk = newDesk(() => now);
  } catch (e) {
    return `${start} threw ${String(e)}`;
  }
  const got = new Map<string, Ev[]>();
  // A copy of the event taken when the listener gets it (its other fields are plain values).
  const projectEvent = (e: Ev): Ev => {
    const copy: Ev = { ...e };
    if (copy.type === 'history' && Array.isArray(copy.messages)) copy.messages = (copy.messages as Msg[]).map((m) => model.project(m));
    if ((copy.type === 'message' || copy.type === 'edit') && copy.message) copy.message = model.project(copy.message as Msg);
    return copy;
  };
  const listenerFor = (box: Ev[]): Listener => (e) => {
    if (e.type === 'history' || e.type === 'message' || types.includes(e.type)) box.push(projectEvent(e));
  };
  const checked = new Map<string, number>();
  for (const step of steps) {
    const o = resolve(step, model);
    const expected = model.apply(o);
    if (o.op === 'advance') now += o.ms;
    let value: unknown;
    let thrown: unknown;
    const box: Ev[] = [];
    try {
      switch (o.op) {
        case 'advance':
          break;
        case 'open':
          value = desk.openConversation(o.user);
          break;
        case 'connect':
          value =
            o.since === undefined
              ? desk.connect(o.user, o.conv, listenerFor(box))
              : desk.connect(o.user, o.conv, listenerFor(box), { since: o.since });
          break;
        case 'disconnect':
          value = desk.disconnect(o.conn);
          break;
        case 'typing':
          value = desk.typing(o.conn);
          break;
        case 'send':
          value = model.project(desk.send(o.conn, o.text));
          break;
        case 'edit':
          value = model.project(desk.edit(o.conn, o.msg, o.text));
          break;
        case 'messages':
          value = desk.messages(o.conv).map((m) => model.project(m));
          break;
        case 'markRead':
          value = desk.markRead(o.conn, o.msg);
          break;
        case 'readBy':
          value = desk.readBy(o.conv, o.msg);
          break;
        case 'unreadCounts':
          value = desk.unreadCounts(o.user);
          break;
        case 'assign':
          value = desk.assign(o.conn, o.agent);
          break;
        case 'assignedTo':
          value = desk.assignedTo(o.agent);
          break;
        default:
          value = desk[o.op](o.conv);
      }
    } catch (e) {
      thrown = e;
    }
    const where = (): string => `${story()}: ${show(o)}`;
    if ('code' in expected) {
      if (!(thrown instanceof DeskError) || thrown.code !== expected.code) {
        return `${where()} expected DeskError ${expected.code}, got ${thrown === undefined ? `${canon(value)}` : String(thrown)}`;
      }
    } else {
      if (thrown !== undefined) return `${where()} expected ${canon(expected.value)}, got ${String(thrown)}`;
      if (!VOID_OPS.has(o.op) && !same(value, expected.value)) return `${where()} expected ${canon(expected.value)}, got ${canon(value)}`;
      if (o.op === 'connect') got.set(expected.value as string, box);
    }
    done.push({ o, expected });
    for (const id of new Set([...got.keys(), ...model.inbox.keys()])) {
      const from = checked.get(id) ?? 0;
      const have = got.get(id) ?? [];
      const want = model.inbox.get(id) ?? [];
      if (have.length === from && want.length === from) continue;
      if (have.length !== want.length || !same(have.slice(from), want.slice(from))) {
        return `${story()}: new events of ${id}: expected ${canon(want.slice(from))}, got ${canon(have.slice(from))}`;
      }
      checked.set(id, have.length);
    }
  }
  return null;
}

function modelTest(group: Group, title: string, seed: number): void {
  it(`[model] ${title}`, () => {
    // Every scenario starts the same way: c1 (vera's) and c2 (walt's) are opened, vera and alex connect to
    // c1 (k1, k2), walt to c2 (k3), and vera says hi (message 1).
    const at = (op: Op['op'], p: number, q: number): Step => ({ op, p, q, text: 'hi', since: undefined, ms: 0 });
    const start: Step[] = [at('open', 0, 0), at('open', 1, 0), at('connect', 0, 0), at('connect', 0, 1), at('connect', 1, 0), at('send', 0, 0)];
    const scenario = fc.array(stepsFor(group), { minLength: 10, maxLength: 30, size: 'max' });
    const result = fc.check(
      fc.property(scenario, (ops) => runScenario(group, [...start, ...ops]) === null),
      { seed, numRuns: 20 },
    );
    if (result.failed && result.counterexample) {
      const story = runScenario(group, [...start, ...result.counterexample[0]]) ?? 'the scenario failed (an exception in the property?)';
      throw new Error(`${story} (fast-check seed ${seed}, shrunk ${result.numShrinks} times)`);
    }
    if (result.failed) throw new Error(`the model test failed: ${String(result.errorInstance)} (fast-check seed ${seed})`);
  });
}
