/**
 * esbuild's answers as the compiler reads them: a result, or the candidate's compile errors. esbuild rejects
 * with a BuildFailure / TransformFailure carrying `errors` when the code is wrong; anything else is a real
 * bug, rethrown (and never cached).
 */
import type { BuildOptions, BuildResult, Message, TransformOptions, TransformResult } from 'esbuild-wasm';
import type { CompileDiagnostic } from '../types';
import { toCompileDiagnostic } from './diagnostics';
import type { BuildOrigin } from './virtualFiles';

export type BuildFn = (options: BuildOptions & { write: false }) => Promise<BuildResult>;
export type TransformFn = (input: string, options: TransformOptions) => Promise<TransformResult>;

/** The two esbuild entry points the compiler uses (esbuild-wasm's module, or native esbuild in tests). */
export interface EsbuildApi {
  build: BuildFn;
  transform: TransformFn;
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** The result, or the candidate's errors; rethrows anything that is not a compile failure (a real bug). */
export function outcome<T extends BuildResult | TransformResult>(
  settled: Settled<T>,
  testFileName: string,
  origin: BuildOrigin,
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
  return { ok: false, diagnostics: errors.map((m) => toCompileDiagnostic(m, testFileName, origin)) };
}

function buildFailureErrors(err: unknown): Message[] | null {
  if (typeof err === 'object' && err !== null && Array.isArray((err as { errors?: unknown }).errors)) {
    return (err as { errors: Message[] }).errors;
  }
  return null;
}
