// Mutant: a blank X-Client-Id is a client of its own, not anonymous
/**
 * Rate limiting (problem.md R1–R6): each client gets LIMIT requests in any WINDOW_MS window, counted from
 * the requests it was let through in the last 60 seconds (a sliding log per client).
 */
import { json, type Clock, type Middleware } from '../framework';

export const LIMIT = 5;
export const WINDOW_MS = 60_000;

/** Health checks and the developer routes are never limited (R5). */
function isExempt(path: string): boolean {
  return path === '/health' || path.startsWith('/dev/');
}

export function rateLimit(clock: Clock): Middleware {
  const counted = new Map<string, number[]>();
  return async (req, next) => {
    if (isExempt(req.path)) return next();
    const client = req.header('X-Client-Id')?.trim() ?? 'anonymous';
    const now = clock.now();
    const recent = (counted.get(client) ?? []).filter((at) => now - at < WINDOW_MS);
    counted.set(client, recent);
    if (recent.length >= LIMIT) {
      const retryAfter = Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - now) / 1000));
      return json({ error: 'rate limit exceeded', retryAfter }, 429, {
        'Retry-After': String(retryAfter),
        'X-RateLimit-Limit': String(LIMIT),
        'X-RateLimit-Remaining': '0',
      });
    }
    recent.push(now);
    const res = await next();
    res.setHeader('X-RateLimit-Limit', String(LIMIT));
    res.setHeader('X-RateLimit-Remaining', String(LIMIT - recent.length));
    return res;
  };
}
