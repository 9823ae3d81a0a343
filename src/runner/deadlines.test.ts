import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEST_TIMEOUT_MS,
  hostLimitAfterStartMs,
  hostLimitBeforeStartMs,
  loadLimitMs,
  normaliseTimeout,
  PYTHON_SERVICE_SETUP_MS,
  runLimitMs,
  runnableStallLimitMs,
  SERVICE_SPAWN_LIMIT_MS,
  serviceRequestLimitMs,
  serviceStartLimitMs,
  WATCHDOG_GRACE_MS,
  WORKER_SPAWN_LIMIT_MS,
} from './deadlines';

describe('deadlines', () => {
  it('defaults and sanitises the per-test timeout', () => {
    expect(normaliseTimeout(undefined)).toBe(DEFAULT_TEST_TIMEOUT_MS);
    expect(normaliseTimeout(-1)).toBe(DEFAULT_TEST_TIMEOUT_MS);
    expect(normaliseTimeout(Number.NaN)).toBe(DEFAULT_TEST_TIMEOUT_MS);
    expect(normaliseTimeout(750.9)).toBe(750);
    expect(normaliseTimeout(0)).toBe(0);
  });

  it('gives a runnable its own timeout plus grace, and none when mocha has none', () => {
    expect(runnableStallLimitMs(2000)).toBe(2000 + WATCHDOG_GRACE_MS);
    expect(runnableStallLimitMs(0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('lets loading take at least the default timeout', () => {
    expect(loadLimitMs(300)).toBe(2000 + WATCHDOG_GRACE_MS);
    expect(loadLimitMs(5000)).toBe(5000 + WATCHDOG_GRACE_MS);
  });

  it('budgets the whole run as 10 s + n × timeout', () => {
    expect(runLimitMs(15, 2000)).toBe(40_000);
    expect(runLimitMs(0, 2000)).toBe(10_000);
  });

  it('keeps the host deadline strictly looser than the frame watchdog', () => {
    expect(hostLimitAfterStartMs(15, 2000)).toBeGreaterThan(runLimitMs(15, 2000));
    expect(hostLimitBeforeStartMs(2000)).toBeGreaterThan(loadLimitMs(2000));
  });
});

describe("a service's deadlines", () => {
  it('gives a request the per-test timeout and the watchdog slack', () => {
    expect(serviceRequestLimitMs(DEFAULT_TEST_TIMEOUT_MS)).toBe(DEFAULT_TEST_TIMEOUT_MS + WATCHDOG_GRACE_MS);
    expect(serviceRequestLimitMs(500)).toBe(500 + WATCHDOG_GRACE_MS);
  });

  it("gives the start the candidate's loading time, and Python its screening and writing on top", () => {
    expect(serviceStartLimitMs('typescript', 2000)).toBe(loadLimitMs(2000));
    expect(serviceStartLimitMs('python', 2000)).toBe(loadLimitMs(2000) + PYTHON_SERVICE_SETUP_MS);
    expect(SERVICE_SPAWN_LIMIT_MS).toBeGreaterThan(WORKER_SPAWN_LIMIT_MS);
  });
});
