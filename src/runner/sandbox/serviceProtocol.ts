/**
 * The service half of the sandbox protocol (docs/decisions/api-scenarios.md): a candidate's web service that
 * stays up between requests, in a worker of its own that never serves a Run or a Submit.
 *
 *   main page → frame     `service-spawn` (a worker for service number `service`: TypeScript's service
 *                         script, or a Python interpreter restored from the snapshot), `service-stop`
 *   frame → main page     `service-port` (transfers the page's end of the worker's channel),
 *                         `service-failed` (no worker could be made), `service-died` (the worker died by itself)
 *   main page ⇄ worker    on that channel only (user code never holds it): `start` then `request`s;
 *                         the worker answers `started` / `start-failed`, then one `reply` or `request-failed`
 *                         per request, each carrying the console lines and the disk's changed files.
 */
import { isObject as isObj } from '../../core/records/guards';
import { HTTP_METHODS, type HttpRequest, type HttpResponse } from '../../core/api/http';
import { isValidPath } from '../../core/files/paths';
import type { Language } from '../../core/languages/registry';
import type { ConsoleLine } from '../types';
import { isNum, isStr } from './protocol';

// ---------------------------------------------------------------------------------------------------------
// page ⇄ frame

export type HostToFrameService =
  /** `workerScript` (TypeScript's service worker) the first time only; Python's worker comes from its pool. */
  { type: 'service-spawn'; service: number; language: Language; workerScript?: string } | { type: 'service-stop'; service: number };

export type FrameToHostService =
  | { type: 'service-port'; service: number }
  | { type: 'service-failed'; service: number; message: string }
  | { type: 'service-died'; service: number; message: string };

// ---------------------------------------------------------------------------------------------------------
// page ⇄ service worker (the channel), and frame → Python worker (`serve`, carrying the worker's end)

/** The disk's files that changed since the host last heard: new bytes, or gone. */
export interface DiskChanges {
  changed: [name: string, bytes: ArrayBuffer][];
  removed: string[];
}

export type ServiceStart =
  /** The project bundled as for a run (compile/projectBuild.ts); `entry` is the module whose startService runs. */
  | { type: 'start'; language: 'typescript'; code: string; entry: string; disk: DiskChanges; sqlWasm?: ArrayBuffer }
  /** The project's files, written and screened as for a run; `entry` is the module with start_service. */
  | { type: 'start'; language: 'python'; files: Record<string, string>; entry: string; disk: DiskChanges };

export type HostToService = ServiceStart | { type: 'request'; id: number; request: HttpRequest };

/** A failure in the candidate's code: the message, and the stack as the worker saw it (mapped by the page). */
export interface ServiceError {
  message: string;
  stack?: string;
}

export type ServiceToHost =
  | { type: 'started'; console: ConsoleLine[] }
  | { type: 'start-failed'; error: ServiceError; console: ConsoleLine[] }
  | { type: 'reply'; id: number; response: HttpResponse; console: ConsoleLine[]; disk: DiskChanges }
  | { type: 'request-failed'; id: number; error: ServiceError; console: ConsoleLine[]; disk: DiskChanges };

/** Frame → Python worker: serve a service on this message's port (instead of one run). */
export interface PythonServe {
  type: 'serve';
}

// ---------------------------------------------------------------------------------------------------------
// Structural guards

const LEVELS: readonly unknown[] = ['log', 'info', 'warn', 'error', 'debug'];

function isConsole(x: unknown): x is ConsoleLine[] {
  return Array.isArray(x) && x.every((l) => isObj(l) && LEVELS.includes(l.level) && isStr(l.text));
}

const isHeaders = (x: unknown): boolean =>
  Array.isArray(x) && x.every((h) => Array.isArray(h) && h.length === 2 && isStr(h[0]) && isStr(h[1]));

/**
 * A disk's file names come back from the candidate's service, and the page hands them to the next service,
 * which writes them under its data folder: each must be a plain relative path (core/files/paths.ts), so no
 * name can reach outside that folder (e.g. into the code the screen has already passed).
 */
export function isDiskChanges(x: unknown): x is DiskChanges {
  return (
    isObj(x) &&
    Array.isArray(x.changed) &&
    x.changed.every((f) => Array.isArray(f) && f.length === 2 && isValidPath(f[0]) && f[1] instanceof ArrayBuffer) &&
    Array.isArray(x.removed) &&
    x.removed.every((name) => isValidPath(name))
  );
}

export function isHttpRequest(x: unknown): x is HttpRequest {
  return (
    isObj(x) &&
    (HTTP_METHODS as readonly unknown[]).includes(x.method) &&
    isStr(x.path) &&
    x.path.startsWith('/') &&
    isHeaders(x.headers) &&
    isStr(x.body)
  );
}

function isResponse(x: unknown): x is HttpResponse {
  return isObj(x) && isNum(x.status) && isHeaders(x.headers) && isStr(x.body) && typeof x.truncated === 'boolean';
}

const isError = (x: unknown): x is ServiceError => isObj(x) && isStr(x.message) && (x.stack === undefined || isStr(x.stack));

export function isHostToFrameService(x: unknown): x is HostToFrameService {
  if (!isObj(x) || !isNum(x.service)) return false;
  if (x.type === 'service-stop') return true;
  return (
    x.type === 'service-spawn' &&
    (x.language === 'typescript' || x.language === 'python') &&
    (x.workerScript === undefined || isStr(x.workerScript))
  );
}

export function isFrameToHostService(x: unknown): x is FrameToHostService {
  if (!isObj(x) || !isNum(x.service)) return false;
  if (x.type === 'service-port') return true;
  return (x.type === 'service-failed' || x.type === 'service-died') && isStr(x.message);
}

export function isHostToService(x: unknown): x is HostToService {
  if (!isObj(x)) return false;
  if (x.type === 'request') return isNum(x.id) && isHttpRequest(x.request);
  if (x.type !== 'start' || !isStr(x.entry) || !isDiskChanges(x.disk)) return false;
  if (x.language === 'typescript') return isStr(x.code) && (x.sqlWasm === undefined || x.sqlWasm instanceof ArrayBuffer);
  return x.language === 'python' && isObj(x.files) && Object.values(x.files).every(isStr);
}

export function isServiceToHost(x: unknown): x is ServiceToHost {
  if (!isObj(x) || !isConsole(x.console)) return false;
  switch (x.type) {
    case 'started':
      return true;
    case 'start-failed':
      return isError(x.error);
    case 'reply':
      return isNum(x.id) && isResponse(x.response) && isDiskChanges(x.disk);
    case 'request-failed':
      return isNum(x.id) && isError(x.error) && isDiskChanges(x.disk);
    default:
      return false;
  }
}

export function isPythonServe(x: unknown): x is PythonServe {
  return isObj(x) && x.type === 'serve';
}
