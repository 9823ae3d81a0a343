/**
 * One compile: the candidate's project + a test file → two classic scripts (ES2022), each with its own
 * external source map, or diagnostics. Takes esbuild's `build` and `transform` as parameters so the same
 * code runs on esbuild-wasm in the compile worker and on native esbuild in unit tests.
 *
 * Why two scripts rather than one bundle: the test file does not change between Submits, and a `build`
 * with plugin callbacks (each one a round trip across the wasm boundary) costs ~15–50 ms, against ~4 ms
 * for a `transform` of a single-file solution. And the problem's tests must run inside the harness's
 * wrapper (they receive `describe`/`it` as parameters) while the candidate's code must not (its own
 * `describe`/`it` are the "Your tests" group). So per run:
 *   - the project is compiled into one script assigning every module's exports, by path, to
 *     SOLUTION_GLOBAL, and each module's export names are read from a check build (projectBuild.ts),
 *     memoised on the project's text, so Run then Submit of the same code, or Submit again, compiles
 *     nothing;
 *   - the test bundle is built only when the test file, the project's file names or its modules' export
 *     *names* change (cached): each project module it imports is a stub re-exporting exactly those names
 *     (virtualFiles.ts), so importing a name a module lacks is still a compile error at the import.
 * The worker evaluates the project's script first, so every module's top-level code always runs, even if the
 * tests import nothing from it.
 */

import type { CompileDiagnostic } from '../types';
import { outcome, settle, type BuildFn, type EsbuildApi } from './buildOutcome';
import { compileProject, projectSources, TARGET, type CompiledScript, type ProjectOutput } from './projectBuild';
import { ENTRY_PATH, testFilesPlugin } from './virtualFiles';

export type { CompiledScript } from './projectBuild';
export type { BuildFn, EsbuildApi, TransformFn } from './buildOutcome';

export interface BundleInput {
  /** The candidate's project: path → text. Its `.ts` files are the modules; the rest is data or prose. */
  files: Readonly<Record<string, string>>;
  tests: string;
  testFileName: string;
}

export type BundleOutput = { ok: true; project: CompiledScript; tests: CompiledScript } | { ok: false; diagnostics: CompileDiagnostic[] };

export type TestsOutput = { ok: true; script: CompiledScript } | { ok: false; diagnostics: CompileDiagnostic[] };

/** Test bundles kept: a problem's examples and hidden tests, for a couple of problems. */
const TEST_CACHE_SIZE = 4;

/** What the project's script depends on: its modules and the JSON data they may import (not prose). */
function projectKey(files: Readonly<Record<string, string>>): string {
  const entries = Object.entries(files).filter(([path]) => path.endsWith('.ts') || path.endsWith('.json'));
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The compiler with its caches. Both caches hold only settled, deterministic results (diagnostics too);
 * an internal esbuild failure is thrown and never cached.
 */
export class RunCompiler {
  private lastProject: { key: string; output: ProjectOutput } | null = null;
  private readonly testBundles = new Map<string, TestsOutput>();

  constructor(private readonly esbuild: EsbuildApi) {}

  async compile(input: BundleInput): Promise<BundleOutput> {
    const project = await this.project(input.files, input.testFileName);
    if (!project.ok) return project;
    const tests = await this.tests(input, project.exports);
    if (!tests.ok) return tests;
    return { ok: true, project: project.script, tests: tests.script };
  }

  private async project(files: Readonly<Record<string, string>>, testFileName: string): Promise<ProjectOutput> {
    const key = projectKey(files);
    if (this.lastProject?.key === key) return this.lastProject.output;
    const output = await compileProject(this.esbuild, projectSources(files), testFileName);
    this.lastProject = { key, output };
    return output;
  }

  private async tests(input: BundleInput, exports: Readonly<Record<string, readonly string[]>>): Promise<TestsOutput> {
    // The file names matter too: the tests' imports resolve against them (and their messages name them).
    const key = JSON.stringify([input.testFileName, Object.keys(input.files).sort(), exports, input.tests]);
    const cached = this.testBundles.get(key);
    if (cached) {
      // Refresh its place: Map iteration order is insertion order, so the first key is the least recent.
      this.testBundles.delete(key);
      this.testBundles.set(key, cached);
      return cached;
    }
    const output = await compileTests(this.esbuild.build, {
      tests: input.tests,
      testFileName: input.testFileName,
      files: input.files,
      exports,
    });
    this.testBundles.set(key, output);
    while (this.testBundles.size > TEST_CACHE_SIZE) this.testBundles.delete(this.testBundles.keys().next().value as string);
    return output;
  }
}

/** The test file with the shims and a stub per project module it imports, as one IIFE. */
export async function compileTests(
  build: BuildFn,
  input: {
    tests: string;
    testFileName: string;
    files: Readonly<Record<string, string>>;
    exports: Readonly<Record<string, readonly string[]>>;
  },
): Promise<TestsOutput> {
  const result = await settle(
    build({
      entryPoints: [ENTRY_PATH],
      bundle: true,
      write: false,
      format: 'iife',
      target: TARGET,
      platform: 'browser',
      sourcemap: 'external',
      sourcesContent: false,
      outfile: 'rehearse-tests.js',
      logLevel: 'silent',
      // No file system: do not let esbuild look for a tsconfig.json.
      tsconfigRaw: {},
      plugins: [testFilesPlugin({ tests: input.tests, files: input.files, exports: input.exports })],
    }),
  );
  const built = outcome(result, input.testFileName, 'tests');
  if (!built.ok) return built;
  const files = built.value.outputFiles ?? [];
  const code = files.find((f) => f.path.endsWith('.js'));
  const map = files.find((f) => f.path.endsWith('.js.map'));
  if (!code || !map) throw new Error('esbuild produced no output');
  return { ok: true, script: { code: code.text, map: map.text } };
}
