/**
 * esbuild plugins serving the only files a run may contain. There is no file system in the browser;
 * anything else is a compile error that says so.
 *
 * Two scripts per run (bundle.ts says why): the candidate's project, and the test file.
 *   - The project's script holds every module of the project (projectPlugin): project files import each
 *     other by relative path (projectResolve.ts), and nothing else at run time. It assigns to
 *     SOLUTION_GLOBAL an object holding each module's exports by path: `{ "chat/hub.ts": { Hub }, … }`.
 *   - The test file is bundled on its own (and cached, see bundle.ts): each project module it imports
 *     (`./chat/handlers`, `./solution`) resolves to a stub that re-exports, by name, exactly what that module
 *     exports, from a tiny CommonJS module reading the module's exports object at run time. So the test
 *     bundle does not contain the project, yet esbuild still reports `import { y } from './solution'` as "No
 *     matching export" at the import, and property reads stay live (`export let count` updated by the
 *     project is seen by the tests).
 */

import type { Plugin } from 'esbuild-wasm';
import { SOLUTION_GLOBAL } from '../sandbox/protocol';
import { CHAI_SHIM_SOURCE } from './chaiShim';
import { TESTKIT_MODULE, TESTKIT_SHIM_SOURCE } from './testkitShim';
import { FAST_CHECK_SHIM_SOURCE } from './fastCheckShim';
import { PROJECT_MODULES, SQL_JS_SHIM_SOURCE } from './moduleShims';
import { isRelativeSpecifier, resolveProjectImport } from './projectResolve';

/** Module name → the shim its import compiles to (moduleShims.ts says how to add one). */
export function shimSources(): Readonly<Record<string, string>> {
  return {
    chai: CHAI_SHIM_SOURCE,
    'fast-check': FAST_CHECK_SHIM_SOURCE,
    'sql.js': SQL_JS_SHIM_SOURCE,
    [TESTKIT_MODULE]: TESTKIT_SHIM_SOURCE,
  };
}

/** Project files (and, in the test bundle, the test file itself): their names in messages and source maps. */
const NAMESPACE = 'rehearse';
/** In the test bundle: a project module as the tests see it (the stub). */
const MODULE_NAMESPACE = 'rehearse-module';
const LINK_NAMESPACE = 'rehearse-link';
const SHIM_NAMESPACE = 'rehearse-shim';
/** In the project's script: the module importing every project module. */
const ENTRY_NAMESPACE = 'rehearse-entry';
export const ENTRY_PATH = 'tests.ts';
export const SOLUTION_PATH = 'solution.ts';

/** How a project file is named in esbuild messages and in the source maps' `sources`. */
export function projectSource(path: string): string {
  return `${NAMESPACE}:${path}`;
}
/** The project path a source of the project's script names, or null when it is not a project file. */
export function projectPathOfSource(source: string): string | null {
  return source.startsWith(`${NAMESPACE}:`) ? source.slice(NAMESPACE.length + 1) : null;
}
export const SOLUTION_SOURCE = projectSource(SOLUTION_PATH);
export const TESTS_SOURCE = `${NAMESPACE}:${ENTRY_PATH}`;
/** What the test bundle's messages call a project module's stub ("No matching export in …"). */
const MODULE_PREFIX = `${MODULE_NAMESPACE}:`;

/** The stub's own import of the link module; a specifier no user file can write by accident. */
const LINK_SPECIFIER = '\0rehearse-link';
/** The project entry's import of one project file by its exact path. */
const PROJECT_SPECIFIER = '\0rehearse-project:';
/** The project's script's entry point (any name: the plugin serves it). */
export const PROJECT_ENTRY = 'project';

/** Where a message comes from: the project's builds, or the test file's. */
export type BuildOrigin = 'project' | 'tests';

/** The message's text with esbuild's internal file names replaced by the names the candidate knows. */
export function friendlyText(text: string, origin: BuildOrigin, testFileName: string): string {
  const named = origin === 'tests' ? text.split(TESTS_SOURCE).join(testFileName) : text;
  return named.split(MODULE_PREFIX).join('').split(`${NAMESPACE}:`).join('');
}

/** The file a message is located in: a project path, or 'tests' for the test file (CompileDiagnostic.file). */
export function diagnosticFile(file: string, origin: BuildOrigin): string {
  if (origin === 'tests' && file === TESTS_SOURCE) return 'tests';
  return projectPathOfSource(file) ?? (file.startsWith(MODULE_PREFIX) ? file.slice(MODULE_PREFIX.length) : 'tests');
}

export function importNotAvailable(path: string, example: string): string {
  const modules = Object.keys(shimSources()).map((m) => `'${m}'`);
  return `Cannot import "${path}": only ${modules.join(', ')} and the project's files (e.g. './${example.replace(/\.ts$/, '')}') are available in the runner.`;
}

/**
 * The module the tests see for a project module: `export { "A" as "A", … } from <link>`. String names
 * (ES2022) keep any export name valid, including `default`.
 */
export function solutionStubSource(exportNames: readonly string[]): string {
  const names = exportNames.map((n) => `${JSON.stringify(n)} as ${JSON.stringify(n)}`).join(', ');
  return `export { ${names} } from ${JSON.stringify(LINK_SPECIFIER)};\n`;
}

/** The link module: CommonJS, so esbuild reads it through a namespace object, property by property. */
export function linkSource(path: string): string {
  return `module.exports = globalThis[${JSON.stringify(SOLUTION_GLOBAL)}][${JSON.stringify(path)}];\n`;
}

/** The global name a single module's transform assigns to: SOLUTION_GLOBAL's entry for its path. */
export function moduleGlobalName(path: string): string {
  return `${SOLUTION_GLOBAL}[${JSON.stringify(path)}]`;
}

/** The project's script's entry: every module, by path, as `{ "chat/hub.ts": namespace, … }`. */
export function projectEntrySource(modules: readonly string[]): string {
  const imports = modules.map((path, i) => `import * as m${i} from ${JSON.stringify(PROJECT_SPECIFIER + path)};`);
  const names = modules.map((path, i) => `m${i} as ${JSON.stringify(path)}`).join(', ');
  return `${imports.join('\n')}\nexport { ${names} };\n`;
}

/** A project: every file's text by path, and which of them are TypeScript modules. */
export interface ProjectSources {
  files: Readonly<Record<string, string>>;
  /** The `.ts` files, sorted: every one is part of the project's script. */
  modules: readonly string[];
}

const exists = (files: Readonly<Record<string, string>>) => (path: string) => Object.hasOwn(files, path);

/** The project's builds (the check and the script): project files, their imports between them, the entry. */
export function projectPlugin(project: ProjectSources): Plugin {
  return {
    name: 'rehearse-project',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') {
          return args.path === PROJECT_ENTRY
            ? { path: PROJECT_ENTRY, namespace: ENTRY_NAMESPACE }
            : { path: args.path, namespace: NAMESPACE };
        }
        if (args.namespace === ENTRY_NAMESPACE && args.path.startsWith(PROJECT_SPECIFIER)) {
          return { path: args.path.slice(PROJECT_SPECIFIER.length), namespace: NAMESPACE };
        }
        // A module given as stdin is its own importer by source name ("rehearse:solution.ts").
        const importer = args.namespace === NAMESPACE ? args.importer : (projectPathOfSource(args.importer) ?? args.importer);
        if (PROJECT_MODULES.includes(args.path)) return { path: args.path, namespace: SHIM_NAMESPACE };
        if (!isRelativeSpecifier(args.path)) {
          const packages = PROJECT_MODULES.map((m) => `"${m}"`).join(', ');
          return {
            errors: [
              {
                text: `Cannot import "${args.path}" in ${importer}: your code can import the project's own files, by a relative path (e.g. "./store"), and ${packages}; type-only imports of anything are fine.`,
              },
            ],
          };
        }
        const resolved = resolveProjectImport(args.path, importer, exists(project.files));
        return resolved.ok ? { path: resolved.path, namespace: NAMESPACE } : { errors: [{ text: resolved.message }] };
      });
      build.onLoad({ filter: /.*/, namespace: ENTRY_NAMESPACE }, () => ({ contents: projectEntrySource(project.modules), loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: project.files[args.path] ?? '',
        loader: args.path.endsWith('.json') ? 'json' : 'ts',
      }));
      build.onLoad({ filter: /.*/, namespace: SHIM_NAMESPACE }, (args) => ({ contents: shimSources()[args.path] ?? '', loader: 'js' }));
    },
  };
}

export interface TestFileSources {
  tests: string;
  /** The project's files (for resolving the tests' imports) and each module's export names (values only). */
  files: Readonly<Record<string, string>>;
  exports: Readonly<Record<string, readonly string[]>>;
}

export function testFilesPlugin(sources: TestFileSources): Plugin {
  return {
    name: 'rehearse-test-files',
    setup(build) {
      const shims = shimSources();
      const example = Object.keys(sources.exports)[0] ?? SOLUTION_PATH;
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return { path: ENTRY_PATH, namespace: NAMESPACE };
        if (args.path === LINK_SPECIFIER && args.namespace === MODULE_NAMESPACE) return { path: args.importer, namespace: LINK_NAMESPACE };
        if (Object.hasOwn(shims, args.path)) return { path: args.path, namespace: SHIM_NAMESPACE };
        if (!isRelativeSpecifier(args.path) || args.namespace !== NAMESPACE) {
          return { errors: [{ text: importNotAvailable(args.path, example) }] };
        }
        const resolved = resolveProjectImport(args.path, null, exists(sources.files));
        if (!resolved.ok) return { errors: [{ text: resolved.message }] };
        if (!Object.hasOwn(sources.exports, resolved.path)) {
          return { errors: [{ text: `Cannot import "${args.path}" in the tests: the tests can import the project's .ts files only.` }] };
        }
        return { path: resolved.path, namespace: MODULE_NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({ contents: sources.tests, loader: 'ts' }));
      build.onLoad({ filter: /.*/, namespace: MODULE_NAMESPACE }, (args) => ({
        contents: solutionStubSource(sources.exports[args.path] ?? []),
        loader: 'js',
      }));
      build.onLoad({ filter: /.*/, namespace: LINK_NAMESPACE }, (args) => ({ contents: linkSource(args.path), loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: SHIM_NAMESPACE }, (args) => ({ contents: shims[args.path] ?? '', loader: 'js' }));
    },
  };
}
