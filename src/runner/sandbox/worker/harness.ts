/**
 * The test worker's harness. The worker is used for exactly one run (user code may pollute globals):
 * it waits for one `run` request, installs console capture and mocha's BDD globals, evaluates the solution
 * script and then the test bundle, as one script via importScripts (so stack frames carry line:col, which
 * serializeError attributes to either script and the main page maps back to solution.ts / the test file), runs mocha, and streams WorkerEvents to the frame.
 */

import { CHAI_GLOBAL, isWorkerRunRequest, type PlannedTest, type WorkerEvent, type WorkerRunRequest } from '../protocol';
import { captureConsole } from './consoleCapture';
import type { MochaClass, MochaGlobal, MochaRunnable, MochaRunner } from './mochaTypes';
import { runScript, serializeError, type ScriptLocation } from './serializeError';
import { warmUp } from './warmUp';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export function startHarness(mocha: MochaGlobal, Mocha: MochaClass, chai: object): void {
  const scope = globalThis as unknown as WorkerScope;
  // Bound before user code runs, so user code replacing self.postMessage cannot silence the harness.
  const postMessage = scope.postMessage.bind(scope);
  const post = (event: WorkerEvent) => postMessage(event);

  // A run that arrives while the warm-up is still going waits for it (a few ms): the two must not share
  // mocha's scheduling queue. A failed warm-up only costs speed.
  const warm = warmUp(Mocha, chai, makeReporter(() => undefined, null)).catch(() => undefined);
  const onMessage = (event: MessageEvent) => {
    if (!isWorkerRunRequest(event.data)) return;
    scope.removeEventListener('message', onMessage);
    const request = event.data;
    void warm.then(() => runOnce(request, mocha, chai, post));
  };
  scope.addEventListener('message', onMessage);
}

function runOnce(request: WorkerRunRequest, mocha: MochaGlobal, chai: object, post: (e: WorkerEvent) => void): void {
  post({ type: 'loading' });
  const script = runScript(request.solutionCode, request.testsCode);
  const where: ScriptLocation = { url: URL.createObjectURL(new Blob([script.code], { type: 'text/javascript' })), solutionLines: script.solutionLines };
  captureConsole((level, text) => post({ type: 'console', level, text }));
  (globalThis as Record<string, unknown>)[CHAI_GLOBAL] = chai;

  mocha.setup({
    ui: 'bdd',
    timeout: request.testTimeoutMs,
    reporter: makeReporter(post, where),
    checkLeaks: false,
  });

  // The solution first: its top-level code runs whether or not the tests import it, and defines the
  // exports object the test bundle's `./solution` reads.
  try {
    importScripts(where.url);
  } catch (err) {
    post({ type: 'crashed', error: serializeError(err, where) });
    return;
  }
  mocha.run(() => post({ type: 'done' }));
}

/** A mocha reporter that turns runner events into WorkerEvents. */
function makeReporter(post: (e: WorkerEvent) => void, where: ScriptLocation | null) {
  return class StreamingReporter {
    constructor(runner: MochaRunner) {
      const indexOf = new Map<MochaRunnable, number>();
      const startedAt = new Map<MochaRunnable, number>();
      const pathOf = (t: MochaRunnable) => t.titlePath().slice(0, -1);

      // 'start' fires after mocha applied `.only` filtering, so this is exactly what will run.
      runner.on('start', () => {
        const tests: PlannedTest[] = [];
        runner.suite.eachTest((test) => {
          if (test.isPending()) return;
          indexOf.set(test, tests.length);
          tests.push({ index: tests.length, title: test.title, path: pathOf(test) });
        });
        post({ type: 'started', tests });
      });
      runner.on('test', (test) => {
        startedAt.set(test, performance.now());
        post({ type: 'runnable-start', kind: 'test', index: indexOf.get(test) ?? -1, title: test.title, timeoutMs: test.timeout() });
      });
      runner.on('hook', (hook) => {
        post({ type: 'runnable-start', kind: 'hook', index: -1, title: hook.title, timeoutMs: hook.timeout() });
      });
      runner.on('hook end', () => post({ type: 'hook-end' }));

      const durationOf = (test: MochaRunnable) =>
        test.duration ?? Math.round(performance.now() - (startedAt.get(test) ?? performance.now()));

      runner.on('pass', (test) => {
        post({ type: 'test-end', index: indexOf.get(test) ?? -1, title: test.title, path: pathOf(test), state: 'passed', durationMs: durationOf(test) });
      });
      runner.on('fail', (runnable, err) => {
        const isHook = runnable.type === 'hook';
        post({
          type: 'test-end',
          index: isHook ? -1 : (indexOf.get(runnable) ?? -1),
          title: runnable.title,
          path: isHook ? (runnable.parent?.titlePath() ?? []) : pathOf(runnable),
          state: 'failed',
          durationMs: durationOf(runnable),
          error: serializeError(err, where),
        });
      });
    }
  };
}
