/**
 * The compile worker: esbuild-wasm, initialised once (≈0.7 s, hence warmUp at page load), then one
 * compile per request (RunCompiler: the project per run, the test bundle cached). `worker: false` because
 * we already are the worker; esbuild would otherwise spawn a nested one from a blob.
 */

import * as esbuild from 'esbuild-wasm';
import { RunCompiler } from './bundle';
import { isCompileRequest, type CompileRequest, type CompileResponse } from './protocol';

interface WorkerScope {
  postMessage(message: CompileResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

let initialising: Promise<void> | null = null;
const compiler = new RunCompiler(esbuild);

scope.addEventListener('message', (event) => {
  if (isCompileRequest(event.data)) void handle(event.data);
});

/**
 * One throwaway compile while idle: the first real compile is otherwise ~5× slower (cold wasm JIT). Its own
 * RunCompiler, so the warm-up leaves nothing in the real one's caches.
 */
async function warmJit(): Promise<void> {
  await new RunCompiler(esbuild).compile({
    files: { 'solution.ts': 'export const f = (n: number): number => n + 1;' },
    tests:
      "import { expect } from 'chai';\nimport { f } from './solution';\ndescribe('f', () => { it('adds', () => { expect(f(1)).to.equal(2); }); });",
    testFileName: 'warm.test.ts',
  });
}

async function handle(request: CompileRequest): Promise<void> {
  const started = performance.now();
  try {
    if (request.type === 'init') {
      initialising ??= esbuild.initialize({ wasmURL: request.wasmURL, worker: false }).then(warmJit);
      await initialising;
      scope.postMessage({ type: 'init-done', id: request.id, ms: performance.now() - started });
      return;
    }
    if (!initialising) throw new Error('compile before init');
    await initialising;
    const out = await compiler.compile(request);
    scope.postMessage(
      out.ok
        ? {
            type: 'compiled',
            id: request.id,
            projectCode: out.project.code,
            projectMap: out.project.map,
            testsCode: out.tests.code,
            testsMap: out.tests.map,
            ms: performance.now() - started,
          }
        : { type: 'compile-failed', id: request.id, diagnostics: out.diagnostics },
    );
  } catch (err) {
    if (request.type === 'init') initialising = null; // let a later warmUp retry
    scope.postMessage({ type: 'internal-error', id: request.id, message: err instanceof Error ? err.message : String(err) });
  }
}
