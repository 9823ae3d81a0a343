/**
 * An HTTP exchange with the candidate's service in an API scenario (docs/decisions/api-scenarios.md).
 * Plain data on purpose: the Requests pane builds these, the runner carries them across the sandbox
 * boundary, the session log and the bundle store them, and replay shows them — no class survives all four.
 */

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A header as sent or received: name as written, value as written; order and repeats are kept. */
export type HttpHeader = readonly [name: string, value: string];

export interface HttpRequest {
  method: HttpMethod;
  /** The path with its query string, e.g. '/users/7?fields=email'; always starts with '/'. */
  path: string;
  headers: readonly HttpHeader[];
  /** The body as text ('' when none); JSON bodies are sent as their text with content-type application/json. */
  body: string;
}

export interface HttpResponse {
  status: number;
  headers: readonly HttpHeader[];
  /** The body as text, cut to MAX_RESPONSE_BODY characters when `truncated`. */
  body: string;
  truncated: boolean;
}

/** A response body longer than this is cut, with a note, before it leaves the sandbox (1 MiB of text). */
export const MAX_RESPONSE_BODY = 1024 * 1024;

/** What one Send produced: the runner's answer to a request, as the pane and the log keep it. */
export type RequestOutcome =
  /** The service answered (any status, 404 and 500 included: those are the framework's answers). */
  | { kind: 'response'; response: HttpResponse; ms: number }
  /** The handler did not answer within the deadline; the service was stopped and starts afresh on the next Send. */
  | { kind: 'timed-out'; ms: number }
  /** The service could not start or crashed outside a handler (compile error, import error, a throw at start-up). */
  | { kind: 'error'; message: string; file?: string; line?: number };
