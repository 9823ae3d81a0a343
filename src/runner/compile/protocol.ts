/**
 * Main page ⇄ compile worker. Discriminated on `type`; every request has an `id` its reply repeats.
 * The compile worker runs only our code (esbuild-wasm), so replies are trusted, but still shape-checked.
 */

import { isObject as isObj } from '../../core/records/guards';
import type { CompileDiagnostic } from '../types';

export type CompileRequest =
  /** Initialise esbuild-wasm once; `wasmURL` comes from our own build (never a CDN). */
  { type: 'init'; id: number; wasmURL: string } | { type: 'compile'; id: number; solution: string; tests: string; testFileName: string };

export type CompileResponse =
  | { type: 'init-done'; id: number; ms: number }
  | {
      type: 'compiled';
      id: number;
      solutionCode: string;
      solutionMap: string;
      testsCode: string;
      testsMap: string;
      ms: number;
    }
  | { type: 'compile-failed'; id: number; diagnostics: CompileDiagnostic[] }
  /** esbuild failed to start, or crashed: not the candidate's fault. */
  | { type: 'internal-error'; id: number; message: string };

const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function isCompileRequest(x: unknown): x is CompileRequest {
  if (!isObj(x) || !isNum(x.id)) return false;
  if (x.type === 'init') return isStr(x.wasmURL);
  if (x.type === 'compile') return isStr(x.solution) && isStr(x.tests) && isStr(x.testFileName);
  return false;
}

function isDiagnostic(x: unknown): x is CompileDiagnostic {
  return (
    isObj(x) && (x.file === 'solution.ts' || x.file === 'tests') && isStr(x.message) && isNum(x.line) && isNum(x.column) && isNum(x.length)
  );
}

export function isCompileResponse(x: unknown): x is CompileResponse {
  if (!isObj(x) || !isNum(x.id)) return false;
  switch (x.type) {
    case 'init-done':
      return isNum(x.ms);
    case 'compiled':
      return isStr(x.solutionCode) && isStr(x.solutionMap) && isStr(x.testsCode) && isStr(x.testsMap) && isNum(x.ms);
    case 'compile-failed':
      return Array.isArray(x.diagnostics) && x.diagnostics.every(isDiagnostic);
    case 'internal-error':
      return isStr(x.message);
    default:
      return false;
  }
}
