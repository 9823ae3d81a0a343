/**
 * The results of one group of tests in a run (the problem's, or the candidate's own), folded from its
 * WorkerEvents. Pure; RunAccumulator owns one per group.
 *
 * - Tests are listed in mocha's run order. A test reported twice (mocha emits `fail` after `pass` when
 *   done() is called twice, or an error arrives after the test ended) keeps a failure over a pass.
 * - A failing hook becomes its own entry with status 'error', because a failing `after` hook would
 *   otherwise be invisible.
 * - Planned tests that never reported are listed as 'error' "not run: …", so the count is what was planned.
 */

import type { PlannedTest, SerializedError, WorkerEvent } from '../sandbox/protocol';
import type { TestFailure, TestResult } from '../types';

type TestEnd = Extract<WorkerEvent, { type: 'test-end' }>;

interface Current {
  index: number;
  title: string;
  path: string[];
  startedAt: number;
}

export class GroupResults {
  planned: readonly PlannedTest[] = [];
  readonly results: TestResult[] = [];
  done = false;
  private readonly positionOf = new Map<number, number>();
  private current: Current | null = null;
  private currentHook: string | null = null;

  constructor(private readonly emit: (result: TestResult) => void) {}

  plan(tests: readonly PlannedTest[]): void {
    this.planned = tests;
  }

  runnableStart(event: Extract<WorkerEvent, { type: 'runnable-start' }>, now: number): void {
    if (event.kind === 'test') {
      const plan = this.planned[event.index];
      this.current = { index: event.index, title: event.title, path: plan?.path ?? [], startedAt: now };
      this.currentHook = null;
    } else {
      this.currentHook = event.title;
    }
  }

  hookEnd(): void {
    this.currentHook = null;
  }

  /** Where the run is, for messages ("in “Suite › test”"). */
  where(): string {
    return this.current ? ` in "${[...this.current.path, this.current.title].join(' > ')}"` : '';
  }

  testEnd(event: TestEnd, toFailure: (e: SerializedError) => TestFailure): void {
    if (this.current?.index === event.index) this.current = null;
    // A skipped test has no result to show: the run is judged on it by verifyRun.ts, and one the plan
    // listed is filled in as not run.
    if (event.state === 'skipped') return;
    const failure = event.error ? toFailure(event.error) : undefined;
    const status = event.state === 'passed' ? 'passed' : event.index < 0 ? 'error' : statusOf(event.error);
    const result: TestResult = {
      title: event.title,
      path: event.path,
      status,
      durationMs: event.durationMs,
      ...(failure ? { failure } : {}),
    };
    if (event.index >= 0) {
      const at = this.positionOf.get(event.index);
      if (at !== undefined) {
        // Conservative: a test that failed at any point did not pass.
        if (status !== 'passed' && this.results[at]?.status === 'passed') this.results[at] = result;
        return;
      }
      this.positionOf.set(event.index, this.results.length);
    }
    this.push(result);
  }

  /** The watchdog (or the host) ended the run while this group was running. */
  timedOut(elapsedMs: number | null, now: number, message: string): void {
    const hung = this.current;
    if (hung && !this.positionOf.has(hung.index)) {
      this.positionOf.set(hung.index, this.results.length);
      const durationMs = Math.round(elapsedMs ?? now - hung.startedAt);
      this.push({ title: hung.title, path: hung.path, status: 'timedout', durationMs, failure: { message } });
    } else if (this.currentHook) {
      this.push({ title: this.currentHook, path: [], status: 'timedout', durationMs: 0, failure: { message } });
    }
    this.fillNotRun('not run: an earlier test timed out and the sandbox was restarted');
  }

  fillNotRun(message: string): void {
    for (const test of this.planned) {
      if (this.positionOf.has(test.index)) continue;
      this.positionOf.set(test.index, this.results.length);
      this.push({ title: test.title, path: test.path, status: 'error', durationMs: 0, failure: { message } });
    }
  }

  passed(): number {
    return this.results.filter((t) => t.status === 'passed').length;
  }

  private push(result: TestResult): void {
    this.results.push(result);
    this.emit(result);
  }
}

function statusOf(error: SerializedError | undefined): TestResult['status'] {
  if (!error) return 'failed';
  if (error.isTimeout) return 'timedout';
  return error.isAssertion ? 'failed' : 'error';
}
