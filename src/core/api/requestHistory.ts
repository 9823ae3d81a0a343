/**
 * The Requests pane's memory for one problem and language: what is typed in it and the requests sent, kept
 * as one draft (`requests/<language>`) so a reload brings both back. Read back strictly: the history's
 * exchanges go through the same restore guard as the session log's request events.
 */
import { isObject } from '../records/guards';
import { restoreRequestEvent } from '../records/restoreRequestEvent';
import type { HttpRequest, RequestOutcome } from './http';
import { loggedOutcome } from './loggedRequest';
import type { RequestDraft } from './parseRequest';

export interface SentRequest {
  /** Wall-clock time of the Send (ms since the epoch). */
  at: number;
  request: HttpRequest;
  outcome: RequestOutcome;
}

export interface RequestMemory {
  draft: RequestDraft;
  /** Oldest first; at most HISTORY_LIMIT. */
  history: SentRequest[];
}

/** The history keeps the last this many requests. */
export const HISTORY_LIMIT = 50;

export const EMPTY_REQUEST_DRAFT: RequestDraft = { method: 'GET', path: '/', headers: '', body: '' };

/** The draft's name within its problem (storage/drafts.ts): no project path starts with 'requests/'. */
export const requestsDraftName = (language: string): string => `requests/${language}`;

/** One more request in the history, its outcome bounded as in the log, the oldest dropped past the limit. */
export function withSent(history: readonly SentRequest[], sent: SentRequest): SentRequest[] {
  return [...history, { ...sent, outcome: loggedOutcome(sent.outcome) }].slice(-HISTORY_LIMIT);
}

export const serialiseRequestMemory = (memory: RequestMemory): string => JSON.stringify({ v: 1, ...memory });

const text = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** The stored memory, or an empty one: a damaged draft loses its unreadable parts, never the page. */
export function parseRequestMemory(stored: string | undefined): RequestMemory {
  let raw: unknown;
  try {
    raw = stored ? JSON.parse(stored) : null;
  } catch {
    raw = null;
  }
  if (!isObject(raw)) return { draft: { ...EMPTY_REQUEST_DRAFT }, history: [] };
  const d = isObject(raw.draft) ? raw.draft : {};
  // What was typed comes back as it was (the pane's checks run again on Send), within generous bounds.
  const draft: RequestDraft = {
    method: text(d.method, 10) || EMPTY_REQUEST_DRAFT.method,
    path: typeof d.path === 'string' ? d.path.slice(0, 10_000) : EMPTY_REQUEST_DRAFT.path,
    headers: text(d.headers, 1_000_000),
    body: text(d.body, 1_000_000),
  };
  const history: SentRequest[] = [];
  for (const h of Array.isArray(raw.history) ? raw.history.slice(-HISTORY_LIMIT) : []) {
    if (!isObject(h) || typeof h.at !== 'number' || !Number.isFinite(h.at)) continue;
    const event = restoreRequestEvent(0, h);
    if (event) history.push({ at: h.at, request: event.request, outcome: event.outcome });
  }
  return { draft, history };
}
