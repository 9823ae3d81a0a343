import type { RunEvent } from '../core/session/types';
import type { RunResult } from '../runner/types';

/** Longest failure message kept in the log: enough to read in the replay, bounded for hour-long sessions. */
const MAX_MESSAGE = 500;

const clip = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text);

/**
 * A finished run as the session log keeps it: counts plus each test's verdict and failure message, so
 * the replay can show the results panel as it was at any moment (without stacks or console output).
 */
export function runEventOf(result: RunResult): Omit<RunEvent, 't'> {
  const event: Omit<RunEvent, 't'> = {
    type: 'run',
    mode: result.mode,
    outcome: result.outcome,
    passed: result.passed,
    total: result.total,
    tests: result.tests.map((test) => ({
      title: test.title,
      path: test.path,
      status: test.status,
      ...(test.failure ? { message: clip(test.failure.message) } : {}),
    })),
  };
  const message = result.message ?? result.compileErrors[0]?.message ?? result.error?.message;
  if (message) event.message = clip(message);
  return event;
}
