/**
 * The page's side of the frame's service workers (frame/services.ts): asks the frame for a worker and gets
 * the page's end of its channel, tells the frame to stop one, and hears when one died or the frame went away.
 * SandboxHost owns the frame and routes the service messages here.
 */
import type { Language } from '../../core/languages/registry';
import type { FrameToHostService, HostToFrameService } from './serviceProtocol';

export interface SpawnedService {
  service: number;
  port: MessagePort;
}

/** What the service runner needs of the sandbox (service/serviceRunner.ts). */
export interface ServiceSandbox {
  /** A worker for a new service; rejects (and has the worker stopped) when none is ready within `limitMs`. */
  spawn(language: Language, limitMs: number): Promise<SpawnedService>;
  stop(service: number): void;
  /** `onDeath` is called once if the worker dies by itself or the frame is torn down. */
  watch(service: number, onDeath: (message: string) => void): void;
}

export class ServiceFrames implements ServiceSandbox {
  private next = 1;
  private scriptSent = false;
  private readonly pending = new Map<number, { resolve: (s: SpawnedService) => void; reject: (e: Error) => void }>();
  private readonly deaths = new Map<number, (message: string) => void>();

  constructor(
    private readonly post: (message: HostToFrameService) => void,
    private readonly ready: () => Promise<void>,
    private readonly workerScript: string,
  ) {}

  async spawn(language: Language, limitMs: number): Promise<SpawnedService> {
    await this.ready();
    const service = this.next++;
    return new Promise<SpawnedService>((resolve, reject) => {
      const timer = setTimeout(() => this.stop(service, `no worker within ${limitMs / 1000} s`), limitMs);
      this.pending.set(service, {
        resolve: (spawned) => {
          clearTimeout(timer);
          resolve(spawned);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      // The script once per frame (it keeps a Blob URL of it); Python's worker comes from the frame's pool.
      const script = language === 'typescript' && !this.scriptSent ? { workerScript: this.workerScript } : {};
      if (language === 'typescript') this.scriptSent = true;
      this.post({ type: 'service-spawn', service, language, ...script });
    });
  }

  stop(service: number, why = 'the service was stopped before it started'): void {
    this.deaths.delete(service);
    const pending = this.pending.get(service);
    this.pending.delete(service);
    pending?.reject(new Error(why));
    this.post({ type: 'service-stop', service });
  }

  watch(service: number, onDeath: (message: string) => void): void {
    this.deaths.set(service, onDeath);
  }

  receive(message: FrameToHostService, ports: readonly MessagePort[]): void {
    const pending = this.pending.get(message.service);
    if (message.type === 'service-died') {
      const death = this.deaths.get(message.service);
      this.deaths.delete(message.service);
      death?.(message.message);
      return;
    }
    if (!pending) {
      ports[0]?.close(); // a worker nobody waits for any more: the frame is told to stop it below
      if (message.type === 'service-port') this.post({ type: 'service-stop', service: message.service });
      return;
    }
    this.pending.delete(message.service);
    const port = ports[0];
    if (message.type === 'service-port' && port) pending.resolve({ service: message.service, port });
    else pending.reject(new Error(message.type === 'service-failed' ? message.message : 'The sandbox sent no channel for the service.'));
  }

  /** The frame was torn down: every service worker went with it. */
  frameGone(): void {
    this.scriptSent = false;
    for (const pending of this.pending.values()) pending.reject(new Error('The code sandbox was restarted.'));
    this.pending.clear();
    const deaths = [...this.deaths.values()];
    this.deaths.clear();
    for (const death of deaths) death('The code sandbox was restarted.');
  }
}
