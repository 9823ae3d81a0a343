/**
 * The sandbox frame's script (inlined into the srcdoc of an opaque-origin iframe; bundled at build time by
 * scripts/vite/sandboxBundlePlugin.ts). Workers it creates share its opaque origin, so user code cannot
 * reach the app's storage. It owns the test workers:
 *  - TypeScript: it keeps one spare worker, spawned while idle (a run does not pay mocha's ~150 ms
 *    evaluation), and connects it to the page with a MessageChannel (WorkerConnect) before any user code
 *    exists in it. The page sends the run and hears its events on that channel, and watches the run itself
 *    (watchdogTimer.ts): the frame is not on that path. When the page releases the spare (its run is over,
 *    timed out or failed), the frame terminates it and spawns the next; a worker serves one run, as user
 *    code may pollute its globals. The next spare is spawned after a run, never during one, so it does not
 *    compete with the run for the CPU (two cores are common).
 *  - Python: runs go through the frame with a worker from the PythonPool (an interpreter restored from its
 *    snapshot, one run each, terminated after it); the frame relays their events to the page and
 *    terminates a hung worker (Watchdog) and says so.
 * Nobody listens to a worker's own postMessage (which user code can call), only to the ports handed over
 * before user code ran. The frame's own thread never runs user code, so its timers keep firing.
 */

import {
  encodeFrameMessage,
  isHostToFrame,
  isRunOver,
  workerEventsOf,
  type FrameToHost,
  type HostToFrame,
  type WorkerConnect,
} from '../protocol';
import { isHostToFramePython, type FrameToHostPython, type HostToFramePython, type PythonWorkerRequest } from '../pythonProtocol';
import { WatchdogTimer } from '../watchdogTimer';
import { EventBatcher } from './eventBatcher';
import { isHostToFrameService, type FrameToHostService } from '../serviceProtocol';
import { PythonPool } from './pythonPool';
import { FrameServices } from './services';

/** A Python run in progress. */
interface ActiveRun {
  id: number;
  worker: Worker;
  /** The frame's end of the run's results channel. */
  port: MessagePort;
  watch: WatchdogTimer;
  /** Events on their way to the page (batched: see eventBatcher.ts). */
  relay: EventBatcher;
  /** Hands the worker back once the run is over (it is terminated: a worker serves one run). */
  release: () => void;
}

let workerUrl: string | null = null;
/** TypeScript test workers by spare number: the idle spare, and the one the page is running (if any). */
const workers = new Map<number, Worker>();
let spare: number | null = null;
let nextSpare = 1;
let active: ActiveRun | null = null;
const python = new PythonPool();
const services = new FrameServices(send, python);

function send(message: FrameToHost | FrameToHostPython | FrameToHostService, transfer: Transferable[] = []): void {
  // The parent's origin is unknown to an opaque-origin frame; nothing here is secret. As text: see
  // encodeFrameMessage for why.
  window.parent.postMessage(encodeFrameMessage(message), '*', transfer);
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent) return;
  const message: unknown = event.data;
  if (isHostToFramePython(message)) {
    handlePython(message);
    return;
  }
  if (isHostToFrameService(message)) {
    services.handle(message);
    return;
  }
  if (!isHostToFrame(message)) return;
  handle(message);
});

send({ type: 'frame-loaded' });

function handle(message: HostToFrame): void {
  switch (message.type) {
    case 'init':
      workerUrl ??= URL.createObjectURL(new Blob([message.workerScript], { type: 'text/javascript' }));
      ensureSpare();
      send({ type: 'ready', id: message.id });
      return;
    case 'release':
      workers.get(message.spare)?.terminate();
      workers.delete(message.spare);
      if (spare === message.spare) spare = null;
      ensureSpare();
      return;
  }
}

function ensureSpare(): void {
  if (spare !== null || !workerUrl) return;
  const id = nextSpare++;
  const worker = new Worker(workerUrl, { name: 'rehearse-tests' });
  const channel = new MessageChannel();
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    // The page ends the run (or drops the idle spare) and releases it; the next spare comes then.
    send({ type: 'spare-error', spare: id, message: event.message || 'worker error' });
  };
  const connect: WorkerConnect = { type: 'connect' };
  worker.postMessage(connect, [channel.port2]);
  workers.set(id, worker);
  spare = id;
  send({ type: 'spare', spare: id }, [channel.port1]);
}

function handlePython(message: HostToFramePython): void {
  if (message.type === 'init-python') {
    python.init(message).then(
      () => send({ type: 'python-ready', id: message.id }),
      (e: unknown) => send({ type: 'python-failed', id: message.id, message: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  if (active) finish(active);
  runPython(message);
}

/** Starts a Python run on a worker of its own (the pool's spare); the worker is terminated after the run. */
function runPython(message: Extract<HostToFramePython, { type: 'run-python' }>): void {
  const id = message.id;
  // The watchdog starts once a restored worker has the run: Pyodide's start is the host's to wait for.
  python.take().then(
    (worker) => {
      const request: PythonWorkerRequest = {
        type: 'run',
        id,
        files: message.files,
        tests: message.tests,
        testModule: message.testModule,
        testTimeoutMs: message.testTimeoutMs,
      };
      begin(id, message.testTimeoutMs, worker, request, () => python.release(worker));
    },
    (e: unknown) => send({ type: 'worker-error', id, message: e instanceof Error ? e.message : String(e) }),
  );
}

/** Hands a Python run to its worker with a fresh results channel, and watches it. */
function begin(id: number, testTimeoutMs: number, worker: Worker, request: PythonWorkerRequest, release: () => void): void {
  const channel = new MessageChannel();
  const run: ActiveRun = {
    id,
    worker,
    port: channel.port1,
    watch: new WatchdogTimer(testTimeoutMs, (expiry) => {
      if (active !== run) return;
      run.relay.flush(); // the page must see the hung test's start before the verdict
      finish(run);
      send({ type: 'watchdog', id: run.id, ...expiry });
    }),
    relay: new EventBatcher((events) => send({ type: 'worker-events', id, events })),
    release,
  };
  active = run;

  channel.port1.onmessage = (event: MessageEvent) => onWorkerMessage(run, event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    if (active !== run) return;
    run.relay.flush();
    finish(run);
    send({ type: 'worker-error', id: run.id, message: event.message || 'worker error' });
  };
  worker.postMessage(request, [channel.port2]);
}

function onWorkerMessage(run: ActiveRun, data: unknown): void {
  const events = workerEventsOf(data);
  if (active !== run || !events) return;
  run.watch.observe(events);
  for (const event of events) {
    run.relay.push(event); // flushes at once at the end of the run
    if (isRunOver(event)) {
      finish(run);
      return;
    }
  }
}

/** Ends a Python run: its worker is terminated and the next spare starts restoring. */
function finish(run: ActiveRun): void {
  run.watch.stop();
  run.relay.discard();
  run.port.onmessage = null;
  run.port.close();
  if (active === run) active = null;
  run.release();
}
