/**
 * The sandbox frame's script (inlined into the srcdoc of an opaque-origin iframe; bundled at build time by
 * scripts/vite/sandboxBundlePlugin.ts). It owns the test workers and the watchdog:
 *  - keeps one worker pre-spawned while idle, so a run does not pay mocha's ~150 ms evaluation (the spare
 *    is spawned when a run finishes, not when one starts, so it never competes with a run for the CPU);
 *  - uses a fresh worker for every run (user code may pollute globals) and terminates it afterwards;
 *  - relays the worker's events to the page, and terminates a hung worker (Watchdog) and says so;
 *  - hears the worker only on the MessagePort it hands over with the run request, before any user code
 *    runs: the worker's own postMessage (which user code can call) goes unheard.
 * The frame's own thread never runs user code, so its timers keep firing while a worker spins.
 * Python runs take the same path with a worker from the PythonPool (booted Pyodide, one run each).
 */

import {
  encodeFrameMessage,
  isHostToFrame,
  isRunOver,
  workerEventsOf,
  type FrameToHost,
  type HostToFrame,
  type WorkerRunRequest,
} from '../protocol';
import {
  isHostToFramePython,
  isPythonWorkerStatus,
  type FrameToHostPython,
  type HostToFramePython,
  type PythonWorkerRequest,
} from '../pythonProtocol';
import { Watchdog } from '../watchdog';
import { EventBatcher } from './eventBatcher';
import { PythonPool } from './pythonPool';

interface ActiveRun {
  id: number;
  worker: Worker;
  /** The frame's end of the run's results channel. */
  port: MessagePort;
  watchdog: Watchdog;
  /** Events on their way to the page (batched: see eventBatcher.ts). */
  relay: EventBatcher;
  /** The watchdog's check timer and when it fires (performance.now() time). */
  timer: ReturnType<typeof setTimeout> | null;
  timerAt: number;
  /** Hands the worker back once the run is over: `retire` when it must not serve again (it is terminated). */
  release: (retire: boolean) => void;
}

let workerUrl: string | null = null;
let spare: Worker | null = null;
let active: ActiveRun | null = null;
const python = new PythonPool();

function send(message: FrameToHost | FrameToHostPython): void {
  // The parent's origin is unknown to an opaque-origin frame; nothing here is secret. As text: see
  // encodeFrameMessage for why.
  window.parent.postMessage(encodeFrameMessage(message), '*');
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent) return;
  const message: unknown = event.data;
  if (isHostToFramePython(message)) {
    handlePython(message);
    return;
  }
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
    finish(active, true);
  }
  if (!workerUrl) {
    send({ type: 'worker-error', id: request.id, message: 'sandbox frame not initialised' });
    return;
  }
  const worker = spare ?? spawn();
  spare = null;
  const workerRequest: WorkerRunRequest = {
    type: 'run',
    id: request.id,
    solutionCode: request.solutionCode,
    testsCode: request.testsCode,
    testTimeoutMs: request.testTimeoutMs,
  };
  // No new spare here: a worker evaluating mocha now would compete for the CPU with this run (two cores
  // are common). finish() has it spawned once the run is over, while the person reads the results.
  // TypeScript workers serve one run each (user code may pollute their globals): always terminated.
  begin(request.id, request.testTimeoutMs, worker, workerRequest, () => {
    worker.terminate();
    ensureSpare();
  });
}

function handlePython(message: HostToFramePython): void {
  if (message.type === 'init-python') {
    python.init(message).then(
      () => send({ type: 'python-ready', id: message.id }),
      (e: unknown) => send({ type: 'python-failed', id: message.id, message: e instanceof Error ? e.message : String(e) }),
    );
    return;
  }
  if (active) finish(active, true);
  runPython(message, 0);
}

/** Starts a Python run on the pool's worker; a worker that answers `tainted` is retired and the run retried once. */
function runPython(message: Extract<HostToFramePython, { type: 'run-python' }>, attempt: number): void {
  const id = message.id;
  // The watchdog starts once a booted worker has the run: Pyodide's boot is the host's to wait for.
  python.take().then(
    (worker) => {
      const request: PythonWorkerRequest = {
        type: 'run',
        id,
        solution: message.solution,
        tests: message.tests,
        testModule: message.testModule,
        testTimeoutMs: message.testTimeoutMs,
      };
      worker.onmessage = (event: MessageEvent) => {
        if (!isPythonWorkerStatus(event.data) || event.data.type !== 'tainted' || active?.worker !== worker || active.id !== id) return;
        finish(active, true);
        if (attempt === 0) runPython(message, 1);
        else send({ type: 'worker-error', id, message: 'Python could not start cleanly twice in a row.' });
      };
      begin(id, message.testTimeoutMs, worker, request, (retire) => python.release(worker, !retire));
    },
    (e: unknown) => send({ type: 'worker-error', id, message: e instanceof Error ? e.message : String(e) }),
  );
}

/** Hands a run to its worker with a fresh results channel, and watches it. */
function begin(
  id: number,
  testTimeoutMs: number,
  worker: Worker,
  request: WorkerRunRequest | PythonWorkerRequest,
  release: (retire: boolean) => void,
): void {
  const channel = new MessageChannel();
  const run: ActiveRun = {
    id,
    worker,
    port: channel.port1,
    watchdog: new Watchdog(testTimeoutMs, performance.now()),
    relay: new EventBatcher((events) => send({ type: 'worker-events', id, events })),
    timer: null,
    timerAt: Number.POSITIVE_INFINITY,
    release,
  };
  active = run;

  channel.port1.onmessage = (event: MessageEvent) => onWorkerMessage(run, event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    if (active !== run) return;
    run.relay.flush();
    finish(run, true);
    send({ type: 'worker-error', id: run.id, message: event.message || 'worker error' });
  };
  worker.postMessage(request, [channel.port2]);
  schedule(run);
}

function onWorkerMessage(run: ActiveRun, data: unknown): void {
  const events = workerEventsOf(data);
  if (active !== run || !events) return;
  const now = performance.now();
  for (const event of events) {
    run.watchdog.observe(event, now);
    run.relay.push(event); // flushes at once at the end of the run
    // A run that crashed may have left its worker in any state: it does not serve again.
    if (isRunOver(event)) {
      finish(run, event.type === 'crashed');
      return;
    }
  }
  schedule(run);
}

/**
 * Arms the check timer for the watchdog's next deadline. A timer that fires earlier than needed is kept:
 * check() finds nothing expired and re-arms. So the ~4 events per test do not each clear and set a timer;
 * it is re-armed only when a deadline moves earlier (a new, tighter limit).
 */
function schedule(run: ActiveRun): void {
  const at = run.watchdog.nextCheckAt();
  if (!Number.isFinite(at)) return;
  if (run.timer !== null && run.timerAt <= at + 5) return;
  if (run.timer !== null) clearTimeout(run.timer);
  run.timerAt = at + 5;
  run.timer = setTimeout(() => check(run), Math.max(0, run.timerAt - performance.now()));
}

function check(run: ActiveRun): void {
  run.timer = null;
  run.timerAt = Number.POSITIVE_INFINITY;
  if (active !== run) return;
  const expiry = run.watchdog.check(performance.now());
  if (!expiry) {
    schedule(run);
    return;
  }
  run.relay.flush(); // the page must see the hung test's start before the verdict
  finish(run, true);
  send({ type: 'watchdog', id: run.id, ...expiry });
}

/** Ends a run: its worker goes back (or, retired, is killed) and the next one is prepared. */
function finish(run: ActiveRun, retire: boolean): void {
  if (run.timer !== null) clearTimeout(run.timer);
  run.timer = null;
  run.relay.discard();
  run.port.onmessage = null;
  run.port.close();
  if (active === run) active = null;
  run.release(retire);
}
