/**
 * TypeScript: compile the project and the test file (esbuild-wasm in its worker, compile/), then run both
 * scripts in a test worker of the sandbox (sandbox/), folding its events into a result mapped through the
 * scripts' source maps.
 */
import { CompileClient } from '../compile/compileClient';
import type { BundleInput } from '../compile/bundle';
import { normaliseTimeout } from '../deadlines';
import { RunAccumulator } from '../results/runAccumulator';
import { createStackMapper } from '../results/stackMapping';
import { findExpected } from '../testManifest';
import type { RunProgress, RunRequest, RunResult } from '../types';
import { errorMessage, infrastructureFailure, stopwatch } from './failures';
import type { RunnerClient, RunnerClientParts } from './client';

const bundleInput = (request: RunRequest): BundleInput => ({
  files: request.files,
  tests: request.tests,
  testFileName: request.testFileName,
});

export class TypeScriptClient implements RunnerClient {
  readonly warmsUpWithRunner = true;
  private readonly compiler: CompileClient;

  constructor(private readonly parts: RunnerClientParts) {
    this.compiler = new CompileClient(parts.wasmURL);
  }

  warmUp(): Promise<void> {
    return this.compiler.warmUp();
  }

  prepare(requests: readonly RunRequest[]): void {
    this.compiler.prepare(requests.map(bundleInput));
  }

  async run(request: RunRequest, onProgress?: (p: RunProgress) => void): Promise<RunResult> {
    const elapsed = stopwatch();
    const testTimeoutMs = normaliseTimeout(request.testTimeoutMs);
    let compiled;
    try {
      compiled = await this.compiler.compile(bundleInput(request));
    } catch (err) {
      return infrastructureFailure(request, 'typescript', err, elapsed());
    }
    if (!compiled.ok) {
      const count = compiled.diagnostics.length;
      return {
        mode: request.mode,
        language: 'typescript',
        outcome: 'compile-error',
        tests: [],
        console: [],
        compileErrors: compiled.diagnostics,
        message: `${count} compile error${count === 1 ? '' : 's'}`,
        passed: 0,
        total: 0,
        durationMs: elapsed(),
      };
    }
    const accumulator = new RunAccumulator({
      mode: request.mode,
      testTimeoutMs,
      expected: findExpected(this.parts.manifest, request.tests),
      mapStack: createStackMapper({ project: compiled.project.map, tests: compiled.tests.map }, request.testFileName),
      ...(onProgress ? { onProgress } : {}),
    });
    try {
      const code = { solutionCode: compiled.project.code, testsCode: compiled.tests.code };
      const end = await this.parts.sandbox.run(code, testTimeoutMs, (event) => accumulator.handle(event, performance.now()));
      accumulator.end(end, performance.now());
    } catch (err) {
      accumulator.failInfrastructure(errorMessage(err));
    }
    return accumulator.result(elapsed());
  }

  dispose(): void {
    this.compiler.dispose();
  }
}
