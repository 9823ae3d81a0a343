/**
 * Page ⇄ import worker. Discriminated on `type`; every message carries the request's `id`. The worker
 * runs only our code, on untrusted bytes: its replies are shape-checked at the envelope, and their
 * content is what core/bundle/parseBundle.ts already validated.
 *
 * One check: the page sends the chosen File (a handle; the worker reads the bytes itself), the worker
 * answers with progress, then the event log in chunks (each one short to deserialise on the page),
 * then the rest of the session with each recording as a Blob; or with a refusal.
 */
import type { BundleErrorCode } from '../../../core/bundle/errors';
import type { ParsedBundle } from '../../../core/bundle/parseBundle';
import type { ImportStage } from '../../../core/bundle/progress';
import type { SessionEvent } from '../../../core/session/types';

export type ImportRequest = { type: 'check'; id: number; file: Blob; knownProblemIds: string[] };

/** The checked session without its log (sent before, in chunks), each recording already a Blob. */
export type CheckedBundle = Omit<ParsedBundle, 'events' | 'audio'> & { audio: { index: number; mimeType: string; blob: Blob }[] };

export type ImportResponse =
  | { type: 'progress'; id: number; stage: ImportStage; fraction: number }
  /** The next chunk of the log, in order; `total`: events in the whole log. */
  | { type: 'events'; id: number; events: SessionEvent[]; total: number }
  | { type: 'checked'; id: number; bundle: CheckedBundle; eventCount: number }
  /** The bundle is bad: the message says why, for the person. */
  | { type: 'refused'; id: number; code: BundleErrorCode; message: string }
  /** The check itself failed (out of memory, a bug): not the bundle's fault as far as we know. */
  | { type: 'internal-error'; id: number; message: string };

/** Log events per 'events' message: a few ms to deserialise on the page even for large events. */
export const EVENTS_PER_MESSAGE = 4_000;

/** The page gives up on a worker that sends nothing (not even progress) for this long. */
export const IMPORT_STALL_LIMIT_MS = 60_000;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null;
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const STAGES: readonly string[] = ['reading', 'files', 'session', 'log', 'audio', 'receiving', 'saving'];

export function isImportRequest(x: unknown): x is ImportRequest {
  return isObj(x) && x.type === 'check' && isNum(x.id) && x.file instanceof Blob && Array.isArray(x.knownProblemIds) && x.knownProblemIds.every(isStr);
}

function isCheckedBundle(x: unknown): x is CheckedBundle {
  return isObj(x) && isObj(x.session) && isObj(x.problem) && isObj(x.manifest) && Array.isArray(x.levels) && Array.isArray(x.audio) && x.audio.every((a) => isObj(a) && a.blob instanceof Blob);
}

export function isImportResponse(x: unknown): x is ImportResponse {
  if (!isObj(x) || !isNum(x.id)) return false;
  switch (x.type) {
    case 'progress':
      return isStr(x.stage) && STAGES.includes(x.stage) && isNum(x.fraction);
    case 'events':
      return Array.isArray(x.events) && isNum(x.total);
    case 'checked':
      return isCheckedBundle(x.bundle) && isNum(x.eventCount);
    case 'refused':
      return isStr(x.code) && isStr(x.message);
    case 'internal-error':
      return isStr(x.message);
    default:
      return false;
  }
}
