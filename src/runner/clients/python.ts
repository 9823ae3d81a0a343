/**
 * Python: no compile step. Pyodide is downloaded and started in the sandbox the first time Python is chosen
 * (warmUp), then every run gets an interpreter of its own in the frame, which writes the project's files,
 * screens every one of them and drives harness.py (docs/decisions/python-run-isolation.md).
 */
import { normaliseTimeout } from '../deadlines';
import { loadPythonRuntimeFiles } from '../python/runtimeFiles';
import { createPythonStackMapper } from '../results/pythonStack';
import { RunAccumulator } from '../results/runAccumulator';
import { startFailureMessage } from '../results/startFailure';
import { PYTHON_TEST_MODULES } from '../sandbox/pythonProtocol';
import { findExpected } from '../testManifest';
import type { RunProgress, RunRequest, RunResult, ServiceRequest } from '../types';
import { errorMessage, infrastructureFailure, stopwatch } from './failures';
import type { RunnerClient, RunnerClientParts, ServicePlan } from './client';

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

export class PythonClient implements RunnerClient {
  private readonly listeners = new Set<(p: RunProgress) => void>();
  private status: string | null = null;

  constructor(private readonly parts: RunnerClientParts) {}

  /**
   * Downloads and starts Python once; every caller waiting meanwhile (a hover on the Language control, the
   * choice, a Run) hears the same progress, whoever started it.
   */
  warmUp(onProgress?: (p: RunProgress) => void): Promise<void> {
    if (onProgress) {
      this.listeners.add(onProgress);
      if (this.status) onProgress({ type: 'preparing', message: this.status });
    }
    const report = (message: string) => {
      this.status = message;
      for (const listener of this.listeners) listener({ type: 'preparing', message });
    };
    return this.parts.sandbox
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
        this.status = null;
        if (onProgress) this.listeners.delete(onProgress);
      });
  }

  async run(request: RunRequest, onProgress?: (p: RunProgress) => void): Promise<RunResult> {
    const elapsed = stopwatch();
    const testTimeoutMs = normaliseTimeout(request.testTimeoutMs);
    try {
      await this.warmUp(onProgress);
    } catch (err) {
      return {
        ...infrastructureFailure(request, 'python', err, elapsed()),
        message: startFailureMessage('python', errorMessage(err)),
        notStarted: true,
      };
    }
    const testModule = request.testFileName.replace(/\.py$/, '');
    if (!(PYTHON_TEST_MODULES as readonly string[]).includes(testModule)) {
      return infrastructureFailure(request, 'python', new Error(`unknown Python test file ${request.testFileName}`), elapsed());
    }
    const accumulator = new RunAccumulator({
      mode: request.mode,
      testTimeoutMs,
      expected: findExpected(this.parts.manifest, request.tests),
      mapStack: createPythonStackMapper(Object.keys(request.files)),
      language: 'python',
      ...(onProgress ? { onProgress } : {}),
    });
    try {
      const end = await this.parts.sandbox.runPython(
        { files: { ...request.files }, tests: request.tests, testModule },
        testTimeoutMs,
        (event) => accumulator.handle(event, performance.now()),
      );
      accumulator.end(end, performance.now());
    } catch (err) {
      accumulator.failInfrastructure(errorMessage(err));
    }
    return accumulator.result(elapsed());
  }

  /** Python is started (the first time) and the service gets an interpreter of its own in the frame. */
  async prepareService(request: ServiceRequest): Promise<ServicePlan> {
    try {
      await this.warmUp();
    } catch (err) {
      return { ok: false, outcome: { kind: 'error', message: startFailureMessage('python', errorMessage(err)) } };
    }
    const files = { ...request.files };
    return {
      ok: true,
      start: (disk) => ({ type: 'start', language: 'python', files, entry: request.entry, disk }),
      mapStack: createPythonStackMapper(Object.keys(files)),
    };
  }
}
