/**
 * Requests and responses as handlers see them. A request arrives as plain data (method, path with its
 * query, headers as [name, value] pairs, body text) and leaves as plain data; in between, handlers and
 * middleware work with the `Request` and `Response` classes below.
 */

/** A header as sent or received: [name, value]; names compare without regard to case. */
export type Header = [name: string, value: string];

/** A request as the service receives it (the shape of the Requests pane's request). */
export interface RawRequest {
  method: string;
  /** The path with its query string, e.g. '/users/7?verbose=1'. */
  path: string;
  headers: readonly (readonly [string, string])[];
  body: string;
}

/** A response as the service answers it. */
export interface RawResponse {
  status: number;
  headers: Header[];
  body: string;
}

/** Thrown by a handler (or middleware) to answer with `status` and a JSON body `{"error": message}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class Request {
  readonly method: string;
  /** The path without its query string, e.g. '/users/7'. */
  readonly path: string;
  /** The query string's parameters; a repeated name keeps its last value. */
  readonly query: Record<string, string>;
  /** The matched route's `:name` parameters, e.g. { id: '7' } for '/users/:id'. */
  params: Record<string, string> = {};
  /** The matched route's pattern ('/users/:id'), or null when no route matches the path. */
  route: string | null = null;
  readonly headers: readonly (readonly [string, string])[];
  /** The body as text ('' when none). */
  readonly text: string;

  constructor(raw: RawRequest) {
    this.method = raw.method.toUpperCase();
    const at = raw.path.indexOf('?');
    this.path = at < 0 ? raw.path : raw.path.slice(0, at);
    const query: Record<string, string> = {};
    new URLSearchParams(at < 0 ? '' : raw.path.slice(at + 1)).forEach((value, name) => (query[name] = value));
    this.query = query;
    this.headers = raw.headers;
    this.text = raw.body;
  }

  /** The value of the header `name` (any case), or undefined when the request has none. */
  header(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.headers.find(([n]) => n.toLowerCase() === lower)?.[1];
  }

  /** The body parsed as JSON; a body that is not JSON answers 400 (HttpError). */
  json(): unknown {
    try {
      return JSON.parse(this.text);
    } catch {
      throw new HttpError(400, 'the request body is not valid JSON');
    }
  }
}

export class Response {
  readonly headers: Header[];

  constructor(
    public status: number,
    public body: string,
    headers: Record<string, string> = {},
  ) {
    this.headers = Object.entries(headers);
  }

  /** The value of the header `name` (any case), or undefined. */
  header(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.headers.find(([n]) => n.toLowerCase() === lower)?.[1];
  }

  /** Sets the header `name`, replacing any value it had. */
  setHeader(name: string, value: string): this {
    const lower = name.toLowerCase();
    for (let i = this.headers.length - 1; i >= 0; i--) if (this.headers[i]![0].toLowerCase() === lower) this.headers.splice(i, 1);
    this.headers.push([name, value]);
    return this;
  }

  toRaw(): RawResponse {
    return { status: this.status, headers: this.headers.map(([n, v]) => [n, v]), body: this.body };
  }
}

/** A JSON response: `json({id: 7}, 201)`, `json({error: 'slow down'}, 429, {'Retry-After': '12'})`. */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status, JSON.stringify(data), { 'Content-Type': 'application/json', ...headers });
}

/** A response with no body (e.g. 204). */
export function empty(status = 204, headers: Record<string, string> = {}): Response {
  return new Response(status, '', headers);
}
