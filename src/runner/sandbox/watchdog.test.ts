import { describe, expect, it } from 'vitest';
import { loadLimitMs, runLimitMs, WATCHDOG_GRACE_MS, WORKER_SPAWN_LIMIT_MS } from '../deadlines';
import { Watchdog } from './watchdog';

const started = (n: number, group: 'problem' | 'own' = 'problem') => ({
  type: 'started' as const,
  group,
  tests: Array.from({ length: n }, (_, index) => ({ index, title: `t${index}`, path: [] })),
});
const testStart = (index: number, timeoutMs = 2000, group: 'problem' | 'own' = 'problem') => ({
  type: 'runnable-start' as const,
  group,
  kind: 'test' as const,
  index,
  title: `t${index}`,
  timeoutMs,
});

describe('Watchdog', () => {
  it('expires a worker that never acknowledges the run', () => {
    const w = new Watchdog(2000, 0);
    expect(w.check(WORKER_SPAWN_LIMIT_MS - 1)).toBeNull();
    expect(w.check(WORKER_SPAWN_LIMIT_MS)).toEqual({ phase: 'spawn', limitMs: WORKER_SPAWN_LIMIT_MS, elapsedMs: WORKER_SPAWN_LIMIT_MS });
  });

  it('expires a load that never finishes (top-level infinite loop)', () => {
    const w = new Watchdog(2000, 0);
    w.observe({ type: 'loading' }, 100);
    expect(w.nextCheckAt()).toBe(100 + loadLimitMs(2000));
    expect(w.check(100 + loadLimitMs(2000))?.phase).toBe('loading');
  });

  it('expires a test that makes no progress for its timeout + grace', () => {
    const w = new Watchdog(2000, 0);
    w.observe({ type: 'loading' }, 0);
    w.observe(started(3), 10);
    w.observe(testStart(0), 20);
    expect(w.check(20 + 2000 + WATCHDOG_GRACE_MS - 1)).toBeNull();
    expect(w.check(20 + 2000 + WATCHDOG_GRACE_MS)).toMatchObject({ phase: 'runnable', elapsedMs: 2000 + WATCHDOG_GRACE_MS });
  });

  it('still watches a test body that loops after its beforeEach hook ended', () => {
    const w = new Watchdog(2000, 0);
    w.observe(started(1), 0);
    w.observe(testStart(0), 10); // mocha announces the test before its hooks
    w.observe({ type: 'runnable-start', group: 'problem', kind: 'hook', index: -1, title: 'beforeEach', timeoutMs: 2000 }, 20);
    w.observe({ type: 'hook-end' }, 30);
    expect(w.nextCheckAt()).toBe(30 + 2000 + WATCHDOG_GRACE_MS);
    expect(w.check(30 + 2000 + WATCHDOG_GRACE_MS)?.phase).toBe('runnable');
    expect(w.runnableStartedAt()).toBe(30);
  });

  it('does not count console output as progress', () => {
    const w = new Watchdog(1000, 0);
    w.observe(started(1), 0);
    w.observe(testStart(0, 1000), 0);
    w.observe({ type: 'console', level: 'log', text: 'still spinning' }, 1400);
    expect(w.check(1000 + WATCHDOG_GRACE_MS)?.phase).toBe('runnable');
  });

  it('resets per runnable and respects a per-test timeout override', () => {
    const w = new Watchdog(2000, 0);
    w.observe(started(2), 0);
    w.observe(testStart(0), 0);
    w.observe({ type: 'test-end', group: 'problem', index: 0, title: 't0', path: [], state: 'passed', durationMs: 1900 }, 1900);
    w.observe(testStart(1, 5000), 1950);
    expect(w.check(1950 + 4000)).toBeNull();
    expect(w.check(1950 + 5000 + WATCHDOG_GRACE_MS)?.phase).toBe('runnable');
  });

  it('falls back to the whole-run limit when a test has no timeout', () => {
    const w = new Watchdog(2000, 0);
    w.observe(started(2), 0);
    w.observe(testStart(0, 0), 0);
    expect(w.nextCheckAt()).toBe(runLimitMs(2, 2000));
    expect(w.check(runLimitMs(2, 2000))?.phase).toBe('run');
  });

  it("keeps watching after the problem's group, and stops once the own group is done or the run crashed", () => {
    const w = new Watchdog(2000, 0);
    w.observe(started(1), 0);
    w.observe({ type: 'done', group: 'problem' }, 5);
    expect(w.nextCheckAt()).toBe(runLimitMs(1, 2000));
    w.observe({ type: 'done', group: 'own' }, 6);
    expect(w.check(1e9)).toBeNull();
    expect(w.nextCheckAt()).toBe(Number.POSITIVE_INFINITY);
    const crashed = new Watchdog(2000, 0);
    crashed.observe({ type: 'crashed', error: { name: 'E', message: 'm', isAssertion: false, isTimeout: false } }, 1);
    expect(crashed.check(1e9)).toBeNull();
  });

  it("caps the candidate's own tests at the run's per-test timeout, whatever this.timeout() they set", () => {
    const w = new Watchdog(2000, 0);
    w.observe(started(1, 'own'), 0);
    w.observe(testStart(0, 0, 'own'), 0); // this.timeout(0): no timeout in mocha
    expect(w.check(2000 + WATCHDOG_GRACE_MS)?.phase).toBe('runnable');
    const longer = new Watchdog(2000, 0);
    longer.observe(started(1, 'own'), 0);
    longer.observe(testStart(0, 60_000, 'own'), 0);
    expect(longer.check(2000 + WATCHDOG_GRACE_MS)?.phase).toBe('runnable');
    const shorter = new Watchdog(2000, 0);
    shorter.observe(started(1, 'own'), 0);
    shorter.observe(testStart(0, 100, 'own'), 0);
    expect(shorter.check(100 + WATCHDOG_GRACE_MS)?.phase).toBe('runnable');
  });
});
