/**
 * The sandbox frame's Python workers. Every run gets a worker of its own, restored from the interpreter's
 * snapshot (pythonWorker.entry.ts), and the worker is terminated when the run is over, whatever happened:
 * nothing one run's code did can reach another run (docs/decisions/python-run-isolation.md). Restoring takes
 * a fraction of a second, so one worker is kept restored ahead as the spare; the next spare starts once a
 * run is over, not while one runs (two cores are common, and a restore would slow the run it waits behind).
 */
import { isPythonWorkerStatus, type PythonBootFiles, type PythonRuntimeFiles, type PythonWorkerRequest } from '../pythonProtocol';

export class PythonPool {
  private workerUrl: string | null = null;
  private files: Promise<PythonBootFiles> | null = null;
  /** The next run's worker, restored or being restored. */
  private spare: Promise<Worker> | null = null;

  /** Keeps the runtime's files and restores the first worker; resolves when it is ready. */
  init(files: PythonRuntimeFiles): Promise<void> {
    if (!this.workerUrl) {
      this.workerUrl = URL.createObjectURL(new Blob([files.workerScript], { type: 'text/javascript' }));
      // Only the files: the message that brought them also has its own type and id. Pyodide's WebAssembly is
      // compiled here once; every worker instantiates the same module (see PythonBootFiles).
      const { wasm, stdlib, lock, loader, asm, snapshot } = files;
      this.files = WebAssembly.compile(wasm).then((module) => ({ module, stdlib, lock, loader, asm, snapshot }));
    }
    return this.ensureSpare().then(() => undefined);
  }

  get initialised(): boolean {
    return this.workerUrl !== null;
  }

  /** The worker for a run: the spare (waiting for its restore if it is still going). It serves this run only. */
  async take(): Promise<Worker> {
    const restoring = this.ensureSpare();
    this.spare = null;
    try {
      return await restoring;
    } catch (e) {
      this.refill(); // a failed restore must not leave the pool empty for the next try
      throw e;
    }
  }

  /** A run is over: its worker is terminated, never reused, and the next spare starts restoring. */
  release(worker: Worker): void {
    worker.terminate();
    this.refill();
  }

  /**
   * A worker restored for a service (frame/services.ts), apart from the spare: a run's worker never serves
   * a service, nor a service's worker a run. The caller terminates it.
   */
  restoreFresh(): Promise<Worker> {
    if (!this.workerUrl || !this.files) return Promise.reject(new Error('Python is not initialised in the sandbox.'));
    const worker = new Worker(this.workerUrl, { name: 'rehearse-python-service' });
    return this.files.then((files) => this.restore(worker, files));
  }

  private refill(): void {
    if (this.workerUrl) void this.ensureSpare().catch(() => undefined);
  }

  private ensureSpare(): Promise<Worker> {
    if (this.spare) return this.spare;
    if (!this.workerUrl || !this.files) return Promise.reject(new Error('Python is not initialised in the sandbox.'));
    const worker = new Worker(this.workerUrl, { name: 'rehearse-python' });
    const restored = this.files.then((files) => this.restore(worker, files));
    this.spare = restored;
    restored.catch(() => {
      if (this.spare === restored) this.spare = null;
    });
    return restored;
  }

  private restore(worker: Worker, files: PythonBootFiles): Promise<Worker> {
    return new Promise<Worker>((resolve, reject) => {
      const onMessage = (event: MessageEvent) => {
        const status: unknown = event.data;
        if (!isPythonWorkerStatus(status)) return;
        worker.removeEventListener('message', onMessage);
        if (status.type === 'booted') resolve(worker);
        else {
          worker.terminate();
          reject(new Error(`Python did not start: ${status.message}`));
        }
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        worker.terminate();
        reject(new Error(`Python did not start: ${event.message || 'worker error'}`));
      });
      // Copies, not transfers: every later worker is restored from the same bytes and module.
      const boot: PythonWorkerRequest = { type: 'boot', ...files };
      worker.postMessage(boot);
    });
  }
}
