import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WATCHDOG_GRACE_MS } from '../deadlines';
import type { WorkerEvent } from './protocol';
import type { WatchdogExpiry } from './watchdog';
import { WatchdogTimer } from './watchdogTimer';

const started: WorkerEvent = { type: 'started', group: 'problem', tests: [{ index: 0, title: 't0', path: [] }] };
const testStart = (index: number): WorkerEvent => ({
  type: 'runnable-start',
  group: 'problem',
  kind: 'test',
  index,
  title: `t${index}`,
  timeoutMs: 2000,
});
const testEnd = (index: number): WorkerEvent => ({
  type: 'test-end',
  group: 'problem',
  index,
  title: `t${index}`,
  path: [],
  state: 'passed',
  durationMs: 1,
});

describe('WatchdogTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports a test that never ends once its timeout and the grace have passed, and only once', () => {
    const expiries: WatchdogExpiry[] = [];
    const watch = new WatchdogTimer(2000, (e) => expiries.push(e));
    watch.observe([{ type: 'loading' }, started, testStart(0)]);
    vi.advanceTimersByTime(2000 + WATCHDOG_GRACE_MS - 1);
    expect(expiries).toEqual([]);
    vi.advanceTimersByTime(10);
    expect(expiries).toEqual([expect.objectContaining({ phase: 'runnable', limitMs: 2000 + WATCHDOG_GRACE_MS })]);
    vi.advanceTimersByTime(60_000);
    expect(expiries).toHaveLength(1);
  });

  it('restarts the clock for each test, so a run of many quick tests never expires', () => {
    const expiries: WatchdogExpiry[] = [];
    const watch = new WatchdogTimer(2000, (e) => expiries.push(e));
    const tests = Array.from({ length: 10 }, (_, index) => ({ index, title: `t${index}`, path: [] }));
    watch.observe([{ type: 'loading' }, { type: 'started', group: 'problem', tests }]);
    for (let i = 0; i < 10; i++) {
      watch.observe([testStart(i)]);
      vi.advanceTimersByTime(1500);
      watch.observe([testEnd(i)]);
    }
    expect(expiries).toEqual([]);
  });

  it('reports nothing once stopped (the run ended or was given up)', () => {
    const expiries: WatchdogExpiry[] = [];
    const watch = new WatchdogTimer(2000, (e) => expiries.push(e));
    watch.observe([{ type: 'loading' }, started, testStart(0)]);
    watch.stop();
    vi.advanceTimersByTime(60_000);
    expect(expiries).toEqual([]);
  });
});
