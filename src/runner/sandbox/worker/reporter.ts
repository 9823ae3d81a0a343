/**
 * A mocha reporter that turns one group's runner events into WorkerEvents. The candidate's own group is
 * user-written, so its titles are capped (a 10 MB title must not travel to the page). Each event is sent at
 * once when user code may run next, or held for the next message when only mocha's code does (outbox.ts).
 */
import type { PlannedTest, TestGroup, WorkerEvent } from '../protocol';
import type { MochaReporterConstructor, MochaRunnable, MochaRunner } from './mochaTypes';
import type { EventSink } from './outbox';
import { serializeError, type ScriptLocation } from './serializeError';

export const MAX_OWN_TITLE_LENGTH = 300;
const MAX_OWN_PATH_DEPTH = 8;

/** Whether a beforeEach hook runs between this test's start and its body (its start is then sent first). */
function hasBeforeEachHook(test: MochaRunnable): boolean {
  for (let suite = test.parent; suite; suite = suite.parent) if ((suite._beforeEach?.length ?? 0) > 0) return true;
  return false;
}

export function makeReporter(
  group: TestGroup,
  out: EventSink,
  where: () => ScriptLocation | null,
  now: () => number,
  /** What a test really threw, when mocha was handed a stand-in for it (skipGuard.ts). */
  originalOf: (err: unknown) => unknown = (err) => err,
): MochaReporterConstructor {
  const clip =
    group === 'own' ? (t: string) => (t.length > MAX_OWN_TITLE_LENGTH ? `${t.slice(0, MAX_OWN_TITLE_LENGTH)}…` : t) : (t: string) => t;
  const titleOf = (t: { title: string }) => clip(String(t.title));
  const clipPath = (path: string[]) => (group === 'own' ? path.slice(-MAX_OWN_PATH_DEPTH) : path).map(clip);
  return class StreamingReporter {
    constructor(runner: MochaRunner) {
      const indexOf = new Map<MochaRunnable, number>();
      const startedAt = new Map<MochaRunnable, number>();
      const pathOf = (t: MochaRunnable) => clipPath(t.titlePath().slice(0, -1));
      // 'start' fires after mocha applied `.only` filtering, so this is exactly what will run.
      runner.on('start', () => {
        const tests: PlannedTest[] = [];
        runner.suite.eachTest((test) => {
          if (test.isPending()) return;
          indexOf.set(test, tests.length);
          tests.push({ index: tests.length, title: titleOf(test), path: pathOf(test) });
        });
        out.hold({ type: 'started', group, tests });
      });
      runner.on('test', (test) => {
        startedAt.set(test, now());
        const start = {
          type: 'runnable-start',
          group,
          kind: 'test',
          index: indexOf.get(test) ?? -1,
          title: titleOf(test),
          timeoutMs: test.timeout(),
        } as const;
        // Without a beforeEach hook the test's own code runs next: the watchdog must know it started.
        if (hasBeforeEachHook(test)) out.hold(start);
        else out.send(start);
      });
      runner.on('hook', (hook) => {
        out.send({ type: 'runnable-start', group, kind: 'hook', index: -1, title: titleOf(hook), timeoutMs: hook.timeout() });
      });
      // A beforeEach hook's end may be followed by the test's body: sent at once.
      runner.on('hook end', () => out.send({ type: 'hook-end' }));
      const durationOf = (test: MochaRunnable) => test.duration ?? Math.round(now() - (startedAt.get(test) ?? now()));
      const ended = (test: MochaRunnable, state: 'passed' | 'skipped', durationMs: number): WorkerEvent => ({
        type: 'test-end',
        group,
        index: indexOf.get(test) ?? -1,
        title: titleOf(test),
        path: pathOf(test),
        state,
        durationMs,
      });
      runner.on('pass', (test) => out.hold(ended(test, 'passed', durationOf(test))));
      // A skipped problem test is reported, so the page can hold it against the manifest (verifyRun.ts).
      // Tests skipped by the file itself (it.skip, no body) are in neither the plan nor the manifest: index
      // -1. The candidate's own skipped tests are simply not listed, as before.
      if (group === 'problem') {
        runner.on('pending', (test) => out.hold(ended(test, 'skipped', 0)));
      }
      runner.on('fail', (runnable, err) => {
        const isHook = runnable.type === 'hook';
        out.hold({
          type: 'test-end',
          group,
          index: isHook ? -1 : (indexOf.get(runnable) ?? -1),
          title: titleOf(runnable),
          path: isHook ? clipPath(runnable.parent?.titlePath() ?? []) : pathOf(runnable),
          state: 'failed',
          durationMs: durationOf(runnable),
          error: serializeError(originalOf(err), where()),
        });
      });
    }
  };
}
