import { expect } from 'chai';
import fc from 'fast-check';
import { expectMessage, messageHasPart } from 'rehearse-test';
import { ChatBroker, ChatError, type ChatEvent, type ChatMessage } from './solution';

/** JSON with object keys sorted, so two answers compare equal whatever order their fields were built in. */
function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

/** A listener that remembers every event pushed to it. */
function inbox() {
  const events: ChatEvent[] = [];
  const listener = (event: ChatEvent) => {
    events.push(event);
  };
  const messages = (): ChatMessage[] =>
    events.flatMap((e) => (e.type === 'message' ? [e.message] : []));
  const texts = (): string[] => messages().map((m) => m.text);
  return { events, listener, messages, texts };
}

/** A clock the test moves by hand. */
function manualClock(start = 0) {
  let now = start;
  return {
    clock: () => now,
    set(t: number) {
      now = t;
    },
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Runs fn and returns the ChatError code it throws; fails if it throws anything else or nothing. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err, 'the error should be an instance of ChatError').to.be.instanceOf(ChatError);
    return (err as ChatError).code;
  }
  expect.fail('expected a ChatError to be thrown, but the call returned normally');
}

/** Runs fn and returns the ChatError it throws; fails if it throws anything else or nothing. */
function errorOf(fn: () => unknown): ChatError {
  try {
    fn();
  } catch (err) {
    expect(err, 'the error should be an instance of ChatError').to.be.instanceOf(ChatError);
    return err as ChatError;
  }
  expect.fail('expected a ChatError to be thrown, but the call returned normally');
}

function historyEvents(events: ChatEvent[]) {
  return events.filter((e): e is Extract<ChatEvent, { type: 'history' }> => e.type === 'history');
}

function presenceEvents(events: ChatEvent[]) {
  return events.filter((e): e is Extract<ChatEvent, { type: 'presence' }> => e.type === 'presence');
}

describe('Stage 1: delivery', () => {
  it('[R9] does not echo a message back to its sender’s listener', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const ana = inbox();
    const ben = inbox();
    broker.connect('ana', 'r', ana.listener);
    broker.connect('ben', 'r', ben.listener);
    broker.send('ana', 'one');
    broker.send('ben', 'two');
    expect(ana.texts(), 'ana should only hear ben').to.deep.equal(['two']);
    expect(ben.texts(), 'ben should only hear ana').to.deep.equal(['one']);
  });

  it('[R8] delivers to every other client in the room, in the order they connected', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const order: string[] = [];
    for (const id of ['zed', 'amy', 'kim', 'bob']) {
      broker.connect(id, 'r', (e) => {
        if (e.type === 'message') order.push(`${id}:${e.message.text}`);
      });
    }
    broker.send('kim', 'hey');
    expect(order, 'zed, amy and bob should each get it once, in connection order').to.deep.equal([
      'zed:hey',
      'amy:hey',
      'bob:hey',
    ]);
  });

  it('[R8] does not deliver to clients connected to other rooms', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const ana = inbox();
    const ben = inbox();
    const cy = inbox();
    broker.connect('ana', 'red', ana.listener);
    broker.connect('ben', 'red', ben.listener);
    broker.connect('cy', 'blue', cy.listener);
    broker.send('ana', 'for red only');
    expect(cy.messages(), 'a client in room "blue" should receive nothing from room "red"').to.deep.equal([]);
    expect(ben.texts(), 'the client in room "red" should receive it').to.deep.equal(['for red only']);
  });

  it('[R7] stamps sentAt with the injected clock at the moment of sending', () => {
    const t = manualClock(5_000);
    const broker = new ChatBroker({ clock: t.clock });
    const ben = inbox();
    broker.connect('ana', 'r', () => {});
    t.advance(10);
    broker.connect('ben', 'r', ben.listener);
    t.set(5_123);
    const first = broker.send('ana', 'a');
    t.set(9_999);
    const second = broker.send('ana', 'b');
    expect(first.sentAt, 'the first message was sent at 5123').to.equal(5_123);
    expect(second.sentAt, 'the second message was sent at 9999').to.equal(9_999);
    expect(ben.messages().map((m) => m.sentAt), 'recipients should see the same timestamps').to.deep.equal([5_123, 9_999]);
  });

  it('[R6] numbers messages 1, 2, 3 across all rooms, and rejected sends use up no number', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    broker.connect('ana', 'red', () => {});
    broker.connect('cy', 'blue', () => {});
    const ids = [broker.send('ana', 'x').id];
    expect(codeOf(() => broker.send('ana', '   ')), 'whitespace is rejected').to.equal('EMPTY_MESSAGE');
    ids.push(broker.send('cy', 'y').id);
    ids.push(broker.send('ana', 'z').id);
    expect(ids, 'ids should be one broker-wide sequence without gaps').to.deep.equal([1, 2, 3]);
  });

  it('[R7] keeps the text exactly as sent, surrounding spaces and newlines included', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const ben = inbox();
    broker.connect('ana', 'r', () => {});
    broker.connect('ben', 'r', ben.listener);
    const sent = broker.send('ana', '  two lines\nhere  ');
    expect(sent.text, 'the returned text should not be trimmed').to.equal('  two lines\nhere  ');
    expect(ben.texts(), 'the delivered text should not be trimmed').to.deep.equal(['  two lines\nhere  ']);
  });

  it('[R10] gives each recipient its own copy of the message', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const ben = inbox();
    broker.connect('ana', 'r', () => {});
    broker.connect('mal', 'r', (e) => {
      if (e.type === 'message') e.message.text = 'tampered';
    });
    broker.connect('ben', 'r', ben.listener);
    const sent = broker.send('ana', 'original');
    expect(ben.texts(), 'another listener changing its copy must not change ben’s').to.deep.equal(['original']);
    expect(sent.text, 'nor the sender’s returned message').to.equal('original');
  });

  it('[R11 send] keeps delivering to the other clients when one listener throws', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const ben = inbox();
    broker.connect('ana', 'r', () => {});
    broker.connect('broken', 'r', () => {
      throw new Error('client crashed');
    });
    broker.connect('ben', 'r', ben.listener);
    expect(() => broker.send('ana', 'still there?'), 'send should not fail because of a bad listener').not.to.throw();
    expect(ben.texts(), 'ben, connected after the broken client, should still get the message').to.deep.equal([
      'still there?',
    ]);
  });
});

describe('Stage 1: validation', () => {
  it('[R12] rejects an empty message with EMPTY_MESSAGE and delivers nothing', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const ben = inbox();
    broker.connect('ana', 'r', () => {});
    broker.connect('ben', 'r', ben.listener);
    expect(codeOf(() => broker.send('ana', '')), 'empty text').to.equal('EMPTY_MESSAGE');
    expect(ben.messages(), 'a rejected message must not be delivered').to.deep.equal([]);
  });

  it('[R12] rejects whitespace-only text (spaces, tabs, newlines) with EMPTY_MESSAGE', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const ben = inbox();
    broker.connect('ana', 'r', () => {});
    broker.connect('ben', 'r', ben.listener);
    expect(codeOf(() => broker.send('ana', ' \t\n ')), 'whitespace-only text').to.equal('EMPTY_MESSAGE');
    expect(ben.messages(), 'a rejected message must not be delivered').to.deep.equal([]);
  });

  it('[R12] accepts a text of exactly maxMessageLength and rejects one character more with MESSAGE_TOO_LONG', () => {
    const broker = new ChatBroker({ clock: () => 0, maxMessageLength: 10 });
    const ben = inbox();
    broker.connect('ana', 'r', () => {});
    broker.connect('ben', 'r', ben.listener);
    expect(() => broker.send('ana', 'x'.repeat(10)), '10 characters with a limit of 10 is allowed').not.to.throw();
    expect(codeOf(() => broker.send('ana', 'x'.repeat(11))), '11 characters with a limit of 10').to.equal('MESSAGE_TOO_LONG');
    expect(ben.texts(), 'only the message within the limit is delivered').to.deep.equal(['x'.repeat(10)]);
  });

  it('[R1] uses 1000 characters as the default maxMessageLength', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    broker.connect('ana', 'r', () => {});
    expect(() => broker.send('ana', 'y'.repeat(1000)), '1000 characters should pass by default').not.to.throw();
    expect(codeOf(() => broker.send('ana', 'y'.repeat(1001))), '1001 characters by default').to.equal('MESSAGE_TOO_LONG');
  });

  it('[R12] rejects a send from a client that never connected with UNKNOWN_CLIENT, checked before the text', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const ben = inbox();
    broker.connect('ben', 'r', ben.listener);
    expect(codeOf(() => broker.send('ghost', 'boo')), 'unknown sender').to.equal('UNKNOWN_CLIENT');
    expect(codeOf(() => broker.send('ghost', '')), 'unknown sender wins over empty text').to.equal('UNKNOWN_CLIENT');
    expect(ben.messages(), 'nothing should be delivered').to.deep.equal([]);
  });

  it('[R1][R2] rejects malformed arguments and options with INVALID_ARGUMENT', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    expect(codeOf(() => broker.connect('', 'r', () => {})), 'empty client id').to.equal('INVALID_ARGUMENT');
    expect(codeOf(() => broker.connect('ana', '', () => {})), 'empty room').to.equal('INVALID_ARGUMENT');
    expect(
      codeOf(() => broker.connect('ana', 'r', 'not a function' as unknown as () => void)),
      'a listener that is not a function',
    ).to.equal('INVALID_ARGUMENT');
    broker.connect('ana', 'r', () => {});
    expect(codeOf(() => broker.send('ana', 42 as unknown as string)), 'text that is not a string').to.equal(
      'INVALID_ARGUMENT',
    );
    expect(codeOf(() => new ChatBroker({} as unknown as { clock: () => number })), 'a missing clock').to.equal(
      'INVALID_ARGUMENT',
    );
    expect(codeOf(() => new ChatBroker({ clock: () => 0, maxMessageLength: 0 })), 'maxMessageLength 0').to.equal(
      'INVALID_ARGUMENT',
    );
  });
});

describe('Stage 1: error messages', () => {
  it('[R13] names the error ChatError', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    expect(errorOf(() => broker.disconnect('ghost')).name).to.equal('ChatError');
  });

  it('[R1][R14] names the bad option in INVALID_ARGUMENT', () => {
    const noClock = errorOf(() => new ChatBroker({} as unknown as { clock: () => number }));
    expectMessage(noClock, ['clock'], 'a missing clock');
    const length = errorOf(() => new ChatBroker({ clock: () => 0, maxMessageLength: 0 }));
    expectMessage(length, ['maxMessageLength'], 'maxMessageLength 0');
  });

  it('[R2][R14] names the bad argument of connect and send in INVALID_ARGUMENT', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    expectMessage(errorOf(() => broker.connect('', 'r', () => {})), ['clientId'], 'empty client id');
    expectMessage(errorOf(() => broker.connect('ana', '', () => {})), ['room'], 'empty room');
    expectMessage(errorOf(() => broker.connect('ana', 'r', null as unknown as () => void)), ['listener'], 'a listener that is not a function');
    broker.connect('ana', 'r', () => {});
    expectMessage(errorOf(() => broker.send('ana', 42 as unknown as string)), ['text'], 'text that is not a string');
  });

  it('[R2] rejects a client id or room that is not a string, even one with a length', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    expect(codeOf(() => broker.connect(['ana'] as unknown as string, 'r', () => {})), 'an array as client id').to.equal(
      'INVALID_ARGUMENT',
    );
    expect(codeOf(() => broker.connect('ana', ['r'] as unknown as string, () => {})), 'an array as room').to.equal(
      'INVALID_ARGUMENT',
    );
  });

  it('[R14] names the client in ALREADY_CONNECTED and UNKNOWN_CLIENT', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    broker.connect('ana', 'r', () => {});
    expectMessage(errorOf(() => broker.connect('ana', 'r', () => {})), ['ana'], 'already connected');
    expectMessage(errorOf(() => broker.send('ghost', 'hi')), ['ghost'], 'unknown sender');
    expectMessage(errorOf(() => broker.disconnect('phantom')), ['phantom'], 'unknown client');
  });

  it('[R14] says why a text is refused: empty or whitespace, or longer than the limit', () => {
    const broker = new ChatBroker({ clock: () => 0, maxMessageLength: 10 });
    broker.connect('ana', 'r', () => {});
    const blank = errorOf(() => broker.send('ana', '  '));
    expect(messageHasPart(blank.message, 'empty') || messageHasPart(blank.message, 'whitespace'), `whitespace-only: the message says empty or whitespace, got ${JSON.stringify(blank.message)}`).to.equal(true);
    expectMessage(errorOf(() => broker.send('ana', 'x'.repeat(11))), ['10'], 'the message gives the limit');
  });
});

describe('Stage 1: connections', () => {
  it('[R5][R8] delivers nothing to a client that another client’s listener disconnects mid-send, and the send succeeds', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const cy = inbox();
    broker.connect('ana', 'r', () => {});
    broker.connect('ben', 'r', (e) => {
      if (e.type === 'message') broker.disconnect('cy');
    });
    broker.connect('cy', 'r', cy.listener);
    let sent: ChatMessage | undefined;
    expect(() => {
      sent = broker.send('ana', 'bye cy');
    }, 'send should not fail because a recipient left during delivery').not.to.throw();
    expect(sent?.text).to.equal('bye cy');
    expect(cy.messages(), 'cy was disconnected before its turn').to.deep.equal([]);
  });

  it('[R5] stops delivering to a client after it disconnects and rejects its sends with UNKNOWN_CLIENT', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const ana = inbox();
    broker.connect('ana', 'r', ana.listener);
    broker.connect('ben', 'r', () => {});
    broker.disconnect('ana');
    broker.send('ben', 'anyone?');
    expect(ana.messages(), 'a disconnected client should receive nothing').to.deep.equal([]);
    expect(codeOf(() => broker.send('ana', 'I am back?')), 'a disconnected sender').to.equal('UNKNOWN_CLIENT');
    expect(codeOf(() => broker.disconnect('ana')), 'disconnecting twice').to.equal('UNKNOWN_CLIENT');
    expect(codeOf(() => broker.disconnect('never-seen')), 'disconnecting an unknown id').to.equal('UNKNOWN_CLIENT');
  });

  it('[R3] rejects connecting an id that is already connected, even to another room, and keeps the first connection', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const first = inbox();
    const second = inbox();
    broker.connect('ana', 'red', first.listener);
    broker.connect('ben', 'red', () => {});
    expect(codeOf(() => broker.connect('ana', 'blue', second.listener)), 'same id again').to.equal('ALREADY_CONNECTED');
    broker.send('ben', 'still red');
    expect(first.texts(), 'the original connection should still receive messages').to.deep.equal(['still red']);
    expect(second.messages(), 'the rejected listener should receive nothing').to.deep.equal([]);
  });

  it('[R4] lets a client reconnect after disconnecting, to a different room', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    const old = inbox();
    const fresh = inbox();
    broker.connect('ana', 'red', old.listener);
    broker.connect('ben', 'red', () => {});
    broker.connect('cy', 'blue', () => {});
    broker.disconnect('ana');
    broker.connect('ana', 'blue', fresh.listener);
    broker.send('ben', 'red news');
    broker.send('cy', 'blue news');
    const sent = broker.send('ana', 'hello blue');
    expect(sent.room, 'ana now sends to blue').to.equal('blue');
    expect(fresh.texts(), 'the new connection hears only blue').to.deep.equal(['blue news']);
    expect(old.messages(), 'the old listener hears nothing after disconnecting').to.deep.equal([]);
  });
});

describe('Stage 2: options', () => {
  it('[R15] rejects a typingTimeoutMs below 1 or a negative historySize with INVALID_ARGUMENT naming the option', () => {
    const typing = errorOf(() => new ChatBroker({ clock: () => 0, typingTimeoutMs: 0 }));
    expect(typing.code).to.equal('INVALID_ARGUMENT');
    expectMessage(typing, ['typingTimeoutMs'], 'typingTimeoutMs 0');
    const history = errorOf(() => new ChatBroker({ clock: () => 0, historySize: -1 }));
    expect(history.code).to.equal('INVALID_ARGUMENT');
    expectMessage(history, ['historySize'], 'historySize -1');
    expect(() => new ChatBroker({ clock: () => 0, typingTimeoutMs: 1, historySize: 0 }), 'the smallest allowed values').not.to.throw();
  });
});

describe('Stage 2: typing indicator', () => {
  it('[R16][R17] counts a client as typing until exactly typingTimeoutMs after its keystroke (default 3000)', () => {
    const t = manualClock(1_000);
    const broker = new ChatBroker({ clock: t.clock });
    broker.connect('ana', 'r', () => {});
    expect(broker.isTyping('ana'), 'no keystroke yet').to.equal(false);
    broker.typing('ana');
    t.set(3_999);
    expect(broker.isTyping('ana'), '2999 ms after the keystroke: still typing').to.equal(true);
    t.set(4_000);
    expect(broker.isTyping('ana'), 'exactly 3000 ms after the keystroke: no longer typing').to.equal(false);
    expect(broker.typingUsers('r'), 'typingUsers should agree at the boundary').to.deep.equal([]);
  });

  it('[R17] restarts the typing window on every keystroke', () => {
    const t = manualClock(0);
    const broker = new ChatBroker({ clock: t.clock, typingTimeoutMs: 100 });
    broker.connect('ana', 'r', () => {});
    broker.typing('ana');
    t.set(80);
    broker.typing('ana');
    t.set(150);
    expect(broker.isTyping('ana'), '70 ms after the second keystroke: still typing').to.equal(true);
    t.set(180);
    expect(broker.isTyping('ana'), '100 ms after the second keystroke: stopped').to.equal(false);
    broker.typing('ana');
    expect(broker.isTyping('ana'), 'typing again after expiry starts a new window').to.equal(true);
  });

  it('[R18 send] clears the sender’s typing state when it sends, and only the sender’s', () => {
    const t = manualClock(0);
    const broker = new ChatBroker({ clock: t.clock, typingTimeoutMs: 1_000 });
    broker.connect('ana', 'r', () => {});
    broker.connect('ben', 'r', () => {});
    broker.typing('ana');
    broker.typing('ben');
    t.set(10);
    broker.send('ana', 'sent');
    expect(broker.isTyping('ana'), 'ana sent her message').to.equal(false);
    expect(broker.isTyping('ben'), 'ben is still typing').to.equal(true);
    expect(broker.typingUsers('r'), 'only ben remains').to.deep.equal(['ben']);
  });

  it('[R16][R17][R18 disconnect] clears typing on disconnect, reports unknown ids as not typing, and rejects keystrokes from unknown clients', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    broker.connect('ana', 'r', () => {});
    broker.typing('ana');
    broker.disconnect('ana');
    expect(broker.isTyping('ana'), 'a disconnected client is not typing').to.equal(false);
    expect(broker.typingUsers('r'), 'a disconnected client is not listed').to.deep.equal([]);
    expect(broker.isTyping('nobody'), 'an unknown id is not typing').to.equal(false);
    expect(codeOf(() => broker.typing('nobody')), 'keystroke from an unknown client').to.equal('UNKNOWN_CLIENT');
    broker.connect('ana', 'r', () => {});
    expect(broker.isTyping('ana'), 'reconnecting starts with no typing state').to.equal(false);
  });

  it('[R19] lists only the typing clients of the asked room, sorted, and [] for an unknown room', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    for (const id of ['mia', 'zoe', 'abe', 'kai']) broker.connect(id, 'red', () => {});
    broker.connect('out', 'blue', () => {});
    broker.typing('zoe');
    broker.typing('out');
    broker.typing('abe');
    expect(broker.typingUsers('red'), 'abe and zoe, sorted; not the blue room’s typist').to.deep.equal(['abe', 'zoe']);
    expect(broker.typingUsers('blue'), 'blue has its own typist').to.deep.equal(['out']);
    expect(broker.typingUsers('nowhere'), 'unknown room').to.deep.equal([]);
  });
});

describe('Stage 2: history', () => {
  it('[R20] keeps only the last historySize messages of a room, oldest first', () => {
    const broker = new ChatBroker({ clock: () => 0, historySize: 3 });
    broker.connect('ana', 'r', () => {});
    for (const text of ['m1', 'm2', 'm3', 'm4', 'm5']) broker.send('ana', text);
    expect(broker.history('r').map((m) => m.text), 'the three most recent, oldest first').to.deep.equal(['m3', 'm4', 'm5']);
  });

  it('[R15][R20] keeps 50 messages by default and none with historySize 0', () => {
    const standard = new ChatBroker({ clock: () => 0 });
    standard.connect('ana', 'r', () => {});
    for (let i = 1; i <= 60; i++) standard.send('ana', `m${i}`);
    const kept = standard.history('r');
    expect(kept, 'default history size is 50').to.have.length(50);
    expect(kept[0]!.text, 'the oldest kept is m11').to.equal('m11');

    const none = new ChatBroker({ clock: () => 0, historySize: 0 });
    none.connect('ana', 'r', () => {});
    none.send('ana', 'gone');
    expect(none.history('r'), 'historySize 0 keeps nothing').to.deep.equal([]);
  });

  it('[R20] keeps a separate history per room, with the full message fields', () => {
    const t = manualClock(50);
    const broker = new ChatBroker({ clock: t.clock });
    broker.connect('ana', 'red', () => {});
    broker.connect('cy', 'blue', () => {});
    broker.send('ana', 'red 1');
    t.set(60);
    broker.send('cy', 'blue 1');
    expect(broker.history('red'), 'red history').to.deep.equal([{ id: 1, room: 'red', sender: 'ana', text: 'red 1', sentAt: 50 }]);
    expect(broker.history('blue'), 'blue history').to.deep.equal([
      { id: 2, room: 'blue', sender: 'cy', text: 'blue 1', sentAt: 60 },
    ]);
    expect(broker.history('empty-room'), 'unknown room').to.deep.equal([]);
  });

  it('[R21] returns a copy: changing the returned history does not change the broker', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    broker.connect('ana', 'r', () => {});
    broker.send('ana', 'keep me');
    const copy = broker.history('r');
    copy.push({ id: 99, room: 'r', sender: 'x', text: 'injected', sentAt: 0 });
    copy[0]!.text = 'changed';
    expect(broker.history('r').map((m) => m.text), 'the broker’s history should be untouched').to.deep.equal(['keep me']);
  });

  it('[R22] sends a joiner the current history as its very first event, even when it is empty', () => {
    const broker = new ChatBroker({ clock: () => 0, historySize: 2 });
    const ana = inbox();
    broker.connect('ana', 'r', ana.listener);
    expect(ana.events, 'the first joiner gets one empty history event').to.deep.equal([
      { type: 'history', room: 'r', messages: [] },
    ]);
    broker.send('ana', 'a');
    broker.send('ana', 'b');
    broker.send('ana', 'c');
    const ben = inbox();
    broker.connect('ben', 'r', ben.listener);
    expect(ben.events[0]?.type, 'the joiner’s first event should be the history').to.equal('history');
    expect(historyEvents(ben.events), 'exactly one history event').to.have.length(1);
    expect(historyEvents(ben.events)[0]!.messages.map((m) => m.text), 'the last two messages').to.deep.equal(['b', 'c']);
  });
});

describe('Stage 2: presence', () => {
  it('[R23] announces a joiner as online to those already in the room, but not to itself or other rooms', () => {
    const t = manualClock(0);
    const broker = new ChatBroker({ clock: t.clock });
    const ana = inbox();
    const cy = inbox();
    const ben = inbox();
    broker.connect('ana', 'r', ana.listener);
    broker.connect('cy', 'elsewhere', cy.listener);
    t.set(300);
    broker.connect('ben', 'r', ben.listener);
    expect(presenceEvents(ana.events), 'ana should hear that ben came online at 300').to.deep.equal([
      { type: 'presence', room: 'r', clientId: 'ben', status: 'online', at: 300 },
    ]);
    expect(presenceEvents(ben.events), 'the joiner gets no presence event about itself').to.deep.equal([]);
    expect(presenceEvents(cy.events), 'another room hears nothing').to.deep.equal([]);
  });

  it('[R24] announces a disconnect as offline to the clients still in the room', () => {
    const t = manualClock(0);
    const broker = new ChatBroker({ clock: t.clock });
    const ana = inbox();
    broker.connect('ana', 'r', ana.listener);
    broker.connect('ben', 'r', () => {});
    t.set(900);
    broker.disconnect('ben');
    expect(presenceEvents(ana.events).at(-1), 'ana should hear that ben went offline at 900').to.deep.equal({
      type: 'presence',
      room: 'r',
      clientId: 'ben',
      status: 'offline',
      at: 900,
    });
  });

  it('[R25] lists who is online and who has left, sorted, following moves and reconnects', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    for (const id of ['zoe', 'ana', 'kai', 'bob']) broker.connect(id, 'r', () => {});
    broker.disconnect('zoe');
    broker.disconnect('bob');
    broker.connect('bob', 'other', () => {});
    expect(broker.presence('r'), 'zoe left; bob moved to another room').to.deep.equal({
      online: ['ana', 'kai'],
      offline: ['bob', 'zoe'],
    });
    broker.connect('zoe', 'r', () => {});
    expect(broker.presence('r'), 'zoe is back online').to.deep.equal({ online: ['ana', 'kai', 'zoe'], offline: ['bob'] });
    expect(broker.presence('other'), 'bob is online in the other room').to.deep.equal({ online: ['bob'], offline: [] });
    expect(broker.presence('unknown'), 'unknown room').to.deep.equal({ online: [], offline: [] });
  });

  it('[R25] sorts the online ids, whatever the order they joined in', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    for (const id of ['mia', 'abe', 'zed', 'kim']) broker.connect(id, 'r', () => {});
    expect(broker.presence('r').online).to.deep.equal(['abe', 'kim', 'mia', 'zed']);
  });
});

describe('Stage 2: throwing listeners', () => {
  it('[R11 connect][R22] connects a client whose listener throws on the history event, and announces it', () => {
    const broker = new ChatBroker({ clock: () => 5 });
    const ana = inbox();
    broker.connect('ana', 'r', ana.listener);
    expect(() => broker.connect('bad', 'r', () => { throw new Error('boom'); }), 'connect succeeds').to.not.throw();
    expect(broker.presence('r').online, 'bad is online').to.deep.equal(['ana', 'bad']);
    expect(presenceEvents(ana.events).map((e) => `${e.clientId}:${e.status}`), 'ana heard about bad').to.deep.equal(['bad:online']);
    expect(broker.send('bad', 'hi').id, 'bad can send').to.equal(1);
  });

  it('[R11 connect, disconnect][R23][R24] keeps announcing presence to later clients when an earlier listener throws', () => {
    const broker = new ChatBroker({ clock: () => 0 });
    broker.connect('bad', 'r', () => { throw new Error('boom'); });
    const ana = inbox();
    const ben = inbox();
    broker.connect('ana', 'r', ana.listener);
    expect(() => broker.connect('ben', 'r', ben.listener), 'the online event reaches a throwing listener first').to.not.throw();
    expect(() => broker.disconnect('ben'), 'the offline event too').to.not.throw();
    expect(presenceEvents(ana.events).map((e) => `${e.clientId}:${e.status}`)).to.deep.equal(['ben:online', 'ben:offline']);
    expect(broker.presence('r')).to.deep.equal({ online: ['ana', 'bad'], offline: ['ben'] });
  });
});

/** A seeded model of the whole broker; stage 1 drives and compares only what Stage 1 defines. */
function modelTest(stage: 1 | 2): void {
  type Op =
    | { op: 'connect'; id: string; room: string }
    | { op: 'disconnect' | 'typing' | 'isTyping'; id: string }
    | { op: 'send'; id: string; text: unknown }
    | { op: 'advance'; ms: number }
    | { op: 'typingUsers' | 'history' | 'presence'; room: string };
  // 'xo' has a listener that throws on every event it gets.
  const idArb = fc.oneof({ weight: 15, arbitrary: fc.constantFrom('ana', 'ben', 'cat', 'xo') }, { weight: 1, arbitrary: fc.constant('') });
  const roomArb = fc.oneof({ weight: 15, arbitrary: fc.constantFrom('r1', 'r1', 'r2') }, { weight: 1, arbitrary: fc.constant('') });
  const textArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('hi', ' hi ', 'abc', 'a', 'abcd', 'x'.repeat(1000), 'x'.repeat(1001), 'ok', 'yo') }, { weight: 1, arbitrary: fc.constantFrom<unknown>('', '  \n', 42) });
  const ops: Array<{ weight: number; arbitrary: fc.Arbitrary<Op> }> = [
    { weight: 4, arbitrary: fc.record({ op: fc.constant('connect' as const), id: idArb, room: roomArb }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('disconnect' as const), id: idArb }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('send' as const), id: idArb, text: textArb }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 6 }) }) },
  ];
  if (stage === 2) {
    ops.push(
      { weight: 5, arbitrary: fc.record({ op: fc.constantFrom('typing' as const, 'isTyping' as const), id: idArb }) },
      { weight: 3, arbitrary: fc.record({ op: fc.constantFrom('typingUsers' as const, 'history' as const, 'presence' as const), room: roomArb }) },
    );
  }
  const optionsArb = fc.record({
    maxMessageLength: fc.constantFrom(undefined, 1, 3),
    typingTimeoutMs: fc.constantFrom(undefined, 1, 5),
    historySize: fc.constantFrom(undefined, 0, 1, 2),
  });

  interface MClient {
    room: string;
    lastKey: number | null;
  }
  class Model {
    now = 0;
    nextId = 1;
    clients = new Map<string, MClient>();
    order: string[] = []; // connected ids in connect order
    history = new Map<string, ChatMessage[]>();
    ever = new Map<string, Set<string>>();
    inbox = new Map<string, ChatEvent[]>();
    constructor(readonly max: number, readonly timeout: number, readonly size: number) {}
    push(id: string, e: ChatEvent): void {
      if (stage === 1 && e.type !== 'message') return;
      if (!this.inbox.has(id)) this.inbox.set(id, []);
      this.inbox.get(id)!.push(e);
    }
    inRoom(room: string): string[] {
      return this.order.filter((c) => this.clients.get(c)!.room === room);
    }
    typingNow(id: string): boolean {
      const c = this.clients.get(id);
      return c !== undefined && c.lastKey !== null && this.now < c.lastKey + this.timeout;
    }
    apply(o: Op): { value: unknown } | { code: string } {
      switch (o.op) {
        case 'connect': {
          if (o.id === '' || o.room === '') return { code: 'INVALID_ARGUMENT' };
          if (this.clients.has(o.id)) return { code: 'ALREADY_CONNECTED' };
          this.push(o.id, { type: 'history', room: o.room, messages: [...(this.history.get(o.room) ?? [])] });
          for (const other of this.inRoom(o.room)) this.push(other, { type: 'presence', room: o.room, clientId: o.id, status: 'online', at: this.now });
          this.clients.set(o.id, { room: o.room, lastKey: null });
          this.order.push(o.id);
          if (!this.ever.has(o.room)) this.ever.set(o.room, new Set());
          this.ever.get(o.room)!.add(o.id);
          return { value: undefined };
        }
        case 'disconnect': {
          const c = this.clients.get(o.id);
          if (c === undefined) return { code: 'UNKNOWN_CLIENT' };
          this.clients.delete(o.id);
          this.order = this.order.filter((x) => x !== o.id);
          for (const other of this.inRoom(c.room)) this.push(other, { type: 'presence', room: c.room, clientId: o.id, status: 'offline', at: this.now });
          return { value: undefined };
        }
        case 'send': {
          const c = this.clients.get(o.id);
          if (c === undefined) return { code: 'UNKNOWN_CLIENT' };
          if (typeof o.text !== 'string') return { code: 'INVALID_ARGUMENT' };
          if (o.text.trim() === '') return { code: 'EMPTY_MESSAGE' };
          if (o.text.length > this.max) return { code: 'MESSAGE_TOO_LONG' };
          const message: ChatMessage = { id: this.nextId++, room: c.room, sender: o.id, text: o.text, sentAt: this.now };
          c.lastKey = null;
          const h = [...(this.history.get(c.room) ?? []), message];
          this.history.set(c.room, this.size === 0 ? [] : h.slice(-this.size));
          for (const other of this.inRoom(c.room)) if (other !== o.id) this.push(other, { type: 'message', message });
          return { value: message };
        }
        case 'typing': {
          const c = this.clients.get(o.id);
          if (c === undefined) return { code: 'UNKNOWN_CLIENT' };
          c.lastKey = this.now;
          return { value: undefined };
        }
        case 'isTyping':
          return { value: this.typingNow(o.id) };
        case 'typingUsers':
          return { value: this.inRoom(o.room).filter((id) => this.typingNow(id)).sort() };
        case 'history':
          return { value: this.history.get(o.room) ?? [] };
        case 'presence': {
          const online = this.inRoom(o.room).sort();
          return { value: { online, offline: [...(this.ever.get(o.room) ?? [])].filter((id) => !online.includes(id)).sort() } };
        }
        default:
          this.now += o.ms;
          return { value: undefined };
      }
    }
  }

  const show = (o: Op): string => {
    switch (o.op) {
      case 'connect':
        return `connect(${JSON.stringify(o.id)}, ${JSON.stringify(o.room)})`;
      case 'send':
        return `send(${JSON.stringify(o.id)}, ${typeof o.text === 'string' && o.text.length > 12 ? `<${o.text.length} chars>` : JSON.stringify(o.text)})`;
      case 'advance':
        return `${o.ms} ms pass`;
      case 'typingUsers':
      case 'history':
      case 'presence':
        return `${o.op}(${JSON.stringify(o.room)})`;
      default:
        return `${o.op}(${JSON.stringify(o.id)})`;
    }
  };

  it(`[model] ${stage === 1 ? 'connect, disconnect and send' : 'every operation, typing, history and presence included,'} match the model, events and errors included`, () => {
    fc.assert(
      fc.property(optionsArb, fc.array(fc.oneof(...ops), { minLength: 20, maxLength: 50 }), (opts, seq) => {
        let t = 0;
        const options: Record<string, unknown> = { clock: () => t };
        for (const [k, v] of Object.entries(opts)) if (v !== undefined && (stage === 2 || k === 'maxMessageLength')) options[k] = v;
        const broker = new ChatBroker(options as unknown as ConstructorParameters<typeof ChatBroker>[0]);
        const m = new Model(opts.maxMessageLength ?? 1000, stage === 2 ? (opts.typingTimeoutMs ?? 3000) : 3000, stage === 2 ? (opts.historySize ?? 50) : 50);
        const got = new Map<string, ChatEvent[]>();
        const listenerFor = (id: string) => (e: ChatEvent) => {
          if (stage === 2 || e.type === 'message') {
            if (!got.has(id)) got.set(id, []);
            got.get(id)!.push(JSON.parse(JSON.stringify(e)) as ChatEvent);
          }
          if (id === 'xo') throw new Error('xo crashed');
        };
        const done = [`new ChatBroker(${JSON.stringify({ ...options, clock: '() => t' })})`];
        const checked = new Map<string, number>();
        for (const o of seq) {
          const expected = m.apply(o);
          const what = show(o);
          const where = (): string => `after ${done.join(', ')}: ${what}`;
          if (o.op === 'advance') t += o.ms;
          let value: unknown;
          let thrown: unknown;
          try {
            switch (o.op) {
              case 'connect':
                value = broker.connect(o.id, o.room, listenerFor(o.id));
                break;
              case 'send':
                value = broker.send(o.id, o.text as string);
                break;
              case 'advance':
                break;
              case 'disconnect':
              case 'typing':
              case 'isTyping':
                value = broker[o.op](o.id);
                break;
              default:
                value = broker[o.op](o.room);
            }
          } catch (e) {
            thrown = e;
          }
          if ('code' in expected) {
            const ok = thrown instanceof ChatError && thrown.code === expected.code;
            if (!ok) throw new Error(`${where()}: expected ChatError ${expected.code}, got ${thrown === undefined ? JSON.stringify(value) : String(thrown)}`);
          } else {
            if (thrown !== undefined) throw new Error(`${where()}: expected ${JSON.stringify(expected.value)}, got ${String(thrown)}`);
            if (canon(value) !== canon(expected.value)) throw new Error(`${where()}: expected ${JSON.stringify(expected.value)}, got ${JSON.stringify(value)}`);
            // Scribbling on what the broker returned must not change it.
            if (Array.isArray(value)) value.splice(0, value.length);
          }
          done.push(what);
          // Events already compared stay equal (they are copies), so only the new ones are compared.
          for (const id of new Set([...got.keys(), ...m.inbox.keys()])) {
            const from = checked.get(id) ?? 0;
            const have = got.get(id) ?? [];
            const want = m.inbox.get(id) ?? [];
            if (have.length !== want.length || canon(have.slice(from)) !== canon(want.slice(from))) {
              throw new Error(`after ${done.join(', ')}: new events of ${id}: expected ${canon(want.slice(from))}, got ${canon(have.slice(from))}`);
            }
            checked.set(id, have.length);
          }
        }
      }),
      { seed: 14, numRuns: 40 },
    );
  });
}

describe('Stage 1: [model] random sequences agree with a small model', () => {
  modelTest(1);
});

describe('Stage 2: [model] random sequences agree with a small model', () => {
  modelTest(2);
});
