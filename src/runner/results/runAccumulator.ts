/**
 * Folds the stream of WorkerEvents (plus how the sandbox run ended) into a RunResult. Pure: time comes in
 * as arguments, the source-map lookup as a function, so every outcome is unit-tested without a browser.
 *
 * Rules:
 * - Tests are listed in mocha's run order; a test reported twice (mocha can emit `fail` after `pass`,
 *   e.g. done() called twice) keeps its first result.
 * - A failing hook becomes its own entry with status 'error' (it counts in `total`), because otherwise a
 *   failing `after` hook would be invisible.
 * - Planned tests that never reported are listed as 'error' "not run: …", so `total` is what was planned.
 * - The watchdog's hung test is 'timedout'; mocha's own timeouts (async hangs) are 'timedout' too.
 */

import type { ConsoleLine, RunMode, RunOutcome, RunProgress, RunResult, TestFailure, TestResult } from '../types';
import type { PlannedTest, SandboxRunEnd, SerializedError, WorkerEvent } from '../sandbox/protocol';
import type { StackMapper } from './stackMapping';

export interface AccumulatorOptions {
  mode: RunMode;
  testTimeoutMs: number;
  mapStack: StackMapper;
  onProgress?: (progress: RunProgress) => void;
}

interface Current {
  index: number;
  title: string;
  path: string[];
  startedAt: number;
}

export class RunAccumulator {
  private planned: PlannedTest[] = [];
  private readonly results: TestResult[] = [];
  private readonly reported = new Set<number>();
  private readonly console: ConsoleLine[] = [];
  private current: Current | null = null;
  private currentHook: string | null = null;
  private outcome: RunOutcome | null = null;
  private message: string | undefined;
  private crash: TestFailure | undefined;
  private done = false;

  constructor(private readonly options: AccumulatorOptions) {}

  handle(event: WorkerEvent, now: number): void {
    switch (event.type) {
      case 'loading':
        return;
      case 'started':
        this.planned = event.tests;
        return;
      case 'runnable-start':
        if (event.kind === 'test') {
          const plan = this.planned[event.index];
          this.current = { index: event.index, title: event.title, path: plan?.path ?? [], startedAt: now };
          this.currentHook = null;
        } else {
          this.currentHook = event.title;
        }
        return;
      case 'hook-end':
        this.currentHook = null;
        return;
      case 'test-end':
        this.addTestEnd(event);
        return;
      case 'console': {
        const line: ConsoleLine = { level: event.level, text: event.text };
        this.console.push(line);
        this.options.onProgress?.({ type: 'console', line });
        return;
      }
      case 'done':
        this.done = true;
        return;
      case 'crashed': {
        this.crash = this.toFailure(event.error);
        this.outcome = 'crashed';
        const where = this.crash.solutionLine ? ` (solution.ts:${this.crash.solutionLine}:${this.crash.solutionColumn})` : '';
        this.message = `Your code threw while loading: ${this.crash.message}${where}`;
        return;
      }
    }
  }

  /** Called once, when the sandbox says the run is over. */
  end(how: SandboxRunEnd, now: number): void {
    switch (how.kind) {
      case 'finished':
        if (!this.outcome) this.outcome = this.done ? 'completed' : 'crashed';
        if (!this.done && !this.message) this.message = 'The test worker stopped without finishing.';
        this.fillNotRun('not run: a hook failed before this test could run');
        return;
      case 'watchdog':
        this.timedOut(how.phase === 'runnable' ? how.elapsedMs : null, now, this.watchdogMessage(how.phase, how.limitMs));
        return;
      case 'host-deadline':
        this.timedOut(null, now, `The sandbox stopped responding after ${how.limitMs} ms and was restarted.`);
        return;
      case 'worker-error':
        this.outcome = 'crashed';
        this.message = `The test worker failed: ${how.message}`;
        this.fillNotRun('not run: the test worker failed');
        return;
    }
  }

  /** For failures outside the sandbox (compiler or frame could not start). */
  failInfrastructure(message: string): void {
    this.outcome = 'crashed';
    this.message = message;
  }

  result(durationMs: number): RunResult {
    const tests = this.results;
    return {
      mode: this.options.mode,
      outcome: this.outcome ?? 'crashed',
      tests,
      console: this.console,
      compileErrors: [],
      ...(this.message !== undefined ? { message: this.message } : {}),
      ...(this.crash ? { error: this.crash } : {}),
      passed: tests.filter((t) => t.status === 'passed').length,
      total: tests.length,
      durationMs,
    };
  }

  private addTestEnd(event: Extract<WorkerEvent, { type: 'test-end' }>): void {
    if (event.index >= 0) {
      if (this.reported.has(event.index)) return;
      this.reported.add(event.index);
    }
    if (this.current?.index === event.index) this.current = null;
    const failure = event.error ? this.toFailure(event.error) : undefined;
    const status = event.state === 'passed' ? 'passed' : event.index < 0 ? 'error' : statusOf(event.error);
    this.push({
      title: event.title,
      path: event.path,
      status,
      durationMs: event.durationMs,
      ...(failure ? { failure } : {}),
    });
  }

  private timedOut(elapsedMs: number | null, now: number, message: string): void {
    this.outcome = 'timedout';
    this.message = message;
    const hung = this.current;
    if (hung && !this.reported.has(hung.index)) {
      this.reported.add(hung.index);
      const durationMs = Math.round(elapsedMs ?? now - hung.startedAt);
      this.push({ title: hung.title, path: hung.path, status: 'timedout', durationMs, failure: { message } });
    } else if (this.currentHook) {
      this.push({ title: this.currentHook, path: [], status: 'timedout', durationMs: 0, failure: { message } });
    }
    this.fillNotRun('not run: an earlier test timed out and the sandbox was restarted');
  }

  private watchdogMessage(phase: string, limitMs: number): string {
    const where = this.current ? ` in "${[...this.current.path, this.current.title].join(' > ')}"` : '';
    switch (phase) {
      case 'spawn':
        return `The test worker did not start within ${limitMs} ms.`;
      case 'loading':
        return `Your code did not finish loading within ${limitMs} ms (an infinite loop at the top level?).`;
      case 'runnable':
        return `Timed out after ${this.options.testTimeoutMs} ms${where}: the code never yielded (an infinite loop?).`;
      default:
        return `The whole run exceeded its ${limitMs} ms budget${where}.`;
    }
  }

  private fillNotRun(message: string): void {
    for (const test of this.planned) {
      if (this.reported.has(test.index)) continue;
      this.reported.add(test.index);
      this.push({ title: test.title, path: test.path, status: 'error', durationMs: 0, failure: { message } });
    }
  }

  private push(result: TestResult): void {
    this.results.push(result);
    this.options.onProgress?.({ type: 'test-end', result });
  }

  private toFailure(error: SerializedError): TestFailure {
    const mapped = error.stack ? this.options.mapStack(error.stack) : undefined;
    const message = error.isTimeout
      ? `Timed out after ${this.options.testTimeoutMs} ms: the test did not finish (a promise that never settles, or done() never called?).`
      : error.isAssertion
        ? error.message
        : `${error.name}: ${error.message}`;
    return {
      message,
      ...(error.expected !== undefined ? { expected: error.expected } : {}),
      ...(error.actual !== undefined ? { actual: error.actual } : {}),
      ...(mapped?.solution ? { solutionLine: mapped.solution.line, solutionColumn: mapped.solution.column } : {}),
      ...(mapped && !error.isTimeout ? { stack: mapped.text } : {}),
    };
  }
}

function statusOf(error: SerializedError | undefined): TestResult['status'] {
  if (!error) return 'failed';
  if (error.isTimeout) return 'timedout';
  return error.isAssertion ? 'failed' : 'error';
}
