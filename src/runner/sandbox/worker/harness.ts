/**
 * The test worker's harness. The worker is used for exactly one run. How it keeps the verdict out of user
 * code's reach (docs/decisions/trustworthy-verdict.md has the whole argument):
 *
 *  1. Everything it needs later is captured when the worker script starts, before any user code exists:
 *     Reflect.apply, MessagePort's postMessage, importScripts, the timers, the Mocha class; the build's
 *     `mocha`/`Mocha` globals are then deleted.
 *  2. While the spare worker is idle it warms up, then freezes the realm's built-ins, the Mocha classes and
 *     the modules (hardenRealm.ts).
 *  3. When it is spawned, before any user code exists, the frame hands it a MessagePort (WorkerConnect)
 *     whose other end is the page's. The run request comes on that port and every event goes out on it,
 *     through the captured function. User code never holds the port, and nobody listens to the worker's
 *     own postMessage, which user code can call.
 *  4. The problem's tests and the candidate's own tests are two Mocha instances. The problem's tests get
 *     their `describe`/`it`/hooks and modules as parameters of a wrapper (runScript.ts), claimed once
 *     with a per-run secret; the globals `describe`/`it`/… user code sees belong to the own group.
 *  5. The problem's group runs first, to the end; then the own group (at most MAX_OWN_TESTS tests). The
 *     main page still checks the problem's group against the build's manifest (results/verifyRun.ts).
 *  6. Before the problem's group runs, its bodies and hooks are wrapped so that a skip signal thrown by
 *     the code under test fails the test instead of skipping (or passing) it (skipGuard.ts).
 */
import { DEFAULT_TEST_TIMEOUT_MS } from '../../deadlines';
import {
  isWorkerConnect,
  isWorkerRunRequest,
  TESTS_CLAIM_GLOBAL,
  type SerializedError,
  type WorkerEvent,
  type WorkerRunRequest,
} from '../protocol';
import { PROJECT_MODULES } from '../../compile/moduleShims';
import { defineProjectClaim, projectModules } from '../projectClaim';
import type initSqlJs from 'sql.js';
import type { SqlJsSlot } from '../sqlJs';
import { captureConsole } from './consoleCapture';
import { hardenRealm } from './hardenRealm';
import type { MochaClass } from './mochaTypes';
import { DISCARD, Outbox, type EventSink } from './outbox';
import { makeReporter } from './reporter';
import { BDD_NAMES, buildRunScript } from './runScript';
import { serializeError, type ScriptLocation } from './serializeError';
import { makeSkipGuard, type SkipGuard } from './skipGuard';
import { countTests, createTestGroup, type TestGroupInstance } from './testGroup';
import { warmUp } from './warmUp';

/** More own tests than this are not run (each costs the page a message; a loop can register millions). */
export const MAX_OWN_TESTS = 200;

/** The modules a problem's test file may import, by name (see compile/moduleShims.ts). */
export type SandboxModules = Readonly<Record<string, object>>;

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** What the harness keeps from before user code: captured functions only, never looked up again. */
interface Captured {
  apply: typeof Reflect.apply;
  portPost: MessagePort['postMessage'];
  load: (url: string) => void;
  scriptUrl: (code: string) => string;
  later: (fn: () => void) => void;
  atTaskEnd: (fn: () => void) => void;
  now: () => number;
  secret: () => string;
  defineProperty: typeof Object.defineProperty;
}

function capture(): Captured {
  const { apply } = Reflect;
  const portPost = MessagePort.prototype.postMessage;
  const load = importScripts;
  const BlobCtor = Blob;
  const createObjectURL = URL.createObjectURL;
  const timer = setTimeout;
  const microtask = queueMicrotask;
  const perf = performance;
  const perfNow = perf.now;
  const cryptoObj = crypto;
  const fill = cryptoObj.getRandomValues;
  return {
    apply,
    portPost,
    load: (url) => apply(load, undefined, [url]),
    scriptUrl: (code) => apply(createObjectURL, URL, [new BlobCtor([code], { type: 'text/javascript' })]),
    later: (fn) => void apply(timer, undefined, [fn, 0]),
    atTaskEnd: (fn) => void apply(microtask, undefined, [fn]),
    now: () => apply(perfNow, perf, []),
    secret: () => {
      const bytes = apply(fill, cryptoObj, [new Uint32Array(4)]);
      return Array.from(bytes, (n) => n.toString(36)).join('-');
    },
    defineProperty: Object.defineProperty,
  };
}

/**
 * `sqlJs`: the `sql.js` module's slot (its WebAssembly arrives with a run that needs it); `modules` holds
 * its module object under 'sql.js'.
 */
export function startHarness(Mocha: MochaClass, modules: SandboxModules, sqlJs?: SqlJsSlot): void {
  const scope = globalThis as unknown as WorkerScope & Record<string, unknown>;
  const caps = capture();
  // The build's globals would hand user code the Mocha classes and the instance behind them.
  delete scope.mocha;
  delete scope.Mocha;
  const frozenModules = Object.freeze({ ...modules });
  const forProject = projectModules(modules, PROJECT_MODULES);
  // Made before any user code exists (it captures what it uses); without it no run may start.
  let guardSkips: SkipGuard | string;
  try {
    guardSkips = makeSkipGuard(Mocha);
  } catch (err) {
    guardSkips = `The sandbox could not protect the test run: ${String(err)}`;
  }
  // A run that arrives while the warm-up is still going waits for it (a few ms): the two must not share
  // mocha's scheduling queue. A failed warm-up only costs speed; a failed hardening refuses the run.
  const ready = warmUp(
    Mocha,
    modules.chai ?? {},
    makeReporter('problem', DISCARD, () => null, caps.now),
    modules['fast-check'],
  )
    .catch(() => undefined)
    .then(() => {
      // mocha rewrites its built-in reporters' settings on every run; we use none of them.
      hardenRealm(globalThis, [Mocha, frozenModules, ...Object.values(modules)], [Mocha.reporters]);
      return null;
    })
    .catch((err: unknown) => `The sandbox could not protect the test run: ${String(err)}`);
  const onConnect = (event: MessageEvent) => {
    const port = event.ports[0];
    if (!isWorkerConnect(event.data) || !port) return;
    scope.removeEventListener('message', onConnect);
    const out = new Outbox((events) => void caps.apply(caps.portPost, port, [events]), caps.atTaskEnd);
    // Everything that does not depend on the code is made while the worker waits for its run.
    const setup = ready.then((failure) => {
      if (failure) return failure;
      return typeof guardSkips === 'string' ? guardSkips : prepareRun(out, Mocha, caps, guardSkips);
    });
    // One run per worker: the first well-formed request on the port is the run; the port then hears nothing.
    port.onmessage = (message: MessageEvent) => {
      if (!isWorkerRunRequest(message.data)) return;
      port.onmessage = null;
      const request = message.data;
      void setup.then((prepared) => {
        if (typeof prepared === 'string') out.send({ type: 'crashed', error: plainError(prepared) });
        else {
          if (request.sqlJs) sqlJs?.provide(request.sqlJs.wasm, loadSqlJs(caps, request.sqlJs.script));
          runOnce(request, prepared, { tests: frozenModules, project: forProject }, caps);
        }
      });
    };
  };
  scope.addEventListener('message', onConnect);
}

/** A run's parts that do not depend on its code, made after hardening and before any user code. */
interface RunSetup {
  out: EventSink;
  problem: TestGroupInstance;
  own: TestGroupInstance;
  /** Where the run's script is, for error locations: known once the code has come. */
  where: { current: ScriptLocation | null };
  guardSkips: SkipGuard;
}

function prepareRun(out: EventSink, Mocha: MochaClass, caps: Captured, guardSkips: SkipGuard): RunSetup {
  const where: RunSetup['where'] = { current: null };
  const whereNow = () => where.current;
  captureConsole((level, text) => out.send({ type: 'console', level, text }));
  const problem = createTestGroup(Mocha, DEFAULT_TEST_TIMEOUT_MS, makeReporter('problem', out, whereNow, caps.now, guardSkips.originalOf));
  const own = createTestGroup(Mocha, DEFAULT_TEST_TIMEOUT_MS, makeReporter('own', out, whereNow, caps.now));
  exposeOwnGroup(own);
  return { out, problem, own, where, guardSkips };
}

interface RunModules {
  /** What the problem's test file may import. */
  tests: SandboxModules;
  /** What the project's files may import. */
  project: SandboxModules;
}

function runOnce(request: WorkerRunRequest, setup: RunSetup, modules: RunModules, caps: Captured): void {
  const { out, problem, own } = setup;
  const send = (e: WorkerEvent) => out.send(e);
  send({ type: 'loading' });
  const secret = caps.secret();
  const script = buildRunScript(request.solutionCode, request.testsCode, secret);
  const where: ScriptLocation = {
    url: caps.scriptUrl(script.code),
    solutionOffset: script.solutionOffset,
    solutionLines: script.solutionLines,
    testsOffset: script.testsOffset,
  };
  setup.where.current = where;
  // Before the tests are defined: each takes its suite's timeout when it is added.
  problem.setTimeout(request.testTimeoutMs);
  own.setTimeout(request.testTimeoutMs);

  let claimed = false;
  caps.defineProperty(globalThis, TESTS_CLAIM_GLOBAL, {
    value: function claimProblemTests(given: unknown, define: unknown) {
      if (claimed || given !== secret || typeof define !== 'function') {
        throw new Error("The problem's tests are defined once, by the test runner.");
      }
      claimed = true;
      caps.apply(define, undefined, [...BDD_NAMES.map((name) => problem.bdd[name]), modules.tests]);
    },
    writable: false,
    enumerable: false,
    configurable: false,
  });
  defineProjectClaim(globalThis, caps, secret, modules.project);

  try {
    caps.load(where.url);
  } catch (err) {
    send({ type: 'crashed', error: serializeError(err, where) });
    return;
  }
  if (!claimed) {
    send({ type: 'crashed', error: plainError("The problem's tests did not load.") });
    return;
  }
  // After every problem test is defined, before any runs: only the harness can reach these runnables.
  setup.guardSkips.guardSuite(problem.suite);
  problem.run(() => {
    send({ type: 'done', group: 'problem' });
    runOwnGroup(own, send, caps);
  });
}

/** The candidate's `describe`/`it`/hooks, as the globals a test file expects. */
function exposeOwnGroup(own: TestGroupInstance): void {
  const scope = globalThis as unknown as Record<string, unknown>;
  for (const name of BDD_NAMES) scope[name] = own.bdd[name];
}

function runOwnGroup(own: TestGroupInstance, send: (e: WorkerEvent) => void, caps: Captured): void {
  const count = countTests(own.suite);
  if (count === 0 || count > MAX_OWN_TESTS) {
    // Nothing to run: answer at once, so a Submit without own tests pays nothing for the group.
    const note = count > 0 ? `Your ${count} tests were not run: at most ${MAX_OWN_TESTS} run in one go.` : undefined;
    send({ type: 'started', group: 'own', tests: [], ...(note ? { note } : {}) });
    send({ type: 'done', group: 'own' });
    return;
  }
  // A fresh task: the problem's mocha run has fully unwound before the candidate's starts.
  caps.later(() => own.run(() => send({ type: 'done', group: 'own' })));
}

/** sql.js's classic script, evaluated before any user code; its `initSqlJs` taken at once (a global user code may replace later). */
function loadSqlJs(caps: Captured, script: string): typeof initSqlJs | undefined {
  try {
    caps.load(caps.scriptUrl(script));
  } catch {
    return undefined; // the project's call to initSqlJs then says sql.js is not available
  }
  const found = (globalThis as unknown as { initSqlJs?: unknown }).initSqlJs;
  return typeof found === 'function' ? (found as typeof initSqlJs) : undefined;
}

function plainError(message: string): SerializedError {
  return { name: 'Error', message, isAssertion: false, isTimeout: false };
}
