/**
 * A Python service in its own restored interpreter (docs/decisions/api-scenarios.md): the worker serves ONE
 * service instead of one run, and the frame terminates it when the page says so. Before any of the candidate's
 * code exists here the project's paths are checked and screen.py reads every Python file, as for a run; then
 * the files are written, the disk is seeded under /service-data, the entry module is imported and its
 * `start_service(data_dir='/service-data', clock=…)` called once. Each request goes to `handle` (a plain
 * function or a coroutine), then `idle()`; the reply carries the disk's changed files and what was printed.
 */
import type { PyodideAPI } from 'pyodide';
import { applyDiskChanges, diskChanges, type DiskFiles } from '../../service/disk';
import { checkResponse } from '../../service/response';
import { ConsoleBuffer } from '../../service/serviceConsole';
import {
  isHostToService,
  type HostToService,
  type ServiceError,
  type ServiceStart,
  type ServiceToHost,
} from '../../sandbox/serviceProtocol';
import { folderOf, projectFilesProblem, pythonSources } from './projectFiles';

export const SERVICE_DATA_DIR = '/service-data';
const APP_DIR = '/service/app';

type PyStart = Extract<ServiceStart, { language: 'python' }>;

/** A Python object as Pyodide hands it to JavaScript (a PyProxy); only what is used here. */
interface PyObject {
  toJs?(options: { dict_converter: (entries: Iterable<[string, unknown]>) => unknown; create_pyproxies: boolean }): unknown;
  destroy?(): void;
  then?: unknown;
}

interface PyService {
  handle(request: unknown): PyObject | undefined;
  idle?(): PyObject | undefined;
}

interface Screen {
  screen_json(source: string): string;
}

/** What the service needs of the worker, captured before any candidate code. */
export interface ServiceTools {
  python: PyodideAPI;
  screen: Screen;
  parse: (text: string) => unknown;
  now: () => number;
  post: (port: MessagePort, message: ServiceToHost, transfer: Transferable[]) => void;
}

export function serveService(tools: ServiceTools, port: MessagePort): void {
  const output = new ConsoleBuffer();
  const told: DiskFiles = new Map();
  let service: PyService | null = null;
  let started = false;
  let queue: Promise<void> = Promise.resolve();
  const send = (message: ServiceToHost, transfer: Transferable[] = []) => tools.post(port, message, transfer);
  tools.python.setStdout({ batched: (line: string) => output.push('log', line) });
  tools.python.setStderr({ batched: (line: string) => output.push('error', line) });

  const handle = async (message: HostToService): Promise<void> => {
    if (message.type === 'start') {
      if (message.language !== 'python' || started) return;
      started = true;
      const result = await start(tools, message, told);
      if ('error' in result) send({ type: 'start-failed', error: result.error, console: output.take() });
      else {
        service = result.service;
        send({ type: 'started', console: output.take() });
      }
      return;
    }
    if (!service) return;
    let answer: { response: unknown } | { error: ServiceError };
    try {
      const request = tools.python.toPy({ ...message.request, headers: message.request.headers.map((h) => [...h]) });
      answer = { response: plain(await settle(service.handle(request))) };
      request.destroy?.();
    } catch (err) {
      answer = { error: pythonError(err) };
    }
    try {
      if (typeof service.idle === 'function') await settle(service.idle());
    } catch (err) {
      output.push('error', `idle() failed: ${pythonError(err).stack ?? ''}`);
    }
    const changes = diskChanges(told, readDisk(tools.python));
    applyDiskChanges(told, changes);
    const transfer = changes.changed.map(([, bytes]) => bytes);
    const checked = 'response' in answer ? checkResponse(answer.response) : null;
    if (checked?.ok) send({ type: 'reply', id: message.id, response: checked.response, console: output.take(), disk: changes }, transfer);
    else {
      const error = checked ? { message: checked.message } : 'error' in answer ? answer.error : { message: 'no answer' };
      send({ type: 'request-failed', id: message.id, error, console: output.take(), disk: changes }, transfer);
    }
  };
  port.onmessage = (event: MessageEvent) => {
    const data: unknown = event.data;
    if (isHostToService(data)) queue = queue.then(() => handle(data)).catch(() => undefined);
  };
}

async function start(tools: ServiceTools, message: PyStart, told: DiskFiles): Promise<{ service: PyService } | { error: ServiceError }> {
  const { python } = tools;
  const refused = projectFilesProblem(message.files);
  if (refused) return { error: { message: refused.replace('The tests cannot run', 'The service cannot start') } };
  for (const [path, text] of pythonSources(message.files)) {
    const findings = tools.parse(tools.screen.screen_json(text)) as { line: number; message: string }[];
    const first = findings[0];
    if (first) {
      return {
        error: {
          message: `${path} can reach the test runner, so it cannot run here: ${first.message}`,
          stack: `Traceback (most recent call last):\n  File "${path}", line ${first.line}, in <module>`,
        },
      };
    }
  }
  python.FS.mkdirTree(APP_DIR);
  for (const [path, text] of Object.entries(message.files)) {
    const folder = folderOf(path);
    if (folder) python.FS.mkdirTree(`${APP_DIR}/${folder}`);
    python.FS.writeFile(`${APP_DIR}/${path}`, text);
  }
  python.FS.mkdirTree(SERVICE_DATA_DIR);
  applyDiskChanges(told, message.disk);
  for (const [name, bytes] of told) {
    const folder = folderOf(name);
    if (folder) python.FS.mkdirTree(`${SERVICE_DATA_DIR}/${folder}`);
    python.FS.writeFile(`${SERVICE_DATA_DIR}/${name}`, bytes);
  }
  try {
    const sys = python.pyimport('sys') as unknown as { path: { insert(i: number, p: string): void } };
    sys.path.insert(0, APP_DIR);
    const module = python.pyimport(message.entry.replace(/\.py$/, '').split('/').join('.')) as unknown as Record<string, unknown>;
    const startService = module.start_service as { callKwargs?: (kwargs: Record<string, unknown>) => unknown } | undefined;
    if (!startService || typeof startService.callKwargs !== 'function') {
      return { error: { message: `${message.entry} has no function start_service.` } };
    }
    const began = tools.now();
    const clock = { now: () => tools.now() - began };
    const made = (await settle(startService.callKwargs({ data_dir: SERVICE_DATA_DIR, clock }) as PyObject)) as PyService | undefined;
    if (!made || typeof made.handle !== 'function') {
      return { error: { message: `start_service in ${message.entry} did not return a service with a handle(request) method.` } };
    }
    return { service: made };
  } catch (err) {
    return { error: pythonError(err) };
  }
}

/** A coroutine's result (Pyodide's proxies of awaitables are thenables), or the value itself. */
async function settle(value: PyObject | undefined): Promise<unknown> {
  if (value && typeof value.then === 'function') return await (value as PromiseLike<unknown>);
  return value;
}

/** A Python response (a dict of str, int and lists) as plain JavaScript values. */
function plain(value: unknown): unknown {
  const proxy = value as PyObject | undefined;
  if (!proxy || typeof proxy.toJs !== 'function') return value;
  const js = proxy.toJs({ dict_converter: (entries) => Object.fromEntries(entries), create_pyproxies: false });
  proxy.destroy?.();
  return js;
}

/** A Python exception: its last line as the message, and its traceback with the project's own paths. */
function pythonError(err: unknown): ServiceError {
  const text = err instanceof Error ? err.message : String(err);
  const stack = text.split(`${APP_DIR}/`).join('');
  const last = stack.trim().split('\n').at(-1) ?? stack;
  return { message: last, stack };
}

/** Every file under the data folder, by its path inside it. */
function readDisk(python: PyodideAPI): DiskFiles {
  const files: DiskFiles = new Map();
  const walk = (dir: string, prefix: string) => {
    for (const name of python.FS.readdir(dir) as string[]) {
      if (name === '.' || name === '..') continue;
      const full = `${dir}/${name}`;
      const stat = python.FS.stat(full) as { mode: number };
      if (python.FS.isDir(stat.mode)) walk(full, `${prefix}${name}/`);
      else if (python.FS.isFile(stat.mode)) files.set(`${prefix}${name}`, python.FS.readFile(full) as Uint8Array);
    }
  };
  walk(SERVICE_DATA_DIR, '');
  return files;
}
