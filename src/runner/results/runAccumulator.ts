/**
 * Folds the stream of WorkerEvents (plus how the sandbox run ended) into a RunResult. Pure: time comes in
 * as arguments, the source-map lookup as a function, so every outcome is unit-tested without a browser.
 *
 * A run has two groups (sandbox/protocol.ts): the problem's tests, then the candidate's own. The problem's
 * group decides `outcome`, `tests`, `passed`, `total`; the own group only fills `ownTests`, so a time-out in
 * the candidate's own test leaves a finished verdict standing. Then the problem's group is checked against
 * the build's manifest (verifyRun.ts): if it does not match, the run is 'not-counted' with the reason.
 * The watchdog's hung test is 'timedout'; mocha's own timeouts (async hangs) are 'timedout' too.
 */

import type { Language } from '../../core/languages/registry';
import type { ExpectedTests } from '../testManifest';
import type { ConsoleLine, OwnTestsResult, RunMode, RunOutcome, RunProgress, RunResult, TestFailure } from '../types';
import type { SandboxRunEnd, SerializedError, TestGroup, WorkerEvent } from '../sandbox/protocol';
import { GroupResults } from './groupResults';
import type { StackMapper } from './stackMapping';
import { startFailureMessage, testsNamed } from './startFailure';
import { verifyProblemGroup, type ProblemGroupReport } from './verifyRun';

export interface AccumulatorOptions {
  mode: RunMode;
  testTimeoutMs: number;
  mapStack: StackMapper;
  /**
   * The problem tests this run must report (from the build's manifest). null: none known; then a Submit is
   * not counted, a Run is shown unchecked (a design problem's scratchpad has no tests).
   */
  expected: ExpectedTests | null;
  onProgress?: (progress: RunProgress) => void;
  /** The language of the run's code (default TypeScript). */
  language?: Language;
}

/**
 * Errors by which a run refuses to count itself: Python's screen found code that can reach the test runner
 * (`NotCounted`), or the worker or harness found the run's reports tampered with (`IntegrityError`). Shown
 * as "not counted" with their own words. A forged one can only make a run not count, never pass.
 */
const REFUSALS = new Set(['NotCounted', 'IntegrityError']);

/** At most this many own results are kept (the worker caps them too; this side trusts nothing). */
const MAX_OWN_RESULTS = 250;

export class RunAccumulator {
  private readonly problem: GroupResults;
  private own: GroupResults | null = null;
  private ownNote: string | undefined;
  private ownMessage: string | undefined;
  private readonly console: ConsoleLine[] = [];
  private outcome: RunOutcome | null = null;
  private message: string | undefined;
  private crash: TestFailure | undefined;
  private plans = 0;
  private readonly reports: ProblemGroupReport[] = [];
  private hookFailed = false;
  /** The worker took the run and began loading the code (its `loading` event). */
  private loading = false;
  /** A problem test began or reported: the tests did start. */
  private problemTestStarted = false;
  /** The tests never started, for a reason that is not the candidate's code (startFailure.ts). */
  private notStarted = false;
  /** Why the run refused to count itself (a refusal's message), if it did. */
  private refusal: string | null = null;

  constructor(private readonly options: AccumulatorOptions) {
    this.problem = new GroupResults((result) => options.onProgress?.({ type: 'test-end', result, own: false }));
  }

  handle(event: WorkerEvent, now: number): void {
    switch (event.type) {
      case 'loading':
        this.loading = true;
        return;
      case 'started':
        if (event.group === 'problem') {
          this.plans++;
          if (this.plans === 1) this.problem.plan(event.tests);
        } else if (!this.own && this.problem.done) {
          this.own = new GroupResults((result) => this.options.onProgress?.({ type: 'test-end', result, own: true }));
          this.own.plan(event.tests.slice(0, MAX_OWN_RESULTS));
          this.ownNote = event.note;
        }
        return;
      case 'runnable-start':
        if (event.group === 'problem' && event.kind === 'test') this.problemTestStarted = true;
        this.group(event.group)?.runnableStart(event, now);
        return;
      case 'hook-end':
        this.running().hookEnd();
        return;
      case 'test-end':
        if (event.group === 'problem') {
          this.problemTestStarted = true;
          // Index −1: a failing hook, or a skipped test that is not in the plan (checked against the manifest).
          if (event.index >= 0 || event.state === 'skipped') {
            this.reports.push({ index: event.index, title: event.title, path: event.path, state: event.state });
          } else this.hookFailed = true;
        }
        if (event.group === 'own' && (this.own?.results.length ?? 0) >= MAX_OWN_RESULTS) return;
        this.group(event.group)?.testEnd(event, (e) => this.toFailure(e));
        return;
      case 'console': {
        const line: ConsoleLine = { level: event.level, text: event.text };
        this.console.push(line);
        this.options.onProgress?.({ type: 'console', line });
        return;
      }
      case 'done':
        if (event.group === 'problem') this.problem.done = true;
        else if (this.own) this.own.done = true;
        return;
      case 'crashed': {
        this.outcome = 'crashed';
        if (REFUSALS.has(event.error.name)) {
          // The run refused itself (Python's screen or its step rules): say so as it is, not as a crash.
          this.refusal = event.error.message;
          return;
        }
        if (!this.loading && this.language === 'python') {
          // Refused before the code was loaded ("Python is not ready in this worker."): not the code's doing.
          this.startFailed(event.error.message);
          return;
        }
        const { failure, where } = this.mapFailure(event.error);
        this.crash = failure;
        this.message = `Your code threw while loading: ${failure.message}${where ? ` (${where})` : ''}`;
        return;
      }
    }
  }

  /** Called once, when the sandbox says the run is over. */
  end(how: SandboxRunEnd, now: number): void {
    if (this.problem.done && how.kind !== 'finished' && this.outcome !== 'crashed') {
      // The verdict is in; only the candidate's own tests were cut short.
      this.outcome = 'completed';
      this.endOwn(how, now);
      return;
    }
    switch (how.kind) {
      case 'finished':
        if (!this.outcome) this.outcome = this.problem.done ? 'completed' : 'crashed';
        if (!this.problem.done && !this.message) {
          if (this.testsNeverStarted()) this.startFailed('the worker stopped before the first test');
          else this.message = 'The test worker stopped without finishing.';
        }
        this.problem.fillNotRun('not run: a hook failed before this test could run');
        this.own?.fillNotRun('not run: a hook failed before this test could run');
        return;
      case 'watchdog':
        this.outcome = 'timedout';
        this.message = this.watchdogMessage(how.phase, how.limitMs, this.problem);
        this.problem.timedOut(how.phase === 'runnable' ? how.elapsedMs : null, now, this.message);
        return;
      case 'host-deadline':
        this.outcome = 'timedout';
        this.message = `The sandbox stopped responding after ${how.limitMs} ms and was restarted.`;
        this.problem.timedOut(null, now, this.message);
        return;
      case 'worker-error':
        this.outcome = 'crashed';
        if (this.testsNeverStarted()) {
          this.startFailed(how.message);
          if (this.notStarted) return;
        }
        this.message = `The test worker failed: ${how.message}`;
        this.problem.fillNotRun('not run: the test worker failed');
        return;
    }
  }

  /** For failures outside the sandbox (compiler or frame could not start). */
  failInfrastructure(message: string): void {
    this.outcome = 'crashed';
    this.message = startFailureMessage(this.language, message);
    this.notStarted = this.language === 'python';
  }

  private get language(): Language {
    return this.options.language ?? 'typescript';
  }

  /** No problem test began and no crash of the candidate's code explains it. */
  private testsNeverStarted(): boolean {
    return !this.problemTestStarted && !this.crash;
  }

  /** Python's tests never started: said in plain words (TypeScript keeps its own wording). */
  private startFailed(reason: string): void {
    if (this.language !== 'python') return;
    this.notStarted = true;
    this.message = startFailureMessage(this.language, reason);
  }

  result(durationMs: number): RunResult {
    const emptyPlan = this.emptyPythonPlan();
    if (emptyPlan) this.startFailed(emptyPlan);
    const base = {
      mode: this.options.mode,
      language: this.language,
      ...(this.notStarted ? { notStarted: true } : {}),
      console: this.console,
      compileErrors: [],
      durationMs,
      ...(this.ownResult() ? { ownTests: this.ownResult() } : {}),
    };
    const notCounted = this.refusal ?? (this.notStarted ? null : this.notCountedReason());
    if (notCounted) {
      return {
        ...base,
        outcome: 'not-counted',
        tests: [],
        message: notCounted,
        passed: 0,
        total: this.options.expected?.tests.length ?? 0,
      };
    }
    const tests = this.problem.results;
    return {
      ...base,
      outcome: this.outcome ?? 'crashed',
      tests,
      ...(this.message !== undefined ? { message: this.message } : {}),
      ...(this.crash ? { error: this.crash } : {}),
      passed: this.problem.passed(),
      total: tests.length,
    };
  }

  /**
   * A Python run whose harness announced no tests at all while the build knows the file has some: it could
   * not find them (it never counts either way), so the candidate reads that rather than "reported 0 tests".
   */
  private emptyPythonPlan(): string | null {
    const expected = this.options.expected;
    if (this.language !== 'python' || !expected || expected.tests.length === 0) return null;
    if (this.plans !== 1 || this.problem.planned.length > 0 || this.problemTestStarted) return null;
    this.outcome = 'crashed';
    return `it found none of ${testsNamed(expected.file)} (${expected.tests.length} in ${expected.file})`;
  }

  /** Why this run proves nothing about the problem's tests, or null if it can be shown (and counted). */
  private notCountedReason(): string | null {
    const expected = this.options.expected;
    if (!expected) {
      const ranTests = this.plans > 0 || this.problem.done;
      return this.options.mode === 'submit' && ranTests
        ? 'Not counted: this build does not know these hidden tests, so their results cannot be checked.'
        : null;
    }
    return verifyProblemGroup(expected, {
      plan: this.plans > 0 ? this.problem.planned : null,
      plans: this.plans,
      reports: this.reports,
      hookFailed: this.hookFailed,
      finished: this.problem.done,
    });
  }

  private ownResult(): OwnTestsResult | undefined {
    const own = this.own;
    if (!own) return undefined;
    const message = this.ownNote ?? this.ownMessage;
    return { tests: own.results, passed: own.passed(), total: own.results.length, ...(message ? { message } : {}) };
  }

  private endOwn(how: Exclude<SandboxRunEnd, { kind: 'finished' }>, now: number): void {
    const own = this.own;
    switch (how.kind) {
      case 'watchdog':
        this.ownMessage = this.watchdogMessage(how.phase, how.limitMs, own);
        break;
      case 'host-deadline':
        this.ownMessage = `The sandbox stopped responding after ${how.limitMs} ms and was restarted.`;
        break;
      case 'worker-error':
        this.ownMessage = `The test worker failed: ${how.message}`;
        break;
    }
    if (!own) return;
    if (how.kind === 'worker-error') own.fillNotRun('not run: the test worker failed');
    else own.timedOut(how.kind === 'watchdog' && how.phase === 'runnable' ? how.elapsedMs : null, now, this.ownMessage ?? '');
  }

  private group(group: TestGroup): GroupResults | null {
    return group === 'problem' ? this.problem : this.own;
  }

  private running(): GroupResults {
    return this.own ?? this.problem;
  }

  private watchdogMessage(phase: string, limitMs: number, group: GroupResults | null): string {
    const where = group?.where() ?? '';
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

  private toFailure(error: SerializedError): TestFailure {
    return this.mapFailure(error).failure;
  }

  /** The failure, located in the project through the stack, and that place as text ("chat/hub.ts:7:5"). */
  private mapFailure(error: SerializedError): { failure: TestFailure; where: string | undefined } {
    const mapped = error.stack ? this.options.mapStack(error.stack) : undefined;
    const message = error.isTimeout
      ? `Timed out after ${this.options.testTimeoutMs} ms: the test did not finish (a promise that never settles, or done() never called?).`
      : error.isAssertion
        ? error.message
        : `${error.name}: ${error.message}`;
    const failure: TestFailure = {
      message,
      ...(error.expected !== undefined ? { expected: error.expected } : {}),
      ...(error.actual !== undefined ? { actual: error.actual } : {}),
      ...(mapped?.at ? { at: mapped.at } : {}),
      ...(mapped && !error.isTimeout ? { stack: mapped.text } : {}),
    };
    return { failure, where: mapped?.where };
  }
}
