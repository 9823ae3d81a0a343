/**
 * One compile: test file + solution → an IIFE (ES2022) and its external source map, or diagnostics.
 * Takes esbuild's `build` as a parameter so the same code runs on esbuild-wasm in the compile worker and
 * on native esbuild in unit tests.
 */

import type { BuildOptions, BuildResult, Message } from 'esbuild-wasm';
import type { CompileDiagnostic } from '../types';
import { toCompileDiagnostic } from './diagnostics';
import { virtualFilesPlugin } from './virtualFiles';

export type BuildFn = (options: BuildOptions & { write: false }) => Promise<BuildResult>;

export interface BundleInput {
  solution: string;
  tests: string;
  testFileName: string;
}

export type BundleOutput =
  | { ok: true; code: string; map: string }
  | { ok: false; diagnostics: CompileDiagnostic[] };

const OUTFILE = 'rehearse-code.js';

export async function bundleForTests(build: BuildFn, input: BundleInput): Promise<BundleOutput> {
  let result: BuildResult;
  try {
    result = await build({
      entryPoints: ['tests.ts'],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      platform: 'browser',
      sourcemap: 'external',
      sourcesContent: false,
      outfile: OUTFILE,
      logLevel: 'silent',
      // No file system: do not let esbuild look for a tsconfig.json.
      tsconfigRaw: {},
      plugins: [virtualFilesPlugin(input)],
    });
  } catch (err) {
    const errors = buildFailureErrors(err);
    if (errors) return { ok: false, diagnostics: errors.map((m) => toCompileDiagnostic(m, input.testFileName)) };
    throw err;
  }
  if (result.errors.length > 0) {
    return { ok: false, diagnostics: result.errors.map((m) => toCompileDiagnostic(m, input.testFileName)) };
  }
  const files = result.outputFiles ?? [];
  const code = files.find((f) => f.path.endsWith('.js'));
  const map = files.find((f) => f.path.endsWith('.js.map'));
  if (!code || !map) throw new Error('esbuild produced no output');
  return { ok: true, code: code.text, map: map.text };
}

/** esbuild rejects with a BuildFailure carrying `errors`; anything else is a real bug. */
function buildFailureErrors(err: unknown): Message[] | null {
  if (typeof err === 'object' && err !== null && Array.isArray((err as { errors?: unknown }).errors)) {
    return (err as { errors: Message[] }).errors;
  }
  return null;
}
