/**
 * How much of an HTTP exchange the session log keeps. The request is already bounded by parseRequest; the
 * response is whatever the candidate's service returned, so it is cut here before it is logged (a 1 MiB
 * body per Send would swell the log and the bundle), and the restore guards hold every stored exchange to
 * the same limits.
 */
import type { HttpHeader, HttpResponse, RequestOutcome } from './http';

/** A response body in the log keeps at most this many characters (the pane shows the full one live). */
export const LOGGED_RESPONSE_BODY = 64 * 1024;
/** Response headers beyond this many are not logged; names and values are cut to LOGGED_HEADER_TEXT. */
export const LOGGED_RESPONSE_HEADERS = 100;
export const LOGGED_HEADER_TEXT = 8 * 1024;
/** An error's message in the log (a stack trace, a compiler's output) keeps at most this many characters. */
export const LOGGED_ERROR_MESSAGE = 4000;

const cutHeader = ([name, value]: HttpHeader): HttpHeader => [name.slice(0, LOGGED_HEADER_TEXT), value.slice(0, LOGGED_HEADER_TEXT)];

function loggedResponse(response: HttpResponse): HttpResponse {
  const cut = response.body.length > LOGGED_RESPONSE_BODY;
  return {
    status: response.status,
    headers: response.headers.slice(0, LOGGED_RESPONSE_HEADERS).map(cutHeader),
    body: cut ? response.body.slice(0, LOGGED_RESPONSE_BODY) : response.body,
    truncated: response.truncated || cut,
  };
}

/** The outcome as the log keeps it: bounded in every field. */
export function loggedOutcome(outcome: RequestOutcome): RequestOutcome {
  if (outcome.kind === 'response') return { kind: 'response', response: loggedResponse(outcome.response), ms: outcome.ms };
  if (outcome.kind === 'timed-out') return outcome;
  return { ...outcome, message: outcome.message.slice(0, LOGGED_ERROR_MESSAGE) };
}
