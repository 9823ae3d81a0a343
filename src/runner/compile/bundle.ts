/**
 * One compile: solution + test file → two classic scripts (ES2022), each with its own external source map,
 * or diagnostics. Takes esbuild's `build` and `transform` as parameters so the same code runs on
 * esbuild-wasm in the compile worker and on native esbuild in unit tests.
 *
 * Why two scripts rather than one bundle: the test file does not change between Submits, and a `build`
 * with plugin callbacks (each one a round trip across the wasm boundary) costs ~15–50 ms, against ~4 ms
 * for a `transform` of the solution alone. So per run:
 *   - the solution is checked (a plugin-backed `build` of it alone: syntax and type-stripping errors, no
 *     run-time imports, and the names it exports, from the metafile) and transformed to an IIFE assigning
 *     its exports object to SOLUTION_GLOBAL — both in parallel, and memoised on the source text, so Run
 *     then Submit of the same code, or Submit again, compiles nothing;
 *   - the test bundle is built only when the test file or the solution's export *names* change (cached):
 *     its `./solution` is a stub re-exporting exactly those names (virtualFiles.ts), so importing a name
 *     the solution lacks is still a compile error at the import.
 * The worker evaluates the solution first, so its top-level code always runs, even if the tests import
 * nothing from it.
 */

import type { BuildOptions, BuildResult, Message, TransformOptions, TransformResult } from 'esbuild-wasm';
import { SOLUTION_GLOBAL } from '../sandbox/protocol';
import type { CompileDiagnostic } from '../types';
import { toCompileDiagnostic } from './diagnostics';
import { SOLUTION_SOURCE, solutionImportsPlugin, testFilesPlugin } from './virtualFiles';

export type BuildFn = (options: BuildOptions & { write: false }) => Promise<BuildResult>;
export type TransformFn = (input: string, options: TransformOptions) => Promise<TransformResult>;

/** The two esbuild entry points the compiler uses (esbuild-wasm's module, or native esbuild in tests). */
export interface EsbuildApi {
  build: BuildFn;
  transform: TransformFn;
}

export interface BundleInput {
  solution: string;
  tests: string;
  testFileName: string;
}

export interface CompiledScript {
  code: string;
  /** The script's source map (JSON text, no sourcesContent). */
  map: string;
}

export type BundleOutput = { ok: true; solution: CompiledScript; tests: CompiledScript } | { ok: false; diagnostics: CompileDiagnostic[] };

export type SolutionOutput = { ok: true; script: CompiledScript; exports: string[] } | { ok: false; diagnostics: CompileDiagnostic[] };

export type TestsOutput = { ok: true; script: CompiledScript } | { ok: false; diagnostics: CompileDiagnostic[] };

const TARGET = 'es2022';
/** Test bundles kept: a problem's examples and hidden tests, for a couple of problems. */
const TEST_CACHE_SIZE = 4;

/**
 * The compiler with its caches. Both caches hold only settled, deterministic results (diagnostics too);
 * an internal esbuild failure is thrown and never cached.
 */
export class RunCompiler {
  private lastSolution: { source: string; output: SolutionOutput } | null = null;
  private readonly testBundles = new Map<string, TestsOutput>();

  constructor(private readonly esbuild: EsbuildApi) {}

  async compile(input: BundleInput): Promise<BundleOutput> {
    const solution = await this.solution(input.solution, input.testFileName);
    if (!solution.ok) return solution;
    const tests = await this.tests(input.tests, input.testFileName, solution.exports);
    if (!tests.ok) return tests;
    return { ok: true, solution: solution.script, tests: tests.script };
  }

  private async solution(source: string, testFileName: string): Promise<SolutionOutput> {
    if (this.lastSolution?.source === source) return this.lastSolution.output;
    const output = await compileSolution(this.esbuild, source, testFileName);
    this.lastSolution = { source, output };
    return output;
  }

  private async tests(tests: string, testFileName: string, solutionExports: string[]): Promise<TestsOutput> {
    const key = JSON.stringify([testFileName, solutionExports, tests]);
    const cached = this.testBundles.get(key);
    if (cached) {
      // Refresh its place: Map iteration order is insertion order, so the first key is the least recent.
      this.testBundles.delete(key);
      this.testBundles.set(key, cached);
      return cached;
    }
    const output = await compileTests(this.esbuild.build, { tests, testFileName, solutionExports });
    this.testBundles.set(key, output);
    while (this.testBundles.size > TEST_CACHE_SIZE) this.testBundles.delete(this.testBundles.keys().next().value as string);
    return output;
  }
}

/** The solution alone: checked and transformed in parallel (see the file comment). */
export async function compileSolution(esbuild: EsbuildApi, solution: string, testFileName: string): Promise<SolutionOutput> {
  const [checked, transformed] = await Promise.all([
    settle(
      esbuild.build({
        stdin: { contents: solution, loader: 'ts', sourcefile: SOLUTION_SOURCE },
        bundle: true,
        write: false,
        format: 'esm', // the only format whose metafile lists the entry's exports
        target: TARGET,
        platform: 'browser',
        outfile: 'solution-check.js',
        metafile: true,
        logLevel: 'silent',
        tsconfigRaw: {},
        plugins: [solutionImportsPlugin()],
      }),
    ),
    settle(
      esbuild.transform(solution, {
        loader: 'ts',
        format: 'iife',
        globalName: SOLUTION_GLOBAL,
        target: TARGET,
        platform: 'browser',
        sourcemap: 'external',
        sourcesContent: false,
        sourcefile: SOLUTION_SOURCE,
        logLevel: 'silent',
        tsconfigRaw: {},
      }),
    ),
  ]);
  // The check's messages come first: it also sees imports, which the transform leaves alone.
  const check = outcome(checked, testFileName);
  if (!check.ok) return check;
  const script = outcome(transformed, testFileName);
  if (!script.ok) return script;
  const { code, map } = script.value;
  const output = Object.entries(check.value.metafile?.outputs ?? {}).find(([path]) => path.endsWith('.js'))?.[1];
  if (!output) throw new Error('esbuild produced no metafile for the solution');
  return { ok: true, script: { code, map }, exports: [...output.exports].sort() };
}

/** The test file with the chai shim and the `./solution` stub, as one IIFE. */
export async function compileTests(
  build: BuildFn,
  input: { tests: string; testFileName: string; solutionExports: readonly string[] },
): Promise<TestsOutput> {
  const result = await settle(
    build({
      entryPoints: ['tests.ts'],
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
      plugins: [testFilesPlugin({ tests: input.tests, solutionExports: input.solutionExports })],
    }),
  );
  const built = outcome(result, input.testFileName);
  if (!built.ok) return built;
  const files = built.value.outputFiles ?? [];
  const code = files.find((f) => f.path.endsWith('.js'));
  const map = files.find((f) => f.path.endsWith('.js.map'));
  if (!code || !map) throw new Error('esbuild produced no output');
  return { ok: true, script: { code: code.text, map: map.text } };
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** The result, or the candidate's errors; rethrows anything that is not a compile failure (a real bug). */
function outcome<T extends BuildResult | TransformResult>(
  settled: Settled<T>,
  testFileName: string,
): { ok: true; value: T } | { ok: false; diagnostics: CompileDiagnostic[] } {
  let errors: Message[];
  if (settled.ok) {
    errors = 'errors' in settled.value ? settled.value.errors : [];
  } else {
    const failure = buildFailureErrors(settled.error);
    if (!failure) throw settled.error;
    errors = failure;
  }
  if (errors.length === 0 && settled.ok) return settled;
  return { ok: false, diagnostics: errors.map((m) => toCompileDiagnostic(m, testFileName)) };
}

/** esbuild rejects with a BuildFailure / TransformFailure carrying `errors`; anything else is a real bug. */
function buildFailureErrors(err: unknown): Message[] | null {
  if (typeof err === 'object' && err !== null && Array.isArray((err as { errors?: unknown }).errors)) {
    return (err as { errors: Message[] }).errors;
  }
  return null;
}
