/**
 * The sandbox frame's service workers (docs/decisions/api-scenarios.md): one per running service, never a
 * test worker and never reused for a Run or a Submit. TypeScript's is spawned from the service script;
 * Python's is an interpreter restored from the snapshot by the pool, apart from its spare (a run's worker
 * never serves a service). The frame connects each to the page with a MessageChannel before any of the
 * candidate's code exists in it, and terminates it when the page says so (a restart, a time-out, a code change).
 */
import type { WorkerConnect } from '../protocol';
import type { FrameToHostService, HostToFrameService, PythonServe } from '../serviceProtocol';
import type { PythonPool } from './pythonPool';

export class FrameServices {
  private scriptUrl: string | null = null;
  private readonly workers = new Map<number, Worker>();
  /** Services stopped while their worker was still being made. */
  private readonly stopped = new Set<number>();

  constructor(
    private readonly send: (message: FrameToHostService, transfer?: Transferable[]) => void,
    private readonly python: PythonPool,
  ) {}

  handle(message: HostToFrameService): void {
    if (message.type === 'service-stop') {
      const worker = this.workers.get(message.service);
      if (worker) worker.terminate();
      else this.stopped.add(message.service);
      this.workers.delete(message.service);
      return;
    }
    const { service } = message;
    if (message.language === 'python') {
      this.python.restoreFresh().then(
        (worker) => this.connect(service, worker, { type: 'serve' }),
        (e: unknown) => this.send({ type: 'service-failed', service, message: e instanceof Error ? e.message : String(e) }),
      );
      return;
    }
    if (message.workerScript !== undefined) {
      this.scriptUrl ??= URL.createObjectURL(new Blob([message.workerScript], { type: 'text/javascript' }));
    }
    if (!this.scriptUrl) {
      this.send({ type: 'service-failed', service, message: 'The service script never reached the sandbox.' });
      return;
    }
    this.connect(service, new Worker(this.scriptUrl, { name: 'rehearse-service' }), { type: 'connect' });
  }

  private connect(service: number, worker: Worker, hello: WorkerConnect | PythonServe): void {
    if (this.stopped.delete(service)) {
      worker.terminate();
      return;
    }
    const channel = new MessageChannel();
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      worker.terminate();
      if (this.workers.delete(service)) this.send({ type: 'service-died', service, message: event.message || 'worker error' });
    };
    worker.postMessage(hello, [channel.port2]);
    this.workers.set(service, worker);
    this.send({ type: 'service-port', service }, [channel.port1]);
  }
}
