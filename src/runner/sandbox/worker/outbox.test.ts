import { describe, expect, it } from 'vitest';
import type { WorkerEvent } from '../protocol';
import { Outbox } from './outbox';

const start: WorkerEvent = { type: 'runnable-start', group: 'problem', kind: 'test', index: 0, title: 't', timeoutMs: 2000 };
const hook: WorkerEvent = { type: 'runnable-start', group: 'problem', kind: 'hook', index: -1, title: 'h', timeoutMs: 2000 };
const end: WorkerEvent = { type: 'test-end', group: 'problem', index: 0, title: 't', path: [], state: 'passed', durationMs: 1 };

function harness() {
  const messages: (WorkerEvent | WorkerEvent[])[] = [];
  const taskEnd: (() => void)[] = [];
  const outbox = new Outbox(
    (m) => messages.push(m),
    (fn) => taskEnd.push(fn),
  );
  return { outbox, messages, endTask: () => taskEnd.splice(0).forEach((fn) => fn()) };
}

describe('Outbox', () => {
  it('sends held events together with the next event that must go at once, in order', () => {
    const { outbox, messages } = harness();
    outbox.hold(end);
    outbox.hold(start);
    expect(messages).toEqual([]);
    outbox.send(hook);
    expect(messages).toEqual([[end, start, hook]]);
  });

  it('sends a lone event unwrapped', () => {
    const { outbox, messages } = harness();
    outbox.send(hook);
    expect(messages).toEqual([hook]);
  });

  it('sends what is held at the end of the task, before another task (a stray timer) can hang', () => {
    const { outbox, messages, endTask } = harness();
    outbox.hold(end);
    outbox.hold(start);
    endTask();
    expect(messages).toEqual([[end, start]]);
    endTask(); // nothing left: no empty message
    expect(messages).toHaveLength(1);
    outbox.hold(end);
    endTask();
    expect(messages).toEqual([[end, start], end]);
  });
});
