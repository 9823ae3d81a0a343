/**
 * The Runner: compile (esbuild-wasm worker) → run (sandbox iframe → test worker) → RunResult.
 * Runs are serialised: a second run() waits for the first, so results never interleave.
 */

import { CompileClient } from './compile/compileClient';
import { normaliseTimeout } from './deadlines';
import { loadPythonRuntimeFiles } from './python/runtimeFiles';
import { mapPythonStack } from './results/pythonStack';
import { RunAccumulator } from './results/runAccumulator';
import { startFailureMessage } from './results/startFailure';
import { createStackMapper } from './results/stackMapping';
import { SandboxHost } from './sandbox/sandboxHost';
import { findExpected, type TestManifest } from './testManifest';
import { DEFAULT_LANGUAGE, languageSpec, type Language } from '../core/languages/registry';
import type { RunProgress, RunRequest, RunResult, Runner } from './types';

export interface RunnerParts {
  /** URL of esbuild.wasm in our own build. */
  wasmURL: string;
  /** The sandbox frame's script and the test worker's classic script, bundled at build time. */
  frameScript: string;
  testWorkerScript: string;
  /** The tests each problem test file defines, from the build (scripts/vite/testManifestPlugin.ts). */
  manifest: TestManifest;
}

export class RehearseRunner implements Runner {
  private readonly compiler: CompileClient;
  private readonly sandbox: SandboxHost;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly manifest: TestManifest;
  private readonly pythonListeners = new Set<(p: RunProgress) => void>();
  private pythonStatus: string | null = null;

  constructor(parts: RunnerParts) {
    this.manifest = parts.manifest;
    this.compiler = new CompileClient(parts.wasmURL);
    this.sandbox = new SandboxHost(parts.frameScript, parts.testWorkerScript);
  }

  warmUp(): Promise<void> {
    return Promise.all([this.compiler.warmUp(), this.sandbox.ready()]).then(() => undefined);
  }

  run(request: RunRequest, onProgress?: (p: RunProgress) => void): Promise<RunResult> {
    const result = this.queue.then(() => this.runNow(request, onProgress));
    this.queue = result.catch(() => undefined);
    return result;
  }

  prepare(requests: readonly RunRequest[]): void {
    this.compiler.prepare(
      requests
        .filter((r) => r.language !== 'python')
        .map((r) => ({ solution: singleFile(r), tests: r.tests, testFileName: r.testFileName })),
    );
  }

  dispose(): void {
    this.compiler.dispose();
    this.sandbox.dispose();
  }

  /**
   * Downloads and starts Python once; every caller waiting meanwhile (a hover on the Language control, the
   * choice, a Run) hears the same progress, whoever started it.
   */
  /** Starts a language's runtime ahead of its first run; nothing for a language that starts at once. */
  warmUpLanguage(language: Language, onProgress?: (p: RunProgress) => void): Promise<void> {
    return language === 'python' ? this.warmUpPython(onProgress) : Promise.resolve();
  }

  warmUpPython(onProgress?: (p: RunProgress) => void): Promise<void> {
    if (onProgress) {
      this.pythonListeners.add(onProgress);
      if (this.pythonStatus) onProgress({ type: 'preparing', message: this.pythonStatus });
    }
    const report = (message: string) => {
      this.pythonStatus = message;
      for (const listener of this.pythonListeners) listener({ type: 'preparing', message });
    };
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
    return this.sandbox
      .readyPython(() => {
        report('Loading Python…');
        return loadPythonRuntimeFiles(({ loadedBytes, totalBytes }) =>
          report(totalBytes > 0 ? `Loading Python: ${mb(loadedBytes)} of ${mb(totalBytes)} MB` : `Loading Python: ${mb(loadedBytes)} MB`),
        ).then((files) => {
          report('Starting Python…');
          return files;
        });
      })
      .finally(() => {
        this.pythonStatus = null;
        if (onProgress) this.pythonListeners.delete(onProgress);
      });
  }

  private async runNow(request: RunRequest, onProgress?: (p: RunProgress) => void): Promise<RunResult> {
    if (request.language === 'python') return this.runPython(request, onProgress);
    const startedAt = performance.now();
    const elapsed = () => Math.round(performance.now() - startedAt);
    const testTimeoutMs = normaliseTimeout(request.testTimeoutMs);

    let compiled;
    try {
      compiled = await this.compiler.compile({ ...request, solution: singleFile(request) });
    } catch (err) {
      return infrastructureFailure(request, err, elapsed());
    }
    if (!compiled.ok) {
      return {
        mode: request.mode,
        language: 'typescript',
        outcome: 'compile-error',
        tests: [],
        console: [],
        compileErrors: compiled.diagnostics,
        message: `${compiled.diagnostics.length} compile error${compiled.diagnostics.length === 1 ? '' : 's'}`,
        passed: 0,
        total: 0,
        durationMs: elapsed(),
      };
    }

    const accumulator = new RunAccumulator({
      mode: request.mode,
      testTimeoutMs,
      expected: findExpected(this.manifest, request.tests),
      mapStack: createStackMapper({ solution: compiled.solution.map, tests: compiled.tests.map }, request.testFileName),
      ...(onProgress ? { onProgress } : {}),
    });
    try {
      const code = { solutionCode: compiled.solution.code, testsCode: compiled.tests.code };
      const end = await this.sandbox.run(code, testTimeoutMs, (event) => accumulator.handle(event, performance.now()));
      accumulator.end(end, performance.now());
    } catch (err) {
      accumulator.failInfrastructure(errorMessage(err));
    }
    return accumulator.result(elapsed());
  }

  /** Python: no compile step; Pyodide in the sandbox runs the unittest file through harness.py. */
  private async runPython(request: RunRequest, onProgress?: (p: RunProgress) => void): Promise<RunResult> {
    const startedAt = performance.now();
    const elapsed = () => Math.round(performance.now() - startedAt);
    const testTimeoutMs = normaliseTimeout(request.testTimeoutMs);
    try {
      await this.warmUpPython(onProgress);
    } catch (err) {
      return {
        ...infrastructureFailure(request, err, elapsed()),
        message: startFailureMessage('python', errorMessage(err)),
        notStarted: true,
      };
    }
    const accumulator = new RunAccumulator({
      mode: request.mode,
      testTimeoutMs,
      expected: findExpected(this.manifest, request.tests),
      mapStack: mapPythonStack,
      language: 'python',
      ...(onProgress ? { onProgress } : {}),
    });
    const testModule = request.testFileName.replace(/\.py$/, '');
    if (testModule !== 'examples_test' && testModule !== 'hidden_test') {
      return infrastructureFailure(request, new Error(`unknown Python test file ${request.testFileName}`), elapsed());
    }
    try {
      const end = await this.sandbox.runPython(
        { solution: singleFile(request), tests: request.tests, testModule },
        testTimeoutMs,
        (event) => accumulator.handle(event, performance.now()),
      );
      accumulator.end(end, performance.now());
    } catch (err) {
      accumulator.failInfrastructure(errorMessage(err));
    }
    return accumulator.result(elapsed());
  }
}

function infrastructureFailure(request: RunRequest, err: unknown, durationMs: number): RunResult {
  return {
    mode: request.mode,
    language: request.language ?? 'typescript',
    outcome: 'crashed',
    tests: [],
    console: [],
    compileErrors: [],
    message: errorMessage(err),
    passed: 0,
    total: 0,
    durationMs,
  };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Until the runner takes whole projects: the one file of a single-file problem. */
function singleFile(request: RunRequest): string {
  return request.files[languageSpec(request.language ?? DEFAULT_LANGUAGE).solutionFile] ?? '';
}
