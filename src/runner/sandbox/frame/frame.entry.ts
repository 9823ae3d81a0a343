/**
 * The sandbox frame's script (inlined into the srcdoc of an opaque-origin iframe; bundled at build time by
 * scripts/vite/sandboxBundlePlugin.ts). It owns the test workers and the watchdog:
 *  - keeps one worker pre-spawned while idle, so a run does not pay mocha's ~150 ms evaluation;
 *  - uses a fresh worker for every run (user code may pollute globals) and terminates it afterwards;
 *  - relays the worker's events to the page, and terminates a hung worker (Watchdog) and says so.
 * The frame's own thread never runs user code, so its timers keep firing while a worker spins.
 */

import {
  isHostToFrame,
  isWorkerEvent,
  type FrameToHost,
  type HostToFrame,
  type WorkerEvent,
  type WorkerRunRequest,
} from '../protocol';
import { Watchdog } from '../watchdog';

interface ActiveRun {
  id: number;
  worker: Worker;
  watchdog: Watchdog;
  timer: ReturnType<typeof setTimeout> | null;
}

let workerUrl: string | null = null;
let spare: Worker | null = null;
let active: ActiveRun | null = null;

function send(message: FrameToHost): void {
  // The parent's origin is unknown to an opaque-origin frame; nothing here is secret.
  window.parent.postMessage(message, '*');
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent) return;
  const message: unknown = event.data;
  if (!isHostToFrame(message)) return;
  if (message.type === 'init') {
    workerUrl ??= URL.createObjectURL(new Blob([message.workerScript], { type: 'text/javascript' }));
    ensureSpare();
    send({ type: 'ready', id: message.id });
  } else {
    startRun(message);
  }
});

send({ type: 'frame-loaded' });

function spawn(): Worker {
  if (!workerUrl) throw new Error('frame not initialised');
  return new Worker(workerUrl, { name: 'rehearse-tests' });
}

function ensureSpare(): void {
  if (!spare && workerUrl) spare = spawn();
}

function startRun(request: Extract<HostToFrame, { type: 'run' }>): void {
  if (active) {
    // The host serialises runs, so this is a protocol slip; never leave a worker running behind.
    finish(active);
  }
  if (!workerUrl) {
    send({ type: 'worker-error', id: request.id, message: 'sandbox frame not initialised' });
    return;
  }
  const worker = spare ?? spawn();
  spare = null;
  const run: ActiveRun = { id: request.id, worker, watchdog: new Watchdog(request.testTimeoutMs, performance.now()), timer: null };
  active = run;

  worker.onmessage = (event: MessageEvent) => onWorkerMessage(run, event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    if (active !== run) return;
    finish(run);
    send({ type: 'worker-error', id: run.id, message: event.message || 'worker error' });
  };
  const workerRequest: WorkerRunRequest = { type: 'run', id: request.id, code: request.code, testTimeoutMs: request.testTimeoutMs };
  worker.postMessage(workerRequest);
  schedule(run);
  // Replace the spare now, on its own thread, so a quick second run (Run then Submit) does not wait for
  // a worker to evaluate mocha.
  ensureSpare();
}

function onWorkerMessage(run: ActiveRun, data: unknown): void {
  if (active !== run || !isWorkerEvent(data)) return; // user code can post too; ignore junk
  const event: WorkerEvent = data;
  run.watchdog.observe(event, performance.now());
  send({ type: 'worker-event', id: run.id, event });
  if (event.type === 'done' || event.type === 'crashed') finish(run);
  else schedule(run);
}

function schedule(run: ActiveRun): void {
  if (run.timer !== null) clearTimeout(run.timer);
  const at = run.watchdog.nextCheckAt();
  if (!Number.isFinite(at)) return;
  run.timer = setTimeout(() => check(run), Math.max(0, at - performance.now()) + 5);
}

function check(run: ActiveRun): void {
  if (active !== run) return;
  const expiry = run.watchdog.check(performance.now());
  if (!expiry) {
    schedule(run);
    return;
  }
  finish(run);
  send({ type: 'watchdog', id: run.id, ...expiry });
}

/** Ends a run: kill its worker (hung or merely used) and pre-spawn the next one. */
function finish(run: ActiveRun): void {
  if (run.timer !== null) clearTimeout(run.timer);
  run.worker.terminate();
  if (active === run) active = null;
  ensureSpare();
}
