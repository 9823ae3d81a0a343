// Mutant: requests are counted by their path, not their route pattern
/** Request counts by method, route and status (problem.md R4–R5), counted once each request is answered. */
import type { Middleware } from '../framework';

export interface RequestCount {
  method: string;
  route: string;
  status: number;
  count: number;
}

export class Metrics {
  private readonly counts = new Map<string, RequestCount>();

  /** Counts every request once it has its answer. */
  middleware(): Middleware {
    return async (req, next) => {
      const res = await next();
      this.count(req.method, req.route === null ? 'unmatched' : req.path, res.status);
      return res;
    };
  }

  /** Every count, by route, then method, then status. */
  snapshot(): RequestCount[] {
    return [...this.counts.values()]
      .map((c) => ({ ...c }))
      .sort((a, b) => cmp(a.route, b.route) || cmp(a.method, b.method) || a.status - b.status);
  }

  private count(method: string, route: string, status: number): void {
    const key = `${method} ${route} ${status}`;
    const entry = this.counts.get(key) ?? { method, route, status, count: 0 };
    entry.count++;
    this.counts.set(key, entry);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
