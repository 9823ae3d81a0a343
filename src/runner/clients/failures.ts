/** Results for a run that failed outside the candidate's code (the compiler or the sandbox could not start). */
import type { Language } from '../../core/languages/registry';
import type { RunRequest, RunResult } from '../types';

export function infrastructureFailure(request: RunRequest, language: Language, err: unknown, durationMs: number): RunResult {
  return {
    mode: request.mode,
    language,
    outcome: 'crashed',
    tests: [],
    console: [],
    compileErrors: [],
    message: errorMessage(err),
    passed: 0,
    total: 0,
    durationMs,
  };
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Milliseconds since `startedAt` (performance.now()), rounded. */
export function stopwatch(): () => number {
  const startedAt = performance.now();
  return () => Math.round(performance.now() - startedAt);
}
