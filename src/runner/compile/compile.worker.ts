/**
 * The compile worker: esbuild-wasm, initialised once (≈0.7 s, hence warmUp at page load), then one
 * bundle per request. `worker: false` because we already are the worker; esbuild would otherwise spawn
 * a nested one from a blob.
 */

import * as esbuild from 'esbuild-wasm';
import { bundleForTests } from './bundle';
import { isCompileRequest, type CompileRequest, type CompileResponse } from './protocol';

interface WorkerScope {
  postMessage(message: CompileResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

let initialising: Promise<void> | null = null;

scope.addEventListener('message', (event) => {
  if (isCompileRequest(event.data)) void handle(event.data);
});

/** One throwaway bundle while idle: the first real compile is otherwise ~5× slower (cold wasm JIT). */
async function warmJit(): Promise<void> {
  await bundleForTests(esbuild.build, {
    solution: 'export const f = (n: number): number => n + 1;',
    tests: "import { expect } from 'chai';\nimport { f } from './solution';\ndescribe('f', () => { it('adds', () => { expect(f(1)).to.equal(2); }); });",
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
    const out = await bundleForTests(esbuild.build, request);
    scope.postMessage(
      out.ok
        ? { type: 'compiled', id: request.id, code: out.code, map: out.map, ms: performance.now() - started }
        : { type: 'compile-failed', id: request.id, diagnostics: out.diagnostics },
    );
  } catch (err) {
    if (request.type === 'init') initialising = null; // let a later warmUp retry
    scope.postMessage({ type: 'internal-error', id: request.id, message: err instanceof Error ? err.message : String(err) });
  }
}
