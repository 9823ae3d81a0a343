/**
 * The main page's single owner of the sandbox iframe channel (modelled on Sandpack's iframe-protocol):
 * creates the hidden opaque-origin iframe, accepts messages only from its contentWindow, validates them
 * structurally, matches request ids, enforces a last-resort deadline and rebuilds the frame when needed.
 *
 * One run at a time (the Runner serialises).
 *  - TypeScript: the frame hands over a spare test worker's channel (WorkerConnect); the run request goes
 *    straight to the worker on it and the events come straight back, and the page watches the run
 *    (WatchdogTimer) and releases the worker when it is over. The host deadline only covers waiting for a
 *    spare from a frame that stopped answering.
 *  - Python: the run goes through the frame, whose watchdog ends hung runs; the host deadline fires only if
 *    the frame itself stops answering.
 */

import { FRAME_BOOT_LIMIT_MS, HOST_SLACK_MS, hostLimitAfterStartMs, hostLimitBeforeStartMs, WORKER_SPAWN_LIMIT_MS } from '../deadlines';
import { buildSrcdoc } from './srcdoc';
import {
  decodeFrameMessage,
  isFrameToHost,
  isRunOver,
  workerEventsOf,
  type FrameToHost,
  type HostToFrame,
  type RunCode,
  type SandboxRunEnd,
  type WorkerEvent,
  type WorkerRunRequest,
} from './protocol';
import { WatchdogTimer } from './watchdogTimer';
import { isFrameToHostPython, type HostToFramePython, type PythonRunCode, type PythonRuntimeFiles } from './pythonProtocol';
import { ServiceFrames } from './serviceFrames';
import { isFrameToHostService, type HostToFrameService } from './serviceProtocol';

/** Booting Pyodide in the frame (after its files are here): generous, a busy laptop takes seconds. */
export const PYTHON_BOOT_LIMIT_MS = 60_000;

interface ActiveRun {
  id: number;
  testTimeoutMs: number;
  onEvent: (event: WorkerEvent) => void;
  resolve: (end: SandboxRunEnd) => void;
  timer: ReturnType<typeof setTimeout> | null;
  /** A TypeScript run's spare worker, once it has one. */
  spare: number | null;
  /** Stops watching the run and gives its worker back to the frame (run once, at settle). */
  cleanup: (() => void) | null;
}

/** A spare TypeScript test worker: its number and the page's end of its channel. */
interface Spare {
  id: number;
  port: MessagePort;
}

interface Boot {
  iframe: HTMLIFrameElement;
  initId: number;
  ready: Promise<void>;
  resolveReady: () => void;
  /** Python in this frame: booted once, on the first Python run. */
  python: { id: number; ready: Promise<void>; settle: (error: Error | null) => void } | null;
}

export class SandboxHost {
  private boot: Boot | null = null;
  private active: ActiveRun | null = null;
  private nextId = 1;
  private spare: Spare | null = null;
  private spareWaiter: ((spare: Spare) => void) | null = null;
  /** An idle spare that died: released (so the frame spawns another) only when a run needs one. */
  private deadSpare: number | null = null;
  private readonly onMessage = (event: MessageEvent) => this.receive(event);
  /** The frame's service workers (an API scenario's running app): service/serviceRunner.ts drives them. */
  readonly services: ServiceFrames;

  constructor(
    private readonly frameScript: string,
    private readonly workerScript: string,
    serviceWorkerScript: string,
  ) {
    this.services = new ServiceFrames(
      (message) => this.post(message),
      () => this.ready(),
      serviceWorkerScript,
    );
  }

  /** Creates the frame (if needed) and resolves once it has a worker spawning. */
  ready(): Promise<void> {
    return (this.boot ??= this.createFrame()).ready;
  }

  /** A TypeScript run, on the spare worker's own channel. */
  async run(code: RunCode, testTimeoutMs: number, onEvent: (event: WorkerEvent) => void): Promise<SandboxRunEnd> {
    await this.ready();
    if (this.active) this.settle(this.active, { kind: 'worker-error', message: 'superseded by a newer run' });
    const id = this.nextId++;
    return new Promise<SandboxRunEnd>((resolve) => {
      const run: ActiveRun = { id, testTimeoutMs, onEvent, resolve, timer: null, spare: null, cleanup: null };
      this.active = run;
      // The frame spawns a spare at start and after every run; one that does not come means a wedged frame.
      this.arm(run, WORKER_SPAWN_LIMIT_MS + HOST_SLACK_MS);
      this.takeSpare((spare) => {
        if (this.active !== run) {
          this.spare ??= spare; // the run was settled meanwhile: the spare serves the next one
          return;
        }
        this.startOnSpare(run, spare, { type: 'run', id, ...code, testTimeoutMs });
      });
    });
  }

  private takeSpare(use: (spare: Spare) => void): void {
    const spare = this.spare;
    if (spare) {
      this.spare = null;
      use(spare);
      return;
    }
    this.spareWaiter = use;
    if (this.deadSpare !== null) {
      this.post({ type: 'release', spare: this.deadSpare });
      this.deadSpare = null;
    }
  }

  private offerSpare(spare: Spare): void {
    const waiter = this.spareWaiter;
    this.spareWaiter = null;
    if (waiter) waiter(spare);
    else {
      this.spare?.port.close();
      this.spare = spare;
    }
  }

  private startOnSpare(run: ActiveRun, spare: Spare, request: WorkerRunRequest): void {
    if (run.timer !== null) clearTimeout(run.timer);
    run.timer = null;
    run.spare = spare.id;
    const watch = new WatchdogTimer(run.testTimeoutMs, (expiry) => {
      if (this.active === run) this.settle(run, { kind: 'watchdog', ...expiry });
    });
    run.cleanup = () => {
      watch.stop();
      spare.port.onmessage = null;
      spare.port.close();
      this.post({ type: 'release', spare: spare.id });
    };
    spare.port.onmessage = (event: MessageEvent) => {
      const events = workerEventsOf(event.data);
      if (!events || this.active !== run) return;
      watch.observe(events);
      for (const e of events) {
        run.onEvent(e);
        if (isRunOver(e)) {
          this.settle(run, { kind: 'finished' });
          return;
        }
      }
    };
    spare.port.postMessage(request);
  }

  /**
   * Boots Python in the frame with its runtime files (the frame cannot fetch them) and resolves when a
   * worker is ready. Safe to call many times; `files` is only asked for on the first call per frame.
   */
  async readyPython(files: () => Promise<PythonRuntimeFiles>): Promise<void> {
    await this.ready();
    const boot = this.boot;
    if (!boot) throw new Error('The code sandbox is not available.');
    if (!boot.python) {
      let settle!: (error: Error | null) => void;
      const ready = new Promise<void>((resolve, reject) => {
        settle = (error) => (error ? reject(error) : resolve());
      });
      const python = { id: this.nextId++, ready, settle };
      boot.python = python;
      const timer = setTimeout(
        () => python.settle(new Error(`Python did not start within ${PYTHON_BOOT_LIMIT_MS / 1000} s.`)),
        PYTHON_BOOT_LIMIT_MS,
      );
      void ready.then(
        () => clearTimeout(timer),
        () => {
          clearTimeout(timer);
          if (boot.python === python) boot.python = null; // the next Python run tries again
        },
      );
      try {
        const runtime = await files();
        if (this.boot !== boot) throw new Error('The code sandbox was restarted.');
        this.post({ type: 'init-python', id: python.id, ...runtime });
      } catch (e) {
        python.settle(e instanceof Error ? e : new Error(String(e)));
      }
    }
    return boot.python.ready;
  }

  /** A Python run; call readyPython first (its boot is not part of this run's deadline). */
  async runPython(code: PythonRunCode, testTimeoutMs: number, onEvent: (event: WorkerEvent) => void): Promise<SandboxRunEnd> {
    await this.ready();
    return this.start(testTimeoutMs, onEvent, (id) => ({ type: 'run-python', id, testTimeoutMs, ...code }));
  }

  private start(
    testTimeoutMs: number,
    onEvent: (event: WorkerEvent) => void,
    message: (id: number) => HostToFrame | HostToFramePython,
  ): Promise<SandboxRunEnd> {
    const iframe = this.boot?.iframe;
    if (!iframe?.contentWindow) throw new Error('The code sandbox is not available.');
    if (this.active) this.settle(this.active, { kind: 'worker-error', message: 'superseded by a newer run' });
    const id = this.nextId++;
    return new Promise<SandboxRunEnd>((resolve) => {
      const run: ActiveRun = { id, testTimeoutMs, onEvent, resolve, timer: null, spare: null, cleanup: null };
      this.active = run;
      this.arm(run, hostLimitBeforeStartMs(testTimeoutMs));
      this.post(message(id));
    });
  }

  dispose(): void {
    if (this.active) this.settle(this.active, { kind: 'worker-error', message: 'runner disposed' });
    this.destroyFrame();
  }

  private createFrame(): Boot {
    const iframe = document.createElement('iframe');
    // allow-scripts WITHOUT allow-same-origin: the frame (and its workers) get an opaque origin, so user
    // code cannot reach the app's IndexedDB, localStorage, cookies or DOM.
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.title = 'Rehearse code sandbox';
    // Not display:none — some engines throttle timers in undisplayed frames, and the watchdog lives here.
    iframe.style.cssText = 'position:fixed;width:1px;height:1px;left:-10px;top:-10px;border:0;opacity:0;pointer-events:none;';
    let resolveReady!: () => void;
    let rejectReady!: (e: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    });
    const boot: Boot = { iframe, initId: this.nextId++, ready, resolveReady, python: null };
    const bootTimer = setTimeout(() => {
      if (this.boot !== boot) return;
      this.destroyFrame();
      rejectReady(new Error(`The code sandbox did not start within ${FRAME_BOOT_LIMIT_MS} ms.`));
    }, FRAME_BOOT_LIMIT_MS);
    void ready.then(
      () => clearTimeout(bootTimer),
      () => clearTimeout(bootTimer),
    );

    window.addEventListener('message', this.onMessage);
    iframe.srcdoc = buildSrcdoc(this.frameScript);
    document.body.appendChild(iframe);
    return boot;
  }

  private destroyFrame(): void {
    this.spare?.port.close();
    this.spare = null;
    this.spareWaiter = null;
    this.deadSpare = null;
    this.boot?.python?.settle(new Error('The code sandbox was restarted.'));
    if (this.boot) this.services.frameGone();
    window.removeEventListener('message', this.onMessage);
    this.boot?.iframe.remove();
    this.boot = null;
  }

  private receive(event: MessageEvent): void {
    const boot = this.boot;
    // Only our frame's window may talk to us; anything else (extensions, other frames) is dropped.
    if (!boot || event.source !== boot.iframe.contentWindow) return;
    const message = decodeFrameMessage(event.data);
    if (isFrameToHostService(message)) {
      this.services.receive(message, event.ports);
      return;
    }
    if (isFrameToHostPython(message)) {
      if (boot.python && message.id === boot.python.id) {
        boot.python.settle(message.type === 'python-ready' ? null : new Error(message.message));
      }
      return;
    }
    if (!isFrameToHost(message)) return;
    this.dispatch(boot, message, event.ports);
  }

  private dispatch(boot: Boot, message: FrameToHost, ports: readonly MessagePort[]): void {
    switch (message.type) {
      case 'frame-loaded':
        this.post({ type: 'init', id: boot.initId, workerScript: this.workerScript });
        return;
      case 'ready':
        if (message.id === boot.initId) boot.resolveReady();
        return;
      case 'spare': {
        const port = ports[0];
        if (port) this.offerSpare({ id: message.spare, port });
        return;
      }
      case 'spare-error': {
        const run = this.active;
        if (run && run.spare === message.spare) {
          this.settle(run, { kind: 'worker-error', message: message.message });
        } else if (this.spare?.id === message.spare) {
          this.spare.port.close();
          this.spare = null;
          this.deadSpare = message.spare;
        }
        return;
      }
    }
    const run = this.active;
    if (!run || message.id !== run.id) return; // a late message from a run we already gave up on
    switch (message.type) {
      case 'worker-events':
        for (const event of message.events) {
          if (this.active !== run) return; // settled by an earlier event of this batch
          if (event.type === 'started') this.arm(run, hostLimitAfterStartMs(event.tests.length, run.testTimeoutMs));
          run.onEvent(event);
          if (isRunOver(event)) this.settle(run, { kind: 'finished' });
        }
        return;
      case 'watchdog':
        this.settle(run, { kind: 'watchdog', phase: message.phase, limitMs: message.limitMs, elapsedMs: message.elapsedMs });
        return;
      case 'worker-error':
        this.settle(run, { kind: 'worker-error', message: message.message });
        return;
    }
  }

  private arm(run: ActiveRun, limitMs: number): void {
    if (run.timer !== null) clearTimeout(run.timer);
    run.timer = setTimeout(() => {
      if (this.active !== run) return;
      // The frame did not end the run itself: assume it is wedged, and start over with a new one.
      this.destroyFrame();
      this.settle(run, { kind: 'host-deadline', limitMs });
    }, limitMs);
  }

  private settle(run: ActiveRun, end: SandboxRunEnd): void {
    if (run.timer !== null) clearTimeout(run.timer);
    run.timer = null;
    const cleanup = run.cleanup;
    run.cleanup = null;
    cleanup?.();
    if (this.active === run) this.active = null;
    run.resolve(end);
  }

  private post(message: HostToFrame | HostToFramePython | HostToFrameService): void {
    // The frame's origin is opaque ("null"), so '*' is the only target that reaches it.
    this.boot?.iframe.contentWindow?.postMessage(message, '*');
  }
}
