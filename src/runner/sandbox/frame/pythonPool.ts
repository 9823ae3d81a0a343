/**
 * The sandbox frame's Python workers. Booting Pyodide takes seconds, so a worker serves run after run (the
 * worker checks before each run that no earlier one left its interpreter changed: pythonWorker.entry.ts),
 * and a second one is kept booted as a spare: a run that crashes, times out or finds its worker changed
 * retires that worker, and the next run takes the spare at once. Spares boot once a run is over, not while
 * one runs (two cores are common, and a boot would slow the run it waits behind).
 */
import { isPythonWorkerStatus, type PythonRuntimeFiles, type PythonWorkerRequest } from '../pythonProtocol';

interface Booting {
  worker: Worker;
  booted: Promise<Worker>;
}

export class PythonPool {
  private workerUrl: string | null = null;
  private files: Omit<PythonRuntimeFiles, 'workerScript'> | null = null;
  private spare: Booting | null = null;
  /** The booted worker runs go to, reused until something retires it. */
  private current: Worker | null = null;

  /** Keeps the runtime's files and boots the first worker; resolves when it is ready. */
  init(files: PythonRuntimeFiles): Promise<void> {
    if (!this.workerUrl) {
      this.workerUrl = URL.createObjectURL(new Blob([files.workerScript], { type: 'text/javascript' }));
      // Only the files: the message that brought them also has its own type and id.
      this.files = {
        harness: files.harness,
        loader: files.loader,
        asm: files.asm,
        wasm: files.wasm,
        stdlib: files.stdlib,
        lock: files.lock,
      };
    }
    return this.ensureSpare().then(() => undefined);
  }

  get initialised(): boolean {
    return this.workerUrl !== null;
  }

  /** The worker for a run: the current one, else the spare (waiting for its boot if it is still going). */
  async take(): Promise<Worker> {
    if (this.current) return this.current;
    const booting = this.ensureSpare();
    this.spare = null;
    try {
      this.current = await booting;
      return this.current;
    } catch (e) {
      this.refill(); // a failed boot must not leave the pool empty for the next try
      throw e;
    }
  }

  /** A run is over: keep its worker for the next run, or retire it (terminate it). Then keep a spare booting. */
  release(worker: Worker, keep: boolean): void {
    if (!keep) {
      worker.terminate();
      if (this.current === worker) this.current = null;
    }
    this.refill();
  }

  /** Starts the next spare (after a run is over). */
  refill(): void {
    if (this.workerUrl) void this.ensureSpare().catch(() => undefined);
  }

  private ensureSpare(): Promise<Worker> {
    if (this.spare) return this.spare.booted;
    if (!this.workerUrl || !this.files) return Promise.reject(new Error('Python is not initialised in the sandbox.'));
    const worker = new Worker(this.workerUrl, { name: 'rehearse-python' });
    const files = this.files;
    const booted = new Promise<Worker>((resolve, reject) => {
      const onMessage = (event: MessageEvent) => {
        const status: unknown = event.data;
        if (!isPythonWorkerStatus(status)) return;
        worker.removeEventListener('message', onMessage);
        if (status.type === 'booted') resolve(worker);
        else if (status.type === 'boot-failed') {
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
      // Copies, not transfers: the pool boots every later worker from the same bytes.
      const boot: PythonWorkerRequest = { type: 'boot', ...files };
      worker.postMessage(boot);
    });
    const entry: Booting = { worker, booted };
    this.spare = entry;
    booted.catch(() => {
      if (this.spare === entry) this.spare = null;
    });
    return booted;
  }
}
