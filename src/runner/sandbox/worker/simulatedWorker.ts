/**
 * For unit tests: runs the real test-worker script (bundled exactly as the build does) in a fresh Node vm
 * context standing in for a worker, with the few host APIs it uses made inside that context (so hardening
 * freezes the context's objects, never Node's). A run's events are collected from its MessagePort until the
 * last one; what user code posts on the worker's own postMessage is collected apart.
 */
import vm from 'node:vm';
import { build, transform } from 'esbuild';
import { bundleBoth } from '../../../../scripts/vite/sandboxBundlePlugin';
import { RunCompiler, type BuildFn, type TransformFn } from '../../compile/bundle';
import { isRunOver, workerEventsOf, type WorkerEvent } from '../protocol';

const compiler = new RunCompiler({ build: build as unknown as BuildFn, transform: transform as unknown as TransformFn });
let workerScript: Promise<string> | null = null;

export interface SimulatedRun {
  events: WorkerEvent[];
  /** The messages the events came in (one event, or several: outbox.ts). */
  messages: unknown[];
  /** Messages sent with the worker's own postMessage (what user code can reach). */
  strayMessages: unknown[];
  /** The run ended (its last event) before the deadline. */
  ended: boolean;
}

const SHIMS = `(function (host) {
  const listeners = [];
  globalThis.self = globalThis;
  globalThis.EventTarget = class EventTarget {
    constructor() { this.listeners = []; }
    addEventListener(type, fn) { this.listeners.push([type, fn]); }
    removeEventListener() {}
    dispatchEvent(event) { for (const [type, fn] of this.listeners) if (type === event.type) fn(event); return true; }
  };
  globalThis.Event = class Event { constructor(type) { this.type = type; } };
  globalThis.CustomEvent = class CustomEvent {};
  globalThis.addEventListener = function (type, fn) { if (type === 'message') listeners.push(fn); };
  globalThis.removeEventListener = function (type, fn) { const i = listeners.indexOf(fn); if (i >= 0) listeners.splice(i, 1); };
  globalThis.postMessage = function (message) { host.stray(message); };
  const blobs = new Map();
  let next = 0;
  globalThis.Blob = class Blob { constructor(parts) { this.text = parts.join(''); } };
  globalThis.URL = class URL { static createObjectURL(blob) { const url = 'blob:null/' + (++next); blobs.set(url, blob.text); return url; } };
  globalThis.importScripts = function (url) { host.evaluate(blobs.get(url), url); };
  globalThis.MessagePort = class MessagePort { constructor(sink) { this.sink = sink; } postMessage(m) { this.sink(m); } };
  globalThis.setTimeout = function (fn, ms) { return host.setTimeout(fn, ms); };
  globalThis.clearTimeout = function (t) { host.clearTimeout(t); };
  globalThis.setInterval = function (fn, ms) { return host.setInterval(fn, ms); };
  globalThis.clearInterval = function (t) { host.clearInterval(t); };
  globalThis.structuredClone = function (x) { return host.clone(x); };
  globalThis.queueMicrotask = function (fn) { Promise.resolve().then(fn); };
  globalThis.performance = { now: function () { return host.now(); } };
  globalThis.crypto = { getRandomValues: function (a) { for (let i = 0; i < a.length; i++) a[i] = host.random(); return a; } };
  globalThis.console = { log() {}, info() {}, warn() {}, error() {}, debug() {} };
  return {
    // What the frame does at spawn: the worker's end of the page's channel, on the worker's own message.
    connect(sink) { const port = new MessagePort(sink); const event = { data: { type: 'connect' }, ports: [port] }; for (const l of listeners.slice()) l(event); return port; },
    // What the page does for a run: the request on that channel.
    request(port, data) { if (typeof port.onmessage === 'function') port.onmessage({ data: host.clone(data) }); },
  };
})`;

/** Compiles `solution` (a single-file problem's solution.ts) and `tests` like the runner and runs them in a fresh simulated worker. */
export async function runInSimulatedWorker(
  solution: string,
  tests: string,
  options: { deadlineMs?: number; testTimeoutMs?: number } = {},
): Promise<SimulatedRun> {
  const compiled = await compiler.compile({ files: { 'solution.ts': solution }, tests, testFileName: 'hidden.test.ts' });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  workerScript ??= bundleBoth(process.cwd()).then((b) => {
    const m = /export const testWorkerScript = (".*");$/m.exec(b.code);
    if (!m?.[1]) throw new Error('no worker script');
    return JSON.parse(m[1]) as string;
  });
  const script = await workerScript;
  const context = vm.createContext({});
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const strayMessages: unknown[] = [];
  const host = {
    stray: (m: unknown) => strayMessages.push(structuredClone(m)),
    evaluate: (code: string, url: string) => vm.runInContext(code, context, { filename: url }),
    setTimeout: (fn: () => void, ms: number) => {
      const t = setTimeout(() => {
        timers.delete(t);
        fn();
      }, ms);
      timers.add(t);
      return t;
    },
    clearTimeout: (t: ReturnType<typeof setTimeout>) => clearTimeout(t),
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (t: ReturnType<typeof setInterval>) => clearInterval(t),
    now: () => performance.now(),
    random: () => Math.floor(Math.random() * 2 ** 32),
    clone: (x: unknown) => structuredClone(x),
  };
  const shims = (
    vm.runInContext(SHIMS, context) as (h: typeof host) => {
      connect(sink: (m: unknown) => void): object;
      request(port: object, data: unknown): void;
    }
  )(host);
  vm.runInContext(script, context, { filename: 'test-worker.js' });
  const events: WorkerEvent[] = [];
  const messages: unknown[] = [];
  const ended = await new Promise<boolean>((resolve) => {
    const deadline = setTimeout(() => resolve(false), options.deadlineMs ?? 10_000);
    const port = shims.connect((m) => {
      const message = structuredClone(m);
      messages.push(message);
      const batch = workerEventsOf(message);
      if (!batch) throw new Error(`not a worker message: ${JSON.stringify(message)}`);
      events.push(...batch);
      if (batch.some(isRunOver)) {
        clearTimeout(deadline);
        resolve(true);
      }
    });
    shims.request(port, {
      type: 'run',
      id: 1,
      solutionCode: compiled.project.code,
      testsCode: compiled.tests.code,
      testTimeoutMs: options.testTimeoutMs ?? 2000,
    });
  });
  for (const t of timers) clearTimeout(t);
  return { events, messages, strayMessages, ended };
}
