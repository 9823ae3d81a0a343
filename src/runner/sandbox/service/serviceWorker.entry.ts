/**
 * The TypeScript service worker's classic script (bundled at build time by scripts/vite/sandboxBundlePlugin.ts,
 * created from a Blob by the sandbox frame: no network, no storage). It runs ONE service: the candidate's
 * project, bundled as for a run, whose entry module's `startService({ disk, clock })` is called once; then
 * each request on the channel goes to the service's `handle`, its background work to `idle()`
 * (docs/decisions/api-scenarios.md). It never reports a verdict, and a run never uses it.
 *
 * Everything it needs is captured before the candidate's code exists: the channel's postMessage (user code
 * never holds the port), importScripts, the clock. After every request it sends the disk's changed files
 * back, so the page keeps them for the next worker (a restart, a time-out, a code change).
 */
import initSqlJs from 'sql.js';
import { PROJECT_MODULES } from '../../compile/moduleShims';
import { applyDiskChanges, diskChanges, type DiskFiles } from '../../service/disk';
import { checkResponse } from '../../service/response';
import { ConsoleBuffer } from '../../service/serviceConsole';
import { isWorkerConnect, SOLUTION_GLOBAL } from '../protocol';
import { defineProjectClaim, projectModules } from '../projectClaim';
import { isHostToService, type HostToService, type ServiceError, type ServiceStart, type ServiceToHost } from '../serviceProtocol';
import { sqlJsSlot } from '../sqlJs';
import { formatConsoleArgs } from '../worker/inspect';
import { buildProjectScript } from '../worker/runScript';
import { serializeError, type ScriptLocation } from '../worker/serializeError';

type TsStart = Extract<ServiceStart, { language: 'typescript' }>;

interface Service {
  handle(request: unknown): unknown;
  idle?(): unknown;
}

const apply = Reflect.apply;
const portPost = MessagePort.prototype.postMessage;
const load = importScripts;
const perf = performance;
const perfNow = perf.now;
const now = (): number => apply(perfNow, perf, []);
const createUrl = URL.createObjectURL;
const BlobCtor = Blob;
const fill = crypto.getRandomValues.bind(crypto);
const tools = { apply, defineProperty: Object.defineProperty };

const sqlJs = sqlJsSlot(initSqlJs);
const modules = projectModules({ 'sql.js': sqlJs.module }, PROJECT_MODULES);
const output = new ConsoleBuffer();
/** The disk as the service sees it, and as the page last heard of it. */
const disk: DiskFiles = new Map();
const told: DiskFiles = new Map();
let service: Service | null = null;
let where: ScriptLocation | null = null;
let started = false;

captureConsole();
const scope = self as unknown as { addEventListener: typeof addEventListener; removeEventListener: typeof removeEventListener };
scope.addEventListener('error', (event: ErrorEvent) => {
  event.preventDefault(); // an error thrown in a timer is printed, as Node would, and the service stays up
  output.push('error', `Uncaught ${String(event.message)}`);
});
scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  output.push('error', `Unhandled rejection: ${formatConsoleArgs([event.reason])}`);
});
const onConnect = (event: MessageEvent) => {
  const port = event.ports[0];
  if (!isWorkerConnect(event.data) || !port) return;
  scope.removeEventListener('message', onConnect);
  const send = (message: ServiceToHost, transfer: Transferable[] = []) => apply(portPost, port, [message, transfer]);
  let queue: Promise<void> = Promise.resolve();
  port.onmessage = (message: MessageEvent) => {
    const data: unknown = message.data;
    if (!isHostToService(data)) return;
    // One at a time, in order (the page sends one at a time too).
    queue = queue.then(() => handle(data, send)).catch(() => undefined);
  };
};
scope.addEventListener('message', onConnect);

async function handle(message: HostToService, send: (message: ServiceToHost, transfer?: Transferable[]) => void): Promise<void> {
  if (message.type === 'start') {
    if (message.language !== 'typescript' || started) return;
    started = true;
    const error = await start(message);
    send(error ? { type: 'start-failed', error, console: output.take() } : { type: 'started', console: output.take() });
    return;
  }
  if (!service) return;
  let outcome: { response: unknown } | { error: ServiceError };
  try {
    outcome = { response: await apply(service.handle, service, [message.request]) };
  } catch (err) {
    outcome = { error: describe(err) };
  }
  const checked = 'response' in outcome ? checkResponse(outcome.response) : null;
  await idle();
  const changes = diskChanges(told, disk);
  applyDiskChanges(told, changes);
  const transfer = changes.changed.map(([, bytes]) => bytes);
  if (checked?.ok) send({ type: 'reply', id: message.id, response: checked.response, console: output.take(), disk: changes }, transfer);
  else {
    const error = checked ? { message: checked.message } : 'error' in outcome ? outcome.error : { message: 'no answer' };
    send({ type: 'request-failed', id: message.id, error, console: output.take(), disk: changes }, transfer);
  }
}

/** Loads the project and starts its service; the failure, when it does not start. */
async function start(message: TsStart): Promise<ServiceError | null> {
  if (message.sqlWasm) sqlJs.provide(message.sqlWasm);
  applyDiskChanges(disk, message.disk);
  applyDiskChanges(told, message.disk);
  const secret = Array.from(fill(new Uint32Array(4)), (n) => n.toString(36)).join('-');
  const script = buildProjectScript(message.code, secret);
  const url = apply(createUrl, URL, [new BlobCtor([script.code], { type: 'text/javascript' })]);
  where = { url, solutionOffset: script.solutionOffset, solutionLines: script.solutionLines, testsOffset: Number.POSITIVE_INFINITY };
  defineProjectClaim(globalThis, tools, secret, modules);
  try {
    apply(load, undefined, [url]);
    const exports = (globalThis as unknown as Record<string, Record<string, Record<string, unknown>> | undefined>)[SOLUTION_GLOBAL];
    const startService = exports?.[message.entry]?.startService;
    if (typeof startService !== 'function') return { message: `${message.entry} does not export a function startService.` };
    const began = now();
    const env = Object.freeze({ disk: diskApi(), clock: Object.freeze({ now: () => now() - began }) });
    const made: unknown = await apply(startService, undefined, [env]);
    if (typeof made !== 'object' || made === null || typeof (made as Service).handle !== 'function') {
      return { message: `startService in ${message.entry} did not give a service with a handle(request) method.` };
    }
    service = made as Service;
    return null;
  } catch (err) {
    return describe(err);
  }
}

/** The background work due now; its failure is printed, never the request's. */
async function idle(): Promise<void> {
  if (!service || typeof service.idle !== 'function') return;
  try {
    await apply(service.idle, service, []);
  } catch (err) {
    const error = describe(err);
    output.push('error', `idle() failed: ${error.stack ?? error.message}`);
  }
}

/** The service's disk: whole files by name, kept as copies so later changes to the caller's bytes do not leak in. */
function diskApi(): { read(name: string): Uint8Array | undefined; write(name: string, bytes: Uint8Array): void } {
  return Object.freeze({
    read: (name: string) => {
      const bytes = disk.get(String(name));
      return bytes ? bytes.slice() : undefined;
    },
    write: (name: string, bytes: Uint8Array) => {
      if (typeof name !== 'string' || name.length === 0 || name.length > 200)
        throw new TypeError('disk.write: a file name is 1 to 200 characters.');
      if (!(bytes instanceof Uint8Array)) throw new TypeError('disk.write: the contents must be a Uint8Array.');
      disk.set(name, bytes.slice());
    },
  });
}

function describe(err: unknown): ServiceError {
  const s = serializeError(err, where);
  return { message: `${s.name}: ${s.message}`, ...(s.stack ? { stack: s.stack } : {}) };
}

function captureConsole(): void {
  const target = console as unknown as Record<string, (...args: unknown[]) => void>;
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
    target[level] = (...args) => output.push(level, formatConsoleArgs(args));
  target.dir = (...args) => output.push('log', formatConsoleArgs(args));
  target.table = (...args) => output.push('log', formatConsoleArgs(args));
  target.trace = (...args) => output.push('debug', formatConsoleArgs(args));
}
