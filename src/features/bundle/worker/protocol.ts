/**
 * Page ⇄ import worker. Discriminated on `type`; every message carries the request's `id`. The worker
 * runs only our code, on untrusted bytes: its replies are shape-checked at the envelope, and their
 * content is what core/bundle/parseBundle.ts already validated.
 *
 * `check`: the page sends the chosen File (a handle; the worker reads the bytes itself); the worker
 * answers with progress, then a summary (the session record, the problem, the review), or a refusal. It
 * keeps the checked bundle. `save`: the worker writes the kept bundle to IndexedDB through
 * storage/importSession.ts (one transaction), so the log's hundreds of thousands of events never exist
 * as objects on the page's thread. `discard`: the person cancelled; the worker drops it.
 */
import type { BundleErrorCode } from '../../../core/bundle/errors';
import { isObject } from '../../../core/records/guards';
import type { ImportStage } from '../../../core/bundle/progress';
import type { ReviewRecord } from '../../../core/review/types';
import type { SessionRecord } from '../../../core/session/types';
import type { ImportMode } from '../../../storage/importSession';

export type ImportRequest =
  | { type: 'check'; id: number; file: Blob; knownProblemIds: string[] }
  | { type: 'save'; id: number; checkId: number; mode: ImportMode }
  | { type: 'discard'; id: number; checkId: number };

/** What the page needs of a checked bundle: enough to name it and to ask about an id collision. */
export interface CheckedSummary {
  /** The `check` request's id: what `save` refers to. */
  checkId: number;
  problem: { id: string; title: string };
  session: SessionRecord;
  review: ReviewRecord | null;
  eventCount: number;
}

export type ImportResponse =
  | { type: 'progress'; id: number; stage: ImportStage; fraction: number }
  | { type: 'checked'; id: number; summary: CheckedSummary }
  /** The bundle is bad: the message says why, for the person. */
  | { type: 'refused'; id: number; code: BundleErrorCode; message: string }
  | { type: 'saved'; id: number; sessionId: string }
  /** The write failed and was rolled back (storage/importSession.ts ImportWriteError). */
  | { type: 'save-failed'; id: number; reason: 'exists' | 'quota' | 'failed'; message: string }
  /** The check itself failed (out of memory, a bug): not the bundle's fault as far as we know. */
  | { type: 'internal-error'; id: number; message: string };

/** The page gives up on a worker that sends nothing (not even progress) for this long. */
export const IMPORT_STALL_LIMIT_MS = 60_000;

const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const STAGES: readonly string[] = ['reading', 'files', 'session', 'log', 'audio', 'saving'];
const MODES: readonly string[] = ['new', 'replace', 'copy'];

export function isImportRequest(x: unknown): x is ImportRequest {
  if (!isObject(x) || !isNum(x.id)) return false;
  if (x.type === 'check') return x.file instanceof Blob && Array.isArray(x.knownProblemIds) && x.knownProblemIds.every(isStr);
  if (x.type === 'save') return isNum(x.checkId) && isStr(x.mode) && MODES.includes(x.mode);
  if (x.type === 'discard') return isNum(x.checkId);
  return false;
}

function isSummary(x: unknown): x is CheckedSummary {
  return (
    isObject(x) &&
    isNum(x.checkId) &&
    isObject(x.problem) &&
    isStr(x.problem.title) &&
    isObject(x.session) &&
    isStr(x.session.id) &&
    isNum(x.session.startedAt) &&
    isNum(x.eventCount)
  );
}

export function isImportResponse(x: unknown): x is ImportResponse {
  if (!isObject(x) || !isNum(x.id)) return false;
  switch (x.type) {
    case 'progress':
      return isStr(x.stage) && STAGES.includes(x.stage) && isNum(x.fraction);
    case 'checked':
      return isSummary(x.summary);
    case 'refused':
      return isStr(x.code) && isStr(x.message);
    case 'saved':
      return isStr(x.sessionId);
    case 'save-failed':
      return (x.reason === 'exists' || x.reason === 'quota' || x.reason === 'failed') && isStr(x.message);
    case 'internal-error':
      return isStr(x.message);
    default:
      return false;
  }
}
