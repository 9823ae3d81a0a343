/**
 * TypeScript: compile the project and the test file (esbuild-wasm in its worker, compile/), then run both
 * scripts in a test worker of the sandbox (sandbox/), folding its events into a result mapped through the
 * scripts' source maps.
 */
import { CompileClient } from '../compile/compileClient';
import { readsModule } from '../compile/moduleShims';
import type { BundleInput } from '../compile/bundle';
import { normaliseTimeout } from '../deadlines';
import { RunAccumulator } from '../results/runAccumulator';
import { createStackMapper } from '../results/stackMapping';
import { findExpected } from '../testManifest';
import type { RunProgress, RunRequest, RunResult, ServiceRequest } from '../types';
import { errorMessage, infrastructureFailure, stopwatch } from './failures';
import type { RunnerClient, RunnerClientParts, ServicePlan } from './client';

/** A service is compiled without a test file: this stands in for one (it never appears in a message). */
const NO_TESTS = { tests: '', testFileName: 'service.test.ts' };
const NO_MAP = JSON.stringify({ version: 3, sources: [], names: [], mappings: '' });

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
      const solutionCode = compiled.project.code;
      const testsCode = compiled.tests.code;
      // SQLite's WebAssembly only for code that imports sql.js: the other problems' runs never carry it.
      const sql = readsModule(solutionCode, 'sql.js') || readsModule(testsCode, 'sql.js');
      const code = { solutionCode, testsCode, ...(sql ? { sqlJs: await this.parts.sqlJs() } : {}) };
      const end = await this.parts.sandbox.run(code, testTimeoutMs, (event) => accumulator.handle(event, performance.now()));
      accumulator.end(end, performance.now());
    } catch (err) {
      accumulator.failInfrastructure(errorMessage(err));
    }
    return accumulator.result(elapsed());
  }

  /** The project bundled as for a run (the same compiler and caches), for its service worker. */
  async prepareService(request: ServiceRequest): Promise<ServicePlan> {
    let compiled;
    try {
      compiled = await this.compiler.compile({ files: request.files, ...NO_TESTS });
    } catch (err) {
      return { ok: false, outcome: { kind: 'error', message: `The service could not be compiled: ${errorMessage(err)}` } };
    }
    if (!compiled.ok) {
      const first = compiled.diagnostics[0];
      const more = compiled.diagnostics.length > 1 ? ` (and ${compiled.diagnostics.length - 1} more)` : '';
      if (!first) return { ok: false, outcome: { kind: 'error', message: 'The service did not compile.' } };
      const where = `${first.file}:${first.line}:${first.column}`;
      return { ok: false, outcome: { kind: 'error', message: `${where} ${first.message}${more}`, file: first.file, line: first.line } };
    }
    const code = compiled.project.code;
    let sqlWasm: ArrayBuffer | undefined;
    try {
      if (readsModule(code, 'sql.js')) sqlWasm = (await this.parts.sqlJs()).wasm;
    } catch (err) {
      return { ok: false, outcome: { kind: 'error', message: errorMessage(err) } };
    }
    return {
      ok: true,
      start: (disk) => ({ type: 'start', language: 'typescript', code, entry: request.entry, disk, ...(sqlWasm ? { sqlWasm } : {}) }),
      mapStack: createStackMapper({ project: compiled.project.map, tests: NO_MAP }, NO_TESTS.testFileName),
    };
  }

  dispose(): void {
    this.compiler.dispose();
  }
}
