/**
 * The one message protocol for both sandbox boundaries:
 *   main page  ⇄  sandbox frame (opaque-origin iframe, window.postMessage)
 *   sandbox frame  →  test worker (Worker.postMessage: the run request, carrying a MessagePort)
 *   test worker  →  sandbox frame (that MessagePort only: every WorkerEvent)
 *
 * Every message is a discriminated union on `type`; every request carries an `id` that its replies repeat.
 * User code runs in the test worker and can call its `postMessage`, so the frame never listens there:
 * results travel on the port the harness received before any user code ran and keeps in a closure.
 * Everything arriving from the frame is still validated structurally by the main page before use, and the
 * problem's tests are checked against the build's manifest (results/verifyRun.ts).
 */

import { isObject as isObj } from '../../core/records/guards';
import type { ConsoleLine } from '../types';

// ---------------------------------------------------------------------------------------------------------
// Shared payloads

export interface PlannedTest {
  /** Position in mocha's run order; test-end events refer back to it. */
  index: number;
  title: string;
  path: string[];
}

/** An Error flattened for postMessage. Values are display strings, never live objects. */
export interface SerializedError {
  name: string;
  message: string;
  /** Stack with the scripts' blob URLs replaced by SOLUTION_SCRIPT_URL / TESTS_SCRIPT_URL, so the main page can map it. */
  stack?: string;
  expected?: string;
  actual?: string;
  /** chai's AssertionError (a failed expectation) rather than an exception. */
  isAssertion: boolean;
  /** mocha's own timeout (an async test or hook that never finished). */
  isTimeout: boolean;
}

/**
 * A run evaluates two scripts, each compiled separately with its own source map (see compile/bundle.ts):
 * the candidate's code ("solution": every module of the project, compiled per run) and the test bundle
 * (compiled once per test file and cached). Stand-ins for their blob URLs in stacks:
 * `at f (rehearse-solution.js:12:5)`.
 */
export const SOLUTION_SCRIPT_URL = 'rehearse-solution.js';
export const TESTS_SCRIPT_URL = 'rehearse-tests.js';

/**
 * The parameter through which the problem's test bundle receives its importable modules (chai, …): the
 * harness calls the bundle with it, so the modules are never globals user code could replace
 * (compile/moduleShims.ts reads it).
 */
export const IMPORTS_PARAM = '__rehearseImports';

/**
 * The worker global the run script calls, with the run's secret, to hand the problem's test definitions to
 * the harness (worker/runScript.ts). Defined by the harness as non-writable, non-configurable, one-shot.
 */
export const TESTS_CLAIM_GLOBAL = '__rehearseTests';

/**
 * The worker global the run script calls, with the run's secret, to evaluate the candidate's project inside a
 * function receiving the modules project files may import (`sql.js`) as IMPORTS_PARAM (runScript.ts): never
 * a global. One-shot, like TESTS_CLAIM_GLOBAL.
 */
export const PROJECT_CLAIM_GLOBAL = '__rehearseProject';

/**
 * Which tests an event is about: the problem's (examples for Run, hidden for Submit: the verdict) or the
 * candidate's own `describe`/`it` written in the project's files ("Your tests": shown apart, never counted).
 */
export type TestGroup = 'problem' | 'own';

/**
 * The global the candidate's script assigns each module's exports object to, by path (a classic script's
 * top-level `var`: `{ "chat/hub.ts": { Hub }, … }`); the test bundle's `./chat/hub` reads its entry. The
 * candidate's script always evaluates first, so every module's top-level code runs even when the tests
 * import nothing from it.
 */
export const SOLUTION_GLOBAL = '__rehearseSolution';

/** How a sandbox run ended, as seen by the main page (SandboxHost → RunAccumulator). */
export type SandboxRunEnd =
  /** The worker posted its last event (isRunOver); the events already tell how it went. */
  | { kind: 'finished' }
  /** The frame's watchdog terminated a hung worker. */
  | { kind: 'watchdog'; phase: WatchdogPhase; limitMs: number; elapsedMs: number }
  /** The worker died by itself. */
  | { kind: 'worker-error'; message: string }
  /** The frame stopped answering; the host tore it down and will build a new one. */
  | { kind: 'host-deadline'; limitMs: number };

// ---------------------------------------------------------------------------------------------------------
// frame → worker

/** The two scripts of a run, evaluated in this order (classic scripts, ES2022). */
export interface RunCode {
  /** The candidate's code (every module of the project), assigning their exports to SOLUTION_GLOBAL. */
  solutionCode: string;
  /** The test file bundled with the shims; reads the project's modules from SOLUTION_GLOBAL. */
  testsCode: string;
  /** sql.js (our build's), only when the code imports `sql.js`: the sandbox cannot fetch it (sandbox/sqlJs.ts). */
  sqlJs?: SqlJsFiles;
}

/** sql.js as the page hands it to a test worker: its classic script (sql-wasm.js) and its WebAssembly. */
export interface SqlJsFiles {
  script: string;
  wasm: ArrayBuffer;
}

export interface WorkerRunRequest extends RunCode {
  type: 'run';
  id: number;
  testTimeoutMs: number;
}

// ---------------------------------------------------------------------------------------------------------
// worker → frame (and relayed unchanged to the main page, batched in `worker-events`)

export type WorkerEvent =
  /** The worker took the run and is evaluating the code (top-level code, describe bodies). */
  | { type: 'loading' }
  /**
   * A group's mocha run started; these tests will run, in this order. The problem's group runs first, then
   * the candidate's own. `note` says why an own group was not run (too many tests).
   */
  | { type: 'started'; group: TestGroup; tests: PlannedTest[]; note?: string }
  /** A test or hook began; `timeoutMs` is its effective mocha timeout (0 = none). Drives the watchdog. */
  | { type: 'runnable-start'; group: TestGroup; kind: 'test' | 'hook'; index: number; title: string; timeoutMs: number }
  /** A hook finished (progress only). */
  | { type: 'hook-end' }
  /**
   * A test finished, or a hook failed (then index is -1 and title names the hook). 'skipped': a problem
   * test mocha skipped (index -1 when the file itself skips it, so it is not in the plan).
   */
  | {
      type: 'test-end';
      group: TestGroup;
      index: number;
      title: string;
      path: string[];
      state: 'passed' | 'failed' | 'skipped';
      durationMs: number;
      error?: SerializedError;
    }
  | { type: 'console'; level: ConsoleLine['level']; text: string }
  /** A group's mocha run finished; after the `own` group the whole run is over. */
  | { type: 'done'; group: TestGroup }
  /** Evaluating the code threw before mocha could start. */
  | { type: 'crashed'; error: SerializedError };

/**
 * What a worker posts on the run's port: one event, or several in their order (the TypeScript worker holds
 * events only mocha's code separates: worker/outbox.ts).
 */
export type WorkerMessage = WorkerEvent | WorkerEvent[];

/** The events of one worker message, in order, or null when it is not one. */
export function workerEventsOf(x: unknown): WorkerEvent[] | null {
  if (Array.isArray(x)) return x.length > 0 && x.every(isWorkerEvent) ? (x as WorkerEvent[]) : null;
  return isWorkerEvent(x) ? [x] : null;
}

/** The worker's last event of a run: both groups done, or the code threw while loading. */
export function isRunOver(event: WorkerEvent): boolean {
  return event.type === 'crashed' || (event.type === 'done' && event.group === 'own');
}

// ---------------------------------------------------------------------------------------------------------
// main → frame

export type HostToFrame =
  /** Sent once after `frame-loaded`: the classic script the frame turns into a Blob URL for its workers. */
  | { type: 'init'; id: number; workerScript: string }
  /**
   * The page is done with this spare worker (its run is over, timed out, or it failed): the frame terminates
   * it and spawns the next spare.
   */
  | { type: 'release'; spare: number };

// ---------------------------------------------------------------------------------------------------------
// frame → worker, once, when it is spawned (before any user code exists in it)

/**
 * Hands a fresh TypeScript test worker its end of a MessageChannel whose other end goes to the page. The
 * page sends the run request on it and hears the run's events on it: the hot path never passes through
 * the frame (two cross-process hops that cost ~14 ms a Submit while the page was painting).
 */
export interface WorkerConnect {
  type: 'connect';
}

// ---------------------------------------------------------------------------------------------------------
// frame → main

export type WatchdogPhase = 'spawn' | 'loading' | 'runnable' | 'run';

export type FrameToHost =
  /** The frame's script is running and listening; the host answers with `init`. */
  | { type: 'frame-loaded' }
  /** `init` processed; a worker is being pre-spawned. */
  | { type: 'ready'; id: number }
  /**
   * A spare TypeScript test worker, numbered; the message transfers the page's end of its channel
   * (WorkerConnect). The frame keeps one spare at a time and spawns the next on `release`.
   */
  | { type: 'spare'; spare: number }
  /** That spare worker died on its own (script error, an uncaught error of user code, closed itself). */
  | { type: 'spare-error'; spare: number; message: string }
  /**
   * A Python run's events in order, batched: each message to the page crosses processes (the sandboxed
   * frame has its own) and costs the page's main thread a task.
   */
  | { type: 'worker-events'; id: number; events: WorkerEvent[] }
  /** A Python run: the frame's watchdog terminated the worker; a fresh one is already spawning. */
  | { type: 'watchdog'; id: number; phase: WatchdogPhase; limitMs: number; elapsedMs: number }
  /** A Python run: the worker died on its own (script error, closed itself). */
  | { type: 'worker-error'; id: number; message: string };

// ---------------------------------------------------------------------------------------------------------
// Structural guards (pure). Strings are length-capped by the consumer, not here.

export type Obj = Record<string, unknown>;

export function isStr(x: unknown): x is string {
  return typeof x === 'string';
}
export function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
function isOptStr(x: unknown): boolean {
  return x === undefined || isStr(x);
}
function isStrArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every(isStr);
}
function isGroup(x: unknown): x is TestGroup {
  return x === 'problem' || x === 'own';
}

const CONSOLE_LEVELS: readonly string[] = ['log', 'info', 'warn', 'error', 'debug'];

export function isSerializedError(x: unknown): x is SerializedError {
  return (
    isObj(x) &&
    isStr(x.name) &&
    isStr(x.message) &&
    isOptStr(x.stack) &&
    isOptStr(x.expected) &&
    isOptStr(x.actual) &&
    typeof x.isAssertion === 'boolean' &&
    typeof x.isTimeout === 'boolean'
  );
}

function isPlannedTest(x: unknown): x is PlannedTest {
  return isObj(x) && isNum(x.index) && isStr(x.title) && isStrArray(x.path);
}

export function isWorkerEvent(x: unknown): x is WorkerEvent {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'loading':
    case 'hook-end':
      return true;
    case 'done':
      return isGroup(x.group);
    case 'started':
      return isGroup(x.group) && Array.isArray(x.tests) && x.tests.every(isPlannedTest) && isOptStr(x.note);
    case 'runnable-start':
      return isGroup(x.group) && (x.kind === 'test' || x.kind === 'hook') && isNum(x.index) && isStr(x.title) && isNum(x.timeoutMs);
    case 'test-end':
      return (
        isGroup(x.group) &&
        isNum(x.index) &&
        isStr(x.title) &&
        isStrArray(x.path) &&
        (x.state === 'passed' || x.state === 'failed' || x.state === 'skipped') &&
        isNum(x.durationMs) &&
        (x.error === undefined || isSerializedError(x.error))
      );
    case 'console':
      return isStr(x.level) && CONSOLE_LEVELS.includes(x.level) && isStr(x.text);
    case 'crashed':
      return isSerializedError(x.error);
    default:
      return false;
  }
}

export function isFrameToHost(x: unknown): x is FrameToHost {
  if (!isObj(x)) return false;
  switch (x.type) {
    case 'frame-loaded':
      return true;
    case 'ready':
      return isNum(x.id);
    case 'spare':
      return isNum(x.spare);
    case 'spare-error':
      return isNum(x.spare) && isStr(x.message);
    case 'worker-events':
      return isNum(x.id) && Array.isArray(x.events) && x.events.every(isWorkerEvent);
    case 'watchdog':
      return (
        isNum(x.id) &&
        (x.phase === 'spawn' || x.phase === 'loading' || x.phase === 'runnable' || x.phase === 'run') &&
        isNum(x.limitMs) &&
        isNum(x.elapsedMs)
      );
    case 'worker-error':
      return isNum(x.id) && isStr(x.message);
    default:
      return false;
  }
}

/** The frame trusts its parent, but still checks shape so a stray message cannot crash it. */
export function isHostToFrame(x: unknown): x is HostToFrame {
  if (!isObj(x)) return false;
  if (x.type === 'init') return isNum(x.id) && isStr(x.workerScript);
  if (x.type === 'release') return isNum(x.spare);
  return false;
}

export function isWorkerConnect(x: unknown): x is WorkerConnect {
  return isObj(x) && x.type === 'connect';
}

export function isWorkerRunRequest(x: unknown): x is WorkerRunRequest {
  return (
    isObj(x) &&
    x.type === 'run' &&
    isNum(x.id) &&
    isStr(x.solutionCode) &&
    isStr(x.testsCode) &&
    isNum(x.testTimeoutMs) &&
    (x.sqlJs === undefined || (isObj(x.sqlJs) && isStr(x.sqlJs.script) && x.sqlJs.wasm instanceof ArrayBuffer))
  );
}

/**
 * Frame → page messages travel as JSON text. The page's main thread pays for turning a message back into
 * objects, and a structured clone of a batch of events (a hundred small objects and strings) cost it ~1.5 ms
 * a message, ~6 ms a Submit; the same batch as one string crosses as a copy and JSON.parse reads it in a
 * fraction of that. (Every message field is a string, a finite number, a boolean or an array of them.)
 */
export function encodeFrameMessage(message: unknown): string {
  return JSON.stringify(message);
}

/** The frame's message as objects, or null when it is not JSON text (then it is not from our frame script). */
export function decodeFrameMessage(data: unknown): unknown {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}
