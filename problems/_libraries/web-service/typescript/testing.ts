/**
 * For tests: a clock that moves only when told, and a client that sends requests through the same
 * `Service.handle` the Requests pane uses.
 *
 *   const clock = new ManualClock();
 *   const client = new TestClient(await startService({ disk: new MemoryDisk(), clock }));
 *   const res = await client.post('/signup', { json: { email: 'ada@example.com', name: 'Ada' } });
 *   expect(res.status).to.equal(201);
 */
import type { Header } from './http';
import type { Service } from './service';
import type { Clock } from './tasks';

export { MemoryDisk } from './storage';
export { FakeMailProvider } from './mail';

export class ManualClock implements Clock {
  constructor(private time = 0) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
  }

  set(ms: number): void {
    this.time = ms;
  }
}

export interface TestResponse {
  status: number;
  headers: Header[];
  text: string;
  /** The value of the header `name` (any case), or undefined. */
  header(name: string): string | undefined;
  /** The body parsed as JSON (throws when it is not JSON). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any shape
  json(): any;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Sent as the JSON body, with Content-Type: application/json. */
  json?: unknown;
  /** Sent as the body text as it is (e.g. malformed JSON). */
  body?: string;
}

export class TestClient {
  constructor(public service: Service) {}

  get(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('GET', path, options);
  }
  post(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('POST', path, options);
  }
  put(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('PUT', path, options);
  }
  patch(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('PATCH', path, options);
  }
  delete(path: string, options?: RequestOptions): Promise<TestResponse> {
    return this.request('DELETE', path, options);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    const headers: [string, string][] = Object.entries(options.headers ?? {});
    let body = options.body ?? '';
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      if (!headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/json']);
    }
    const raw = await this.service.handle({ method, path, headers, body });
    return {
      status: raw.status,
      headers: raw.headers,
      text: raw.body,
      header: (name) => raw.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1],
      json: () => JSON.parse(raw.body),
    };
  }
}

/**
 * True when `text` contains every one of `words` as a whole word, in any order and any case: how tests check
 * a message without pinning its wording ('Rate limit exceeded' and 'exceeded the rate LIMIT' both mention
 * 'rate' and 'limit').
 */
export function mentions(text: unknown, ...words: string[]): boolean {
  if (typeof text !== 'string') return false;
  const found = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  return words.every((w) => found.has(w.toLowerCase()));
}
