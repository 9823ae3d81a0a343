/**
 * A service's answer as the Requests pane (and replay) shows it: the status with its reason phrase, the
 * headers, the body pretty-printed when it is JSON, and a note when the sandbox cut it. Pure.
 */
import { MAX_RESPONSE_BODY, type HttpResponse, type RequestOutcome } from './http';

const REASONS: Readonly<Record<number, string>> = {
  100: 'Continue',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** "429 Too Many Requests"; a status without a standard phrase is shown alone ("299"). */
export function statusLine(status: number): string {
  const reason = REASONS[status];
  return reason ? `${status} ${reason}` : String(status);
}

/** The class of a status, for colouring: 2xx ok, 4xx client, 5xx server, anything else other. */
export function statusClass(status: number): 'ok' | 'client' | 'server' | 'other' {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 400 && status < 500) return 'client';
  if (status >= 500 && status < 600) return 'server';
  return 'other';
}

/** Bodies longer than this are shown as they came: pretty-printing them would only cost time. */
const PRETTY_LIMIT = 200_000;

const isJsonType = (response: HttpResponse) => response.headers.some(([n, v]) => n.toLowerCase() === 'content-type' && /\bjson\b/i.test(v));

/** The body to show: indented JSON when the response says it is JSON and it parses; else the text as sent. */
export function displayBody(response: HttpResponse): string {
  const { body } = response;
  if (response.truncated || body.length > PRETTY_LIMIT || !isJsonType(response)) return body;
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function truncationNote(response: HttpResponse): string | null {
  // Cut in the sandbox at MAX_RESPONSE_BODY, or in the log (core/api/loggedRequest.ts) at less: say how much is kept.
  return response.truncated
    ? `The body was longer than this: only its first ${response.body.length.toLocaleString('en')} characters are shown (the sandbox keeps at most ${MAX_RESPONSE_BODY.toLocaleString('en')}).`
    : null;
}

/** One line for an outcome (history, console, replay): "201 Created · 12 ms", "timed out after 2000 ms", "error". */
export function outcomeSummary(outcome: RequestOutcome): string {
  if (outcome.kind === 'response') return `${statusLine(outcome.response.status)} · ${Math.round(outcome.ms)} ms`;
  if (outcome.kind === 'timed-out') return `timed out after ${Math.round(outcome.ms)} ms`;
  return `error: ${outcome.message.split('\n')[0]!.slice(0, 200)}`;
}
