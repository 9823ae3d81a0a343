import { describe, expect, it } from 'vitest';
import { isFrameToHost, isHostToFrame, isWorkerEvent, isWorkerRunRequest } from './protocol';

const error = { name: 'TypeError', message: 'x', isAssertion: false, isTimeout: false };

describe('sandbox protocol guards', () => {
  it('accepts every well-formed worker event', () => {
    const events = [
      { type: 'loading' },
      { type: 'done' },
      { type: 'hook-end' },
      { type: 'started', tests: [{ index: 0, title: 'a', path: ['S'] }] },
      { type: 'runnable-start', kind: 'test', index: 0, title: 'a', timeoutMs: 2000 },
      { type: 'test-end', index: 0, title: 'a', path: [], state: 'failed', durationMs: 3, error },
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
      { type: 'started', tests: [{ index: '0', title: 'a', path: [] }] },
      { type: 'test-end', index: 0, title: 'a', path: [], state: 'passed', durationMs: Number.NaN },
      { type: 'test-end', index: 0, title: 'a', path: [1], state: 'passed', durationMs: 1 },
      { type: 'crashed', error: { name: 'E', message: 'm' } },
      { type: 'runnable-start', kind: 'suite', index: 0, title: 'a', timeoutMs: 1 },
    ];
    for (const e of bad) expect(isWorkerEvent(e), JSON.stringify(e)).toBe(false);
  });

  it('checks frame messages, including the wrapped event', () => {
    expect(isFrameToHost({ type: 'frame-loaded' })).toBe(true);
    expect(isFrameToHost({ type: 'ready', id: 1 })).toBe(true);
    expect(isFrameToHost({ type: 'worker-events', id: 2, events: [{ type: 'loading' }, { type: 'done' }] })).toBe(true);
    expect(isFrameToHost({ type: 'worker-events', id: 2, events: [] })).toBe(true);
    expect(isFrameToHost({ type: 'worker-events', id: 2, events: [{ type: 'done' }, { type: 'bogus' }] })).toBe(false);
    expect(isFrameToHost({ type: 'worker-events', id: 2, events: { type: 'done' } })).toBe(false);
    expect(isFrameToHost({ type: 'watchdog', id: 2, phase: 'runnable', limitMs: 2500, elapsedMs: 2503 })).toBe(true);
    expect(isFrameToHost({ type: 'watchdog', id: 2, phase: 'forever', limitMs: 1, elapsedMs: 1 })).toBe(false);
    expect(isFrameToHost({ type: 'worker-error', id: '2', message: 'x' })).toBe(false);
  });

  it('checks host and worker requests', () => {
    expect(isHostToFrame({ type: 'init', id: 1, workerScript: '' })).toBe(true);
    expect(isHostToFrame({ type: 'run', id: 1, solutionCode: '', testsCode: '', testTimeoutMs: 2000 })).toBe(true);
    expect(isHostToFrame({ type: 'run', solutionCode: '', testsCode: '', testTimeoutMs: 2000 })).toBe(false);
    expect(isHostToFrame({ type: 'run', id: 1, solutionCode: '', testTimeoutMs: 2000 })).toBe(false);
    expect(isWorkerRunRequest({ type: 'run', id: 3, solutionCode: 'x', testsCode: 'y', testTimeoutMs: 0 })).toBe(true);
    expect(isWorkerRunRequest({ type: 'run', id: 3, solutionCode: 1, testsCode: 'y', testTimeoutMs: 0 })).toBe(false);
  });
});
