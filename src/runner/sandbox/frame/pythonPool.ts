/**
 * The sandbox frame's Python workers: booting Pyodide takes a second or more, so the frame keeps one worker
 * booted and waiting, hands it to the next run, and boots the next spare once that run is over (not while
 * it runs: two cores are common, and a boot would slow the run it waits behind). Each worker serves one
 * run and is then terminated, as TypeScript workers are: the candidate's code may have changed anything in
 * its interpreter.
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

  /** A booted worker for a run (waiting for the spare's boot if it is still going). */
  async take(): Promise<Worker> {
    const booting = this.ensureSpare();
    this.spare = null;
    try {
      return await booting;
    } catch (e) {
      this.refill(); // a failed boot must not leave the pool empty for the next try
      throw e;
    }
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
