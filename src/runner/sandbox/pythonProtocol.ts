/**
 * The Python half of the sandbox protocol (the TypeScript half: protocol.ts, whose WorkerEvents Python runs
 * reuse unchanged, so one accumulator, watchdog and manifest check serve both languages).
 *
 *   main page → frame   `init-python` (the runtime's files, once, when Python is first chosen),
 *                       `run-python` (a run: the project's files, the test file, its module name)
 *   frame → main page   `python-ready` / `python-failed` (the answer to init-python)
 *   frame → worker      `boot` (the runtime's files and the interpreter's snapshot), then one `run` with a
 *                       MessagePort for its events: a worker serves one run and is then terminated
 *   worker → frame      `booted` / `boot-failed` on its own postMessage (before any user code exists);
 *                       a run's events only on the port it received with the run, as for TypeScript.
 */
import { isObject as isObj } from '../../core/records/guards';
import { isNum, isStr, type Obj } from './protocol';

export interface PythonRuntimeFiles {
  /** The Python worker's classic script (src/runner/python/worker, bundled at build time). */
  workerScript: string;
  /** pyodide.mjs (the loader) and pyodide.asm.mjs (Emscripten's glue), as module source text. */
  loader: string;
  asm: string;
  /** pyodide.asm.wasm and python_stdlib.zip. */
  wasm: ArrayBuffer;
  stdlib: ArrayBuffer;
  /** pyodide-lock.json, as text. */
  lock: string;
  /** The interpreter every run's worker is restored from (scripts/vite/pythonSnapshotPlugin.ts), inflated. */
  snapshot: ArrayBuffer;
}

export interface PythonRunCode {
  /**
   * The candidate's project: path → text (a single-file problem's is solution.py). Shape-checked here; the
   * worker checks the paths themselves before writing any (python/worker/projectFiles.ts).
   */
  files: Record<string, string>;
  /** The test file's source and its module name ("examples_test" or "hidden_test"). */
  tests: string;
  testModule: string;
}

export type HostToFramePython =
  ({ type: 'init-python'; id: number } & PythonRuntimeFiles) | ({ type: 'run-python'; id: number; testTimeoutMs: number } & PythonRunCode);

export type FrameToHostPython = { type: 'python-ready'; id: number } | { type: 'python-failed'; id: number; message: string };

/**
 * What a worker is restored from: the runtime's files, with Pyodide's WebAssembly compiled once by the frame
 * (a compiled module posted to a worker shares its machine code, including what earlier workers compiled
 * lazily and optimised, so a worker's first run is not a cold one).
 */
export type PythonBootFiles = Omit<PythonRuntimeFiles, 'workerScript' | 'wasm'> & { module: WebAssembly.Module };

export type PythonWorkerRequest =
  ({ type: 'boot' } & PythonBootFiles) | ({ type: 'run'; id: number; testTimeoutMs: number } & PythonRunCode);

export type PythonWorkerStatus = { type: 'booted'; ms: number } | { type: 'boot-failed'; message: string };

/** Module names a test file may have: what the worker writes to disk and imports. */
export const PYTHON_TEST_MODULES = ['examples_test', 'hidden_test'] as const;

const isModule = (x: unknown): boolean => (PYTHON_TEST_MODULES as readonly unknown[]).includes(x);

export function isPythonRunCode(x: Obj): boolean {
  return isObj(x.files) && Object.values(x.files).every(isStr) && isStr(x.tests) && isModule(x.testModule);
}

export function isHostToFramePython(x: unknown): x is HostToFramePython {
  if (!isObj(x) || !isNum(x.id)) return false;
  if (x.type === 'init-python') {
    return (
      isStr(x.workerScript) &&
      isStr(x.loader) &&
      isStr(x.asm) &&
      x.wasm instanceof ArrayBuffer &&
      x.stdlib instanceof ArrayBuffer &&
      x.snapshot instanceof ArrayBuffer &&
      isStr(x.lock)
    );
  }
  if (x.type === 'run-python') return isNum(x.testTimeoutMs) && isPythonRunCode(x);
  return false;
}

export function isFrameToHostPython(x: unknown): x is FrameToHostPython {
  if (!isObj(x) || !isNum(x.id)) return false;
  return x.type === 'python-ready' || (x.type === 'python-failed' && isStr(x.message));
}

export function isPythonWorkerStatus(x: unknown): x is PythonWorkerStatus {
  if (!isObj(x)) return false;
  return (x.type === 'booted' && isNum(x.ms)) || (x.type === 'boot-failed' && isStr(x.message));
}

export function isPythonWorkerRequest(x: unknown): x is PythonWorkerRequest {
  if (!isObj(x)) return false;
  if (x.type === 'boot') {
    return (
      isStr(x.loader) &&
      isStr(x.asm) &&
      x.module instanceof WebAssembly.Module &&
      x.stdlib instanceof ArrayBuffer &&
      x.snapshot instanceof ArrayBuffer &&
      isStr(x.lock)
    );
  }
  return x.type === 'run' && isNum(x.id) && isNum(x.testTimeoutMs) && isPythonRunCode(x);
}
