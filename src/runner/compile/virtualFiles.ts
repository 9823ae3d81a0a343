/**
 * esbuild plugins serving the only files a run may contain. There is no file system in the browser;
 * anything else is a compile error that says so.
 *
 * The test file is bundled on its own (and cached, see bundle.ts): `./solution` resolves to a stub that
 * re-exports, by name, exactly what the solution exports, from a tiny CommonJS module reading the solution
 * script's exports object at run time (SOLUTION_GLOBAL). So the test bundle does not contain the solution,
 * yet esbuild still reports `import { y } from './solution'` as "No matching export" at the import, and
 * property reads stay live (`export let count` updated by the solution is seen by the tests).
 */

import type { Plugin } from 'esbuild-wasm';
import { SOLUTION_GLOBAL } from '../sandbox/protocol';
import { CHAI_SHIM_SOURCE } from './chaiShim';
import { FAST_CHECK_SHIM_SOURCE } from './fastCheckShim';

/** Module name → the shim its import compiles to (moduleShims.ts says how to add one). */
export function shimSources(): Readonly<Record<string, string>> {
  return { chai: CHAI_SHIM_SOURCE, 'fast-check': FAST_CHECK_SHIM_SOURCE };
}

const NAMESPACE = 'rehearse';
const SHIM_NAMESPACE = 'rehearse-shim';
const LINK_NAMESPACE = 'rehearse-link';
export const ENTRY_PATH = 'tests.ts';
export const SOLUTION_PATH = 'solution.ts';

/** How the two user files are named in esbuild messages and in the source maps' `sources`. */
export const SOLUTION_SOURCE = `${NAMESPACE}:${SOLUTION_PATH}`;
export const TESTS_SOURCE = `${NAMESPACE}:${ENTRY_PATH}`;

const SOLUTION_SPECIFIER = /^\.\/solution(\.ts|\.js)?$/;
/** The stub's own import of the link module; a specifier no user file can write by accident. */
const LINK_SPECIFIER = '\0rehearse-link';

export function importNotAvailable(path: string): string {
  const modules = Object.keys(shimSources()).map((m) => `'${m}'`);
  return `Cannot import "${path}": only ${[...modules, "'./solution'"].join(', ').replace(/, ([^,]*)$/, ' and $1')} are available in the runner.`;
}

/**
 * The `./solution` seen by the tests: `export { "A" as "A", … } from <link>`. String names (ES2022) keep
 * any export name valid, including `default`.
 */
export function solutionStubSource(exportNames: readonly string[]): string {
  const names = exportNames.map((n) => `${JSON.stringify(n)} as ${JSON.stringify(n)}`).join(', ');
  return `export { ${names} } from ${JSON.stringify(LINK_SPECIFIER)};\n`;
}

/** The link module: CommonJS, so esbuild reads it through a namespace object, property by property. */
export const LINK_SOURCE = `module.exports = globalThis[${JSON.stringify(SOLUTION_GLOBAL)}];\n`;

export interface TestFileSources {
  tests: string;
  /** What the solution exports (values only; types are erased). */
  solutionExports: readonly string[];
}

export function testFilesPlugin(sources: TestFileSources): Plugin {
  return {
    name: 'rehearse-test-files',
    setup(build) {
      const shims = shimSources();
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return { path: ENTRY_PATH, namespace: NAMESPACE };
        if (args.path === LINK_SPECIFIER && args.namespace === NAMESPACE && args.importer === SOLUTION_PATH) {
          return { path: 'solution', namespace: LINK_NAMESPACE };
        }
        if (SOLUTION_SPECIFIER.test(args.path)) return { path: SOLUTION_PATH, namespace: NAMESPACE };
        if (Object.hasOwn(shims, args.path)) return { path: args.path, namespace: SHIM_NAMESPACE };
        return { errors: [{ text: importNotAvailable(args.path) }] };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) =>
        args.path === SOLUTION_PATH
          ? { contents: solutionStubSource(sources.solutionExports), loader: 'js' }
          : { contents: sources.tests, loader: 'ts' },
      );
      build.onLoad({ filter: /.*/, namespace: LINK_NAMESPACE }, () => ({ contents: LINK_SOURCE, loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: SHIM_NAMESPACE }, (args) => ({ contents: shims[args.path] ?? '', loader: 'js' }));
    },
  };
}

/**
 * For checking the solution on its own (bundle.ts): it may import nothing at run time (type-only imports
 * are erased before resolution, so they never reach this).
 */
export function solutionImportsPlugin(): Plugin {
  return {
    name: 'rehearse-solution-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => ({
        errors: [
          { text: `Cannot import "${args.path}": solution.ts runs on its own and cannot import modules (type-only imports are fine).` },
        ],
      }));
    },
  };
}
