/**
 * Public entry of the code runner. Usage:
 *   const runner = createRunner();
 *   void runner.warmUp();                       // at page load: esbuild init + sandbox frame + a spare worker
 *   const result = await runner.run({ mode: 'run', files: { 'solution.ts': code }, tests, testFileName: 'examples.test.ts' },
 *                                   (p) => p.type === 'console' && show(p.line));
 *   void runner.warmUpLanguage('python', onProgress); // when Python is chosen: its download and start
 */

import wasmUrl from 'esbuild-wasm/esbuild.wasm?url';
import sqlWasmURL from 'sql.js/dist/sql-wasm.wasm?url';
import { frameScript, serviceWorkerScript, testWorkerScript } from 'virtual:rehearse-sandbox';
import { testManifest } from 'virtual:rehearse-test-manifest';
import { RehearseRunner } from './runner';
import type { Runner } from './types';

export type * from './types';

export function createRunner(): Runner {
  return new RehearseRunner({
    wasmURL: wasmUrl,
    sqlWasmURL,
    // A chunk of its own, loaded the first time a run's code imports sql.js.
    sqlJsScript: () => import('sql.js/dist/sql-wasm.js?raw').then((m) => m.default),
    frameScript,
    testWorkerScript,
    serviceWorkerScript,
    manifest: testManifest,
  });
}
