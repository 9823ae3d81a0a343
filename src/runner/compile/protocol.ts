/**
 * Main page ⇄ compile worker. Discriminated on `type`; every request has an `id` its reply repeats.
 * The compile worker runs only our code (esbuild-wasm), so replies are trusted, but still shape-checked.
 */

import { isObject as isObj } from '../../core/records/guards';
import { isValidPath } from '../../core/files/paths';
import type { CompileDiagnostic } from '../types';

export type CompileRequest =
  /** Initialise esbuild-wasm once; `wasmURL` comes from our own build (never a CDN). */
  | { type: 'init'; id: number; wasmURL: string }
  /** The candidate's project (path → text) and one test file. */
  | { type: 'compile'; id: number; files: Record<string, string>; tests: string; testFileName: string };

export type CompileResponse =
  | { type: 'init-done'; id: number; ms: number }
  | {
      type: 'compiled';
      id: number;
      /** Every module of the project, assigning their exports to SOLUTION_GLOBAL (projectBuild.ts). */
      projectCode: string;
      projectMap: string;
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
  if (x.type === 'compile') return isFiles(x.files) && isStr(x.tests) && isStr(x.testFileName);
  return false;
}

function isFiles(x: unknown): x is Record<string, string> {
  return isObj(x) && Object.entries(x).every(([path, text]) => isValidPath(path) && isStr(text));
}

function isDiagnostic(x: unknown): x is CompileDiagnostic {
  return isObj(x) && (x.file === 'tests' || isValidPath(x.file)) && isStr(x.message) && isNum(x.line) && isNum(x.column) && isNum(x.length);
}

export function isCompileResponse(x: unknown): x is CompileResponse {
  if (!isObj(x) || !isNum(x.id)) return false;
  switch (x.type) {
    case 'init-done':
      return isNum(x.ms);
    case 'compiled':
      return isStr(x.projectCode) && isStr(x.projectMap) && isStr(x.testsCode) && isStr(x.testsMap) && isNum(x.ms);
    case 'compile-failed':
      return Array.isArray(x.diagnostics) && x.diagnostics.every(isDiagnostic);
    case 'internal-error':
      return isStr(x.message);
    default:
      return false;
  }
}
