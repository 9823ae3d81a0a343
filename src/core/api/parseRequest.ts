/**
 * The Requests pane's input read into an HttpRequest, or every reason it cannot be sent. Pure: the pane
 * calls it on Send, and nothing reaches the runner (or the log) unless it returns a request.
 */
import { jsonErrorOffset } from './jsonErrorOffset';
import { HTTP_METHODS, type HttpHeader, type HttpMethod, type HttpRequest } from './http';

/** What the person typed, as the pane holds it. */
export interface RequestDraft {
  method: string;
  path: string;
  /** `Name: value` per line; blank lines are ignored. */
  headers: string;
  /** JSON text, or empty for no body. */
  body: string;
}

export interface RequestProblem {
  field: 'method' | 'path' | 'headers' | 'body';
  message: string;
}

export type ParsedRequest = { ok: true; request: HttpRequest } | { ok: false; problems: RequestProblem[] };

/** Limits that keep a pasted novel from reaching the sandbox (and the session log) as a request. */
export const MAX_PATH_LENGTH = 2048;
export const MAX_HEADERS = 100;
export const MAX_HEADER_LINE = 8 * 1024;
export const MAX_REQUEST_BODY = 256 * 1024;

// RFC 9110 §5.6.2: a field name is a token.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Anything below a space (a tab aside) or DEL has no place in a value; a path takes no whitespace at all.
// eslint-disable-next-line no-control-regex
const CONTROL_IN_VALUE = /[\u0000-\u0008\u000a-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const SPACE_OR_CONTROL = /[\s\u0000-\u001f\u007f]/;

const isMethod = (m: string): m is HttpMethod => (HTTP_METHODS as readonly string[]).includes(m);

function checkPath(path: string): string | null {
  if (path === '') return 'Type a path, starting with /: for example /users/7.';
  if (!path.startsWith('/')) return `The path must start with /, e.g. /${path.slice(0, 40)}.`;
  if (path.length > MAX_PATH_LENGTH) return `The path is ${path.length} characters long; at most ${MAX_PATH_LENGTH} are sent.`;
  if (SPACE_OR_CONTROL.test(path)) return 'The path has a space or a control character in it; encode a space as %20.';
  return null;
}

/** Each non-blank line `Name: value`; a problem names the line by its number in the text area. */
export function parseHeaders(text: string): { headers: HttpHeader[]; problems: string[] } {
  const headers: HttpHeader[] = [];
  const problems: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const n = i + 1;
    if (headers.length + problems.length >= MAX_HEADERS) {
      problems.push(`More than ${MAX_HEADERS} header lines (line ${n} and after): send fewer headers.`);
      break;
    }
    if (problems.length >= 5) {
      problems.push(`…and more problems after line ${n}.`);
      break;
    }
    if (line.length > MAX_HEADER_LINE) {
      problems.push(`Header line ${n} is ${line.length} characters long; at most ${MAX_HEADER_LINE} are sent.`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) {
      problems.push(`Header line ${n} has no colon: write it as Name: value.`);
      continue;
    }
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name === '') problems.push(`Header line ${n} has no name before its colon.`);
    else if (!TOKEN.test(name))
      problems.push(`Header line ${n}: “${name.slice(0, 40)}” is not a header name (letters, digits and !#$%&'*+-.^_\`|~ only).`);
    else if (CONTROL_IN_VALUE.test(value)) problems.push(`Header line ${n}: the value has a control character in it.`);
    else headers.push([name, value]);
  }
  return { headers, problems };
}

/** Where a JSON text stops being JSON, as "line L, column C" (1-based). */
function jsonErrorPlace(text: string): string {
  const offset = jsonErrorOffset(text);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function checkBody(body: string): string | null {
  if (body.length > MAX_REQUEST_BODY) return `The body is ${body.length} characters long; at most ${MAX_REQUEST_BODY} are sent.`;
  try {
    JSON.parse(body);
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return `The body is not valid JSON (at ${jsonErrorPlace(body)}): ${message.slice(0, 200)}`;
  }
}

const hasHeader = (headers: readonly HttpHeader[], name: string) => headers.some(([n]) => n.toLowerCase() === name);

export function parseRequest(draft: RequestDraft): ParsedRequest {
  const problems: RequestProblem[] = [];
  const method = draft.method.toUpperCase();
  if (!isMethod(method)) problems.push({ field: 'method', message: `Choose a method: ${HTTP_METHODS.join(', ')}.` });
  const path = draft.path.trim();
  const pathProblem = checkPath(path);
  if (pathProblem) problems.push({ field: 'path', message: pathProblem });
  const { headers, problems: headerProblems } = parseHeaders(draft.headers);
  for (const message of headerProblems) problems.push({ field: 'headers', message });
  const body = draft.body.trim() === '' ? '' : draft.body;
  const bodyProblem = body === '' ? null : checkBody(body);
  if (bodyProblem) problems.push({ field: 'body', message: bodyProblem });
  if (problems.length > 0 || !isMethod(method)) return { ok: false, problems };
  const sent = body !== '' && !hasHeader(headers, 'content-type') ? [...headers, ['Content-Type', 'application/json'] as const] : headers;
  return { ok: true, request: { method, path, headers: sent, body } };
}
