/**
 * esbuild plugin serving the only files a run may contain: the test file (entry), `./solution` and a
 * `chai` shim. There is no file system in the browser; anything else is a compile error that says so.
 */

import type { Plugin } from 'esbuild-wasm';
import { CHAI_SHIM_SOURCE } from './chaiShim';

const NAMESPACE = 'rehearse';
const SHIM_NAMESPACE = 'rehearse-shim';
const ENTRY_NAMESPACE = 'rehearse-entry';
export const ENTRY_PATH = 'tests.ts';
export const SOLUTION_PATH = 'solution.ts';

/**
 * The real entry imports the solution for its side effects before the tests. TypeScript semantics make
 * esbuild drop imports whose bindings are unused, so without this a solution the tests do not (yet) use
 * would be skipped entirely: its syntax errors unreported, its top-level code never run.
 */
const ENTRY_SOURCE = `import ${JSON.stringify(`${NAMESPACE}:${SOLUTION_PATH}`)};\nimport ${JSON.stringify(`${NAMESPACE}:${ENTRY_PATH}`)};\n`;

/** How the two user files are named in esbuild messages and in the source map's `sources`. */
export const SOLUTION_SOURCE = `${NAMESPACE}:${SOLUTION_PATH}`;
export const TESTS_SOURCE = `${NAMESPACE}:${ENTRY_PATH}`;

const SOLUTION_SPECIFIER = /^\.\/solution(\.ts|\.js)?$/;

export interface VirtualSources {
  solution: string;
  tests: string;
}

export function virtualFilesPlugin(sources: VirtualSources): Plugin {
  return {
    name: 'rehearse-virtual-files',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return { path: 'entry', namespace: ENTRY_NAMESPACE };
        if (args.namespace === ENTRY_NAMESPACE) return { path: args.path.slice(NAMESPACE.length + 1), namespace: NAMESPACE };
        if (SOLUTION_SPECIFIER.test(args.path)) return { path: SOLUTION_PATH, namespace: NAMESPACE };
        if (args.path === 'chai') return { path: 'chai', namespace: SHIM_NAMESPACE };
        return {
          errors: [
            { text: `Cannot import "${args.path}": only 'chai' and './solution' are available in the runner.` },
          ],
        };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: args.path === SOLUTION_PATH ? sources.solution : sources.tests,
        loader: 'ts',
      }));
      build.onLoad({ filter: /.*/, namespace: ENTRY_NAMESPACE }, () => ({ contents: ENTRY_SOURCE, loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: SHIM_NAMESPACE }, () => ({ contents: CHAI_SHIM_SOURCE, loader: 'js' }));
    },
  };
}
