/**
 * Decides when a run in the test worker has hung, from the progress events the worker posts.
 * Pure (time is passed in), so it is unit-tested; the frame owns the timer and the worker.
 *
 * A `while (true) {}` in user code blocks the worker's event loop, so mocha's own timeout can never fire
 * and the worker never posts again. Phases and their limits (see ../deadlines.ts):
 *   spawn     – run posted, worker has not acknowledged yet (it is normally pre-spawned and idle)
 *   loading   – worker is evaluating the bundle (top-level code, describe bodies)
 *   runnable  – one test or hook is running: its own mocha timeout + grace (the candidate's own tests
 *               never get more than the run's per-test timeout, whatever `this.timeout()` they set)
 *   run       – one group's mocha run: 10 s + n × timeout (the problem's tests, then the own tests)
 */

import { loadLimitMs, runLimitMs, runnableStallLimitMs, WORKER_SPAWN_LIMIT_MS } from '../deadlines';
import { isRunOver, type WatchdogPhase, type WorkerEvent } from './protocol';

export interface WatchdogExpiry {
  phase: WatchdogPhase;
  limitMs: number;
  elapsedMs: number;
}

interface Limit {
  phase: WatchdogPhase;
  since: number;
  limitMs: number;
}

/** An own test's effective limit: its mocha timeout, capped by the run's (0 means none in mocha). */
function ownTimeout(declaredMs: number, runTimeoutMs: number): number {
  if (runTimeoutMs <= 0) return declaredMs;
  return declaredMs > 0 ? Math.min(declaredMs, runTimeoutMs) : runTimeoutMs;
}

export class Watchdog {
  /** spawn or loading limit, replaced by the run limit once mocha starts. */
  private stageLimit: Limit;
  /** The test in progress. mocha announces a test *before* its beforeEach hooks run. */
  private testLimit: Limit | null = null;
  /** A hook in progress (possibly inside a test's beforeEach/afterEach). */
  private hookLimit: Limit | null = null;
  private finished = false;

  constructor(
    private readonly testTimeoutMs: number,
    now: number,
  ) {
    this.stageLimit = { phase: 'spawn', since: now, limitMs: WORKER_SPAWN_LIMIT_MS };
  }

  observe(event: WorkerEvent, now: number): void {
    switch (event.type) {
      case 'loading':
        this.stageLimit = { phase: 'loading', since: now, limitMs: loadLimitMs(this.testTimeoutMs) };
        return;
      case 'started':
        this.stageLimit = { phase: 'run', since: now, limitMs: runLimitMs(event.tests.length, this.testTimeoutMs) };
        return;
      case 'runnable-start': {
        const timeoutMs = event.group === 'own' ? ownTimeout(event.timeoutMs, this.testTimeoutMs) : event.timeoutMs;
        const limit: Limit = { phase: 'runnable', since: now, limitMs: runnableStallLimitMs(timeoutMs) };
        if (event.kind === 'test') this.testLimit = limit;
        else this.hookLimit = limit;
        return;
      }
      case 'hook-end':
        this.hookLimit = null;
        // Order is: test announced → beforeEach hooks → test body. The body starts when the last hook
        // ends, so its clock restarts here; without this a loop in the body would only meet the run limit.
        if (this.testLimit) this.testLimit = { ...this.testLimit, since: now };
        return;
      case 'test-end':
        // Between runnables only mocha's own code runs; the run limit still covers it.
        this.testLimit = null;
        this.hookLimit = null;
        return;
      case 'done':
      case 'crashed':
        if (isRunOver(event)) this.finished = true;
        this.testLimit = null;
        this.hookLimit = null;
        return;
      case 'console':
        // Output is not progress: a loop that logs forever must still be stopped.
        return;
    }
  }

  /** The limit that has expired at `now`, if any. The tighter runnable limit is reported first. */
  check(now: number): WatchdogExpiry | null {
    if (this.finished) return null;
    for (const limit of this.activeLimits()) {
      const elapsedMs = now - limit.since;
      if (elapsedMs >= limit.limitMs) return { phase: limit.phase, limitMs: limit.limitMs, elapsedMs };
    }
    return null;
  }

  /** Absolute time of the earliest pending limit (Infinity when none), for scheduling the next check. */
  nextCheckAt(): number {
    if (this.finished) return Number.POSITIVE_INFINITY;
    return Math.min(...this.activeLimits().map((l) => l.since + l.limitMs));
  }

  /** When the runnable in progress started, for reporting how long the hung test ran. */
  runnableStartedAt(): number | null {
    return (this.hookLimit ?? this.testLimit)?.since ?? null;
  }

  private activeLimits(): Limit[] {
    const runnable = this.hookLimit ?? this.testLimit;
    return runnable ? [runnable, this.stageLimit] : [this.stageLimit];
  }
}
