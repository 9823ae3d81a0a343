/**
 * What the candidate's `handle` returned → the HttpResponse that leaves the sandbox (core/api/http.ts):
 * checked, and its body cut to MAX_RESPONSE_BODY characters with `truncated` set. Runs in the service
 * worker, so an oversized body never crosses a boundary. Pure.
 */
import { MAX_RESPONSE_BODY, type HttpHeader, type HttpResponse } from '../../core/api/http';

export type ResponseCheck = { ok: true; response: HttpResponse } | { ok: false; message: string };

const MAX_HEADERS = 200;
const MAX_HEADER_LENGTH = 8_192;

export function checkResponse(raw: unknown, limit = MAX_RESPONSE_BODY): ResponseCheck {
  if (typeof raw !== 'object' || raw === null) return refuse(`it returned ${describe(raw)}`);
  const { status, headers, body } = raw as Record<string, unknown>;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return refuse(`its status ${describe(status)} is not an HTTP status (an integer from 100 to 599)`);
  }
  const checkedHeaders = checkHeaders(headers);
  if (typeof checkedHeaders === 'string') return refuse(checkedHeaders);
  const text = body === undefined || body === null ? '' : body;
  if (typeof text !== 'string') return refuse(`its body is ${describe(body)}, not text`);
  const truncated = text.length > limit;
  return { ok: true, response: { status, headers: checkedHeaders, body: truncated ? text.slice(0, limit) : text, truncated } };
}

function checkHeaders(headers: unknown): HttpHeader[] | string {
  if (headers === undefined || headers === null) return [];
  if (!Array.isArray(headers)) return `its headers are ${describe(headers)}, not a list of [name, value] pairs`;
  if (headers.length > MAX_HEADERS) return `it has ${headers.length} headers (at most ${MAX_HEADERS})`;
  const out: HttpHeader[] = [];
  for (const header of headers as unknown[]) {
    if (!Array.isArray(header) || header.length !== 2 || typeof header[0] !== 'string' || typeof header[1] !== 'string') {
      return `a header is ${describe(header)}, not a [name, value] pair of strings`;
    }
    const [name, value] = header as [string, string];
    out.push([name.slice(0, MAX_HEADER_LENGTH), value.slice(0, MAX_HEADER_LENGTH)]);
  }
  return out;
}

const refuse = (why: string): ResponseCheck => ({ ok: false, message: `The service's answer is not a response: ${why}.` });

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  return typeof x === 'object' ? 'an object' : typeof x;
}
