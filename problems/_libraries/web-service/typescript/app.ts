/**
 * The application: routes by method and path pattern, middleware around every request, dependencies
 * handed to every handler, and the background queue `idle()` runs.
 *
 *   const app = new App({ users, mail }, { tasks });
 *   app.use(async (req, next) => { const res = await next(); res.setHeader('X-Seen', 'yes'); return res; });
 *   app.get('/users/:id', (req, { users }) => users.find(Number(req.params.id)) ?? notFound());
 *
 * A handler returns a Response (see json()), or any other value, answered as JSON with 200. Throwing
 * HttpError answers its status with {"error": message}; any other throw answers 500 with
 * {"error": "internal server error", "detail": message}. Middleware sees those answers as responses.
 * A path no route matches answers 404; a path some route matches with another method answers 405.
 */
import { HttpError, json, Request, Response, type RawRequest, type RawResponse } from './http';
import { matchPath } from './router';
import type { TaskQueue } from './tasks';

export type Handler<D> = (req: Request, deps: D) => unknown;
export type Next = () => Promise<Response>;
export type Middleware = (req: Request, next: Next) => Response | Promise<Response>;

interface Route<D> {
  method: string;
  pattern: string;
  handler: Handler<D>;
}

export class App<D = Record<string, never>> {
  private readonly routes: Route<D>[] = [];
  private readonly middleware: Middleware[] = [];
  /** Errors that became 500 answers, oldest first (message and the route). */
  readonly errors: { route: string | null; message: string }[] = [];

  constructor(
    readonly deps: D,
    private readonly options: { tasks?: TaskQueue } = {},
  ) {}

  get(pattern: string, handler: Handler<D>): this {
    return this.route('GET', pattern, handler);
  }
  post(pattern: string, handler: Handler<D>): this {
    return this.route('POST', pattern, handler);
  }
  put(pattern: string, handler: Handler<D>): this {
    return this.route('PUT', pattern, handler);
  }
  patch(pattern: string, handler: Handler<D>): this {
    return this.route('PATCH', pattern, handler);
  }
  delete(pattern: string, handler: Handler<D>): this {
    return this.route('DELETE', pattern, handler);
  }

  /** Adds middleware; the first added is the outermost (it sees the request first and the response last). */
  use(middleware: Middleware): this {
    this.middleware.push(middleware);
    return this;
  }

  /** Answers one request. */
  async handle(raw: RawRequest): Promise<RawResponse> {
    const req = new Request(raw);
    const matching = this.routes.filter((r) => matchPath(r.pattern, req.path));
    const route = matching.find((r) => r.method === req.method);
    req.route = (route ?? matching[0])?.pattern ?? null;
    if (route) req.params = matchPath(route.pattern, req.path)!.params;
    const endpoint = () => this.answer(req, () => this.dispatch(req, route, matching));
    const chain = this.middleware.reduceRight<Next>((next, mw) => () => this.answer(req, () => mw(req, once(next))), endpoint);
    return (await chain()).toRaw();
  }

  /** Runs the background tasks that are due now. */
  async idle(): Promise<void> {
    await this.options.tasks?.runDue();
  }

  private route(method: string, pattern: string, handler: Handler<D>): this {
    if (!pattern.startsWith('/')) throw new Error(`a route pattern starts with "/": ${pattern}`);
    this.routes.push({ method, pattern, handler });
    return this;
  }

  private async dispatch(req: Request, route: Route<D> | undefined, matching: Route<D>[]): Promise<Response> {
    if (!route) {
      if (matching.length === 0) return json({ error: `not found: ${req.method} ${req.path}` }, 404);
      const allow = [...new Set(matching.map((r) => r.method))].join(', ');
      return json({ error: `method ${req.method} is not allowed on ${req.path}` }, 405, { Allow: allow });
    }
    const result = await route.handler(req, this.deps);
    if (result instanceof Response) return result;
    return json(result ?? null, 200);
  }

  /** The response of `work`, with a throw turned into the framework's error answer. */
  private async answer(req: Request, work: () => Response | Promise<Response>): Promise<Response> {
    try {
      const res = await work();
      if (!(res instanceof Response)) throw new Error('middleware must return the Response it got from next() (or its own)');
      return res;
    } catch (e) {
      if (e instanceof HttpError) return json({ error: e.message }, e.status, e.headers);
      const message = e instanceof Error ? e.message : String(e);
      this.errors.push({ route: req.route, message });
      return json({ error: 'internal server error', detail: message }, 500);
    }
  }
}

function once(next: Next): Next {
  let called = false;
  return () => {
    if (called) return Promise.reject(new Error('next() was called twice in one middleware'));
    called = true;
    return next();
  };
}
