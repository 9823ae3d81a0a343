/**
 * An API scenario's Send as the log keeps it, restored strictly: every field checked and held to the limits
 * the pane and the log write with (core/api/parseRequest.ts, core/api/loggedRequest.ts). A request that
 * fails any check is dropped whole: a half-restored exchange would show a response to a request never sent.
 */
import { HTTP_METHODS, type HttpHeader, type HttpMethod, type HttpRequest, type HttpResponse, type RequestOutcome } from '../api/http';
import { LOGGED_ERROR_MESSAGE, LOGGED_HEADER_TEXT, LOGGED_RESPONSE_BODY, LOGGED_RESPONSE_HEADERS } from '../api/loggedRequest';
import { MAX_HEADER_LINE, MAX_HEADERS, MAX_PATH_LENGTH, MAX_REQUEST_BODY } from '../api/parseRequest';
import { isValidPath } from '../files/paths';
import type { RequestEvent } from '../session/types';
import { isFiniteNumber, isObject, type Loose } from './guards';

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

function restoreHeaders(v: unknown, maxCount: number, maxText: number): HttpHeader[] | null {
  if (!Array.isArray(v) || v.length > maxCount) return null;
  const headers: HttpHeader[] = [];
  for (const h of v) {
    if (!Array.isArray(h) || h.length !== 2 || !isText(h[0], maxText) || !isText(h[1], maxText) || h[0] === '') return null;
    headers.push([h[0], h[1]]);
  }
  return headers;
}

function restoreRequest(v: unknown): HttpRequest | null {
  if (!isObject(v) || !(HTTP_METHODS as readonly unknown[]).includes(v.method)) return null;
  if (!isText(v.path, MAX_PATH_LENGTH) || !v.path.startsWith('/') || /\s/.test(v.path)) return null;
  if (!isText(v.body, MAX_REQUEST_BODY)) return null;
  const headers = restoreHeaders(v.headers, MAX_HEADERS + 1, MAX_HEADER_LINE); // + the content-type the pane adds
  return headers ? { method: v.method as HttpMethod, path: v.path, headers, body: v.body } : null;
}

const isMs = (v: unknown): v is number => isFiniteNumber(v) && v >= 0;

function restoreResponse(v: unknown): HttpResponse | null {
  if (!isObject(v) || !Number.isInteger(v.status) || (v.status as number) < 100 || (v.status as number) > 599) return null;
  if (!isText(v.body, LOGGED_RESPONSE_BODY) || typeof v.truncated !== 'boolean') return null;
  const headers = restoreHeaders(v.headers, LOGGED_RESPONSE_HEADERS, LOGGED_HEADER_TEXT);
  return headers ? { status: v.status as number, headers, body: v.body, truncated: v.truncated } : null;
}

function restoreOutcome(v: unknown): RequestOutcome | null {
  if (!isObject(v)) return null;
  if (v.kind === 'response') {
    const response = restoreResponse(v.response);
    return response && isMs(v.ms) ? { kind: 'response', response, ms: v.ms } : null;
  }
  if (v.kind === 'timed-out') return isMs(v.ms) ? { kind: 'timed-out', ms: v.ms } : null;
  if (v.kind !== 'error' || !isText(v.message, LOGGED_ERROR_MESSAGE)) return null;
  const error: RequestOutcome = { kind: 'error', message: v.message };
  if (v.file !== undefined) {
    if (!isValidPath(v.file)) return null;
    error.file = v.file;
  }
  if (v.line !== undefined) {
    if (!Number.isInteger(v.line) || (v.line as number) < 1) return null;
    error.line = v.line as number;
  }
  return error;
}

export function restoreRequestEvent(t: number, v: Loose): RequestEvent | null {
  const request = restoreRequest(v.request);
  const outcome = request && restoreOutcome(v.outcome);
  return request && outcome ? { t, type: 'request', request, outcome } : null;
}
