import { describe, expect, it } from 'vitest';
import {
  decodeFrameMessage,
  encodeFrameMessage,
  isFrameToHost,
  isHostToFrame,
  isRunOver,
  isWorkerEvent,
  isWorkerConnect,
  isWorkerRunRequest,
  workerEventsOf,
} from './protocol';

const error = { name: 'TypeError', message: 'x', isAssertion: false, isTimeout: false };

describe('sandbox protocol guards', () => {
  it('accepts every well-formed worker event', () => {
    const events = [
      { type: 'loading' },
      { type: 'done', group: 'problem' },
      { type: 'done', group: 'own' },
      { type: 'hook-end' },
      { type: 'started', group: 'problem', tests: [{ index: 0, title: 'a', path: ['S'] }] },
      { type: 'started', group: 'own', tests: [], note: 'too many' },
      { type: 'runnable-start', group: 'own', kind: 'test', index: 0, title: 'a', timeoutMs: 2000 },
      { type: 'test-end', group: 'problem', index: 0, title: 'a', path: [], state: 'failed', durationMs: 3, error },
      { type: 'console', level: 'warn', text: 'hi' },
      { type: 'crashed', error },
    ];
    for (const e of events) expect(isWorkerEvent(e), JSON.stringify(e)).toBe(true);
  });

  it('rejects malformed or forged worker events', () => {
    const bad = [
      null,
      'done',
      [],
      { type: 'nope' },
      { type: 'console', level: 'shout', text: 'x' },
      { type: 'console', level: 'log', text: 5 },
      { type: 'started', group: 'problem', tests: [{ index: '0', title: 'a', path: [] }] },
      { type: 'started', tests: [] },
      { type: 'started', group: 'hidden', tests: [] },
      { type: 'done' },
      { type: 'done', group: 'mine' },
      { type: 'test-end', group: 'problem', index: 0, title: 'a', path: [], state: 'passed', durationMs: Number.NaN },
      { type: 'test-end', group: 'problem', index: 0, title: 'a', path: [1], state: 'passed', durationMs: 1 },
      { type: 'test-end', index: 0, title: 'a', path: [], state: 'passed', durationMs: 1 },
      { type: 'crashed', error: { name: 'E', message: 'm' } },
      { type: 'runnable-start', group: 'problem', kind: 'suite', index: 0, title: 'a', timeoutMs: 1 },
    ];
    for (const e of bad) expect(isWorkerEvent(e), JSON.stringify(e)).toBe(false);
  });

  it('reads a worker message as one event or several in order, and nothing else', () => {
    const done = { type: 'done', group: 'own' };
    expect(workerEventsOf({ type: 'loading' })).toEqual([{ type: 'loading' }]);
    expect(workerEventsOf([{ type: 'hook-end' }, done])).toEqual([{ type: 'hook-end' }, done]);
    for (const bad of [[], [{ type: 'hook-end' }, { type: 'bogus' }], [[done]], { type: 'nope' }, null, 'done']) {
      expect(workerEventsOf(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('checks frame messages, including the wrapped event', () => {
    expect(isFrameToHost({ type: 'frame-loaded' })).toBe(true);
    expect(isFrameToHost({ type: 'ready', id: 1 })).toBe(true);
    expect(isFrameToHost({ type: 'worker-events', id: 2, events: [{ type: 'loading' }, { type: 'done', group: 'own' }] })).toBe(true);
    expect(isFrameToHost({ type: 'worker-events', id: 2, events: [] })).toBe(true);
    expect(isFrameToHost({ type: 'worker-events', id: 2, events: [{ type: 'done', group: 'own' }, { type: 'bogus' }] })).toBe(false);
    expect(isFrameToHost({ type: 'worker-events', id: 2, events: { type: 'done', group: 'own' } })).toBe(false);
    expect(isFrameToHost({ type: 'watchdog', id: 2, phase: 'runnable', limitMs: 2500, elapsedMs: 2503 })).toBe(true);
    expect(isFrameToHost({ type: 'watchdog', id: 2, phase: 'forever', limitMs: 1, elapsedMs: 1 })).toBe(false);
    expect(isFrameToHost({ type: 'worker-error', id: '2', message: 'x' })).toBe(false);
  });

  it('carries frame messages as JSON text, and reads nothing else as one', () => {
    const failing = { type: 'test-end', group: 'problem', index: 3, title: 't', path: ['S'], state: 'failed', durationMs: 2, error };
    const message = { type: 'worker-events', id: 7, events: [{ type: 'started', group: 'problem', tests: [] }, failing] };
    const text = encodeFrameMessage(message);
    expect(typeof text).toBe('string');
    const back = decodeFrameMessage(text);
    expect(back).toEqual(message);
    expect(isFrameToHost(back)).toBe(true);
    for (const bad of [message, null, 42, '{"type":', '']) expect(decodeFrameMessage(bad), JSON.stringify(bad)).toBeNull();
  });

  it('checks host and worker requests', () => {
    expect(isHostToFrame({ type: 'init', id: 1, workerScript: '' })).toBe(true);
    expect(isHostToFrame({ type: 'init', workerScript: '' })).toBe(false);
    expect(isHostToFrame({ type: 'release', spare: 3 })).toBe(true);
    expect(isHostToFrame({ type: 'release', spare: '3' })).toBe(false);
    // Runs go to the spare worker's own channel, never through the frame.
    expect(isHostToFrame({ type: 'run', id: 1, solutionCode: '', testsCode: '', testTimeoutMs: 2000 })).toBe(false);
    expect(isFrameToHost({ type: 'spare', spare: 2 })).toBe(true);
    expect(isFrameToHost({ type: 'spare-error', spare: 2, message: 'x' })).toBe(true);
    expect(isFrameToHost({ type: 'spare-error', spare: 2 })).toBe(false);
    expect(isWorkerConnect({ type: 'connect' })).toBe(true);
    expect(isWorkerConnect({ type: 'run' })).toBe(false);
    expect(isWorkerRunRequest({ type: 'run', id: 3, solutionCode: 'x', testsCode: 'y', testTimeoutMs: 0 })).toBe(true);
    expect(isWorkerRunRequest({ type: 'run', id: 3, solutionCode: 1, testsCode: 'y', testTimeoutMs: 0 })).toBe(false);
  });

  it("ends a run at the own group's done or a crash, not at the problem group's done", () => {
    expect(isRunOver({ type: 'done', group: 'problem' })).toBe(false);
    expect(isRunOver({ type: 'done', group: 'own' })).toBe(true);
    expect(isRunOver({ type: 'crashed', error })).toBe(true);
    expect(isRunOver({ type: 'loading' })).toBe(false);
  });
});
