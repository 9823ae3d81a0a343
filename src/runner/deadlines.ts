/**
 * Every time budget the runner enforces, in one place so the watchdogs and the main page's last-resort
 * deadline agree. Pure functions; the numbers are documented in the report and here.
 *
 * Why a watchdog: user code runs in a worker that a `while (true) {}` blocks completely, so mocha's own
 * timers can never fire. Another thread watches the run's progress events and has the worker terminated:
 * the page for TypeScript runs (the events come to it straight from the worker), the sandbox frame for
 * Python runs. The main page keeps a looser deadline in case the frame itself stops answering.
 */

export const DEFAULT_TEST_TIMEOUT_MS = 2000;

/** Slack after a runnable's own timeout, so mocha's timer wins for async hangs and reports them itself. */
export const WATCHDOG_GRACE_MS = 500;

/** A freshly spawned worker must acknowledge a run within this (it is normally pre-spawned and instant). */
export const WORKER_SPAWN_LIMIT_MS = 10_000;

/** Base budget for a whole run once tests are known; each test adds its timeout on top. */
export const RUN_BASE_MS = 10_000;

/** The main page waits this long beyond the frame's own limits before declaring the frame dead. */
export const HOST_SLACK_MS = 3_000;

/** Extra time the host allows for creating the iframe and its first worker (cold start). */
export const FRAME_BOOT_LIMIT_MS = 15_000;

export function normaliseTimeout(testTimeoutMs: number | undefined): number {
  if (testTimeoutMs === undefined || !Number.isFinite(testTimeoutMs) || testTimeoutMs < 0) {
    return DEFAULT_TEST_TIMEOUT_MS;
  }
  return Math.floor(testTimeoutMs);
}

/** How long one test or hook may go without any progress event. 0 means mocha's "no timeout". */
export function runnableStallLimitMs(runnableTimeoutMs: number): number {
  return runnableTimeoutMs > 0 ? runnableTimeoutMs + WATCHDOG_GRACE_MS : Number.POSITIVE_INFINITY;
}

/** Evaluating the bundle (top-level code and describe() bodies) before mocha starts. */
export function loadLimitMs(testTimeoutMs: number): number {
  return Math.max(testTimeoutMs, DEFAULT_TEST_TIMEOUT_MS) + WATCHDOG_GRACE_MS;
}

/** The whole run, from mocha's start: 10 s + n × per-test timeout. */
export function runLimitMs(testCount: number, testTimeoutMs: number): number {
  return RUN_BASE_MS + Math.max(0, testCount) * Math.max(testTimeoutMs, 0);
}

/** Main-page deadline before mocha has started: boot + spawn + load, plus slack. */
export function hostLimitBeforeStartMs(testTimeoutMs: number): number {
  return FRAME_BOOT_LIMIT_MS + WORKER_SPAWN_LIMIT_MS + loadLimitMs(testTimeoutMs) + HOST_SLACK_MS;
}

/** Main-page deadline once mocha has started with `testCount` tests, measured from the start event. */
export function hostLimitAfterStartMs(testCount: number, testTimeoutMs: number): number {
  return runLimitMs(testCount, testTimeoutMs) + HOST_SLACK_MS;
}

// ---------------------------------------------------------------------------------------------------------
// A service (an API scenario's app, docs/decisions/api-scenarios.md): the page watches each request itself and
// has the worker terminated when it is late.

/** The frame hands over a ready service worker within this (TypeScript: spawned; Python: restored, warmed). */
export const SERVICE_SPAWN_LIMIT_MS = WORKER_SPAWN_LIMIT_MS + HOST_SLACK_MS;

/** Python's start also screens and writes every project file (ours, not the candidate's time). */
export const PYTHON_SERVICE_SETUP_MS = 5_000;

/** From `start` to `started`: the candidate's start-up code (loading the modules, startService) as a run's loading. */
export function serviceStartLimitMs(language: 'typescript' | 'python', testTimeoutMs: number): number {
  return loadLimitMs(testTimeoutMs) + (language === 'python' ? PYTHON_SERVICE_SETUP_MS : 0);
}

/** One request, from the page's post to the worker's reply: the per-test timeout, plus the watchdog's slack. */
export function serviceRequestLimitMs(testTimeoutMs: number): number {
  return Math.max(testTimeoutMs, 1) + WATCHDOG_GRACE_MS;
}
