/**
 * The test worker's harness. The worker is used for exactly one run (user code may pollute globals):
 * it waits for one `run` request, installs console capture and mocha's BDD globals, evaluates the bundle
 * with importScripts (so stack frames carry line:col in the bundle, which the main page maps back to
 * solution.ts), runs mocha, and streams WorkerEvents to the frame.
 */

import { CHAI_GLOBAL, isWorkerRunRequest, type PlannedTest, type WorkerEvent, type WorkerRunRequest } from '../protocol';
import { captureConsole } from './consoleCapture';
import type { MochaGlobal, MochaRunnable, MochaRunner } from './mochaTypes';
import { serializeError } from './serializeError';

interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

export function startHarness(mocha: MochaGlobal, chai: object): void {
  const scope = globalThis as unknown as WorkerScope;
  // Bound before user code runs, so user code replacing self.postMessage cannot silence the harness.
  const postMessage = scope.postMessage.bind(scope);
  const post = (event: WorkerEvent) => postMessage(event);

  const onMessage = (event: MessageEvent) => {
    if (!isWorkerRunRequest(event.data)) return;
    scope.removeEventListener('message', onMessage);
    runOnce(event.data, mocha, chai, post);
  };
  scope.addEventListener('message', onMessage);
}

function runOnce(request: WorkerRunRequest, mocha: MochaGlobal, chai: object, post: (e: WorkerEvent) => void): void {
  post({ type: 'loading' });
  const codeUrl = URL.createObjectURL(new Blob([request.code], { type: 'text/javascript' }));
  captureConsole((level, text) => post({ type: 'console', level, text }));
  (globalThis as Record<string, unknown>)[CHAI_GLOBAL] = chai;

  mocha.setup({
    ui: 'bdd',
    timeout: request.testTimeoutMs,
    reporter: makeReporter(post, codeUrl),
    checkLeaks: false,
  });

  try {
    importScripts(codeUrl);
  } catch (err) {
    post({ type: 'crashed', error: serializeError(err, codeUrl) });
    return;
  }
  mocha.run(() => post({ type: 'done' }));
}

/** A mocha reporter that turns runner events into WorkerEvents. */
function makeReporter(post: (e: WorkerEvent) => void, codeUrl: string) {
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
          error: serializeError(err, codeUrl),
        });
      });
    }
  };
}
