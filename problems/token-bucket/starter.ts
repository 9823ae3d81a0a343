/**
 * Token-bucket rate limiter. The statement has the rules; replace each body.
 */
export type Clock = () => number;

export class RateLimiter {
  constructor(capacity: number, windowMs: number, clock: Clock = () => Date.now()) {
    // TODO: validate the arguments and keep what you need.
  }

  /** Takes one token from the user's bucket if there is one; returns whether the request is allowed. */
  allow(userId: string): boolean {
    throw new Error('Not implemented');
  }

  /** Whole tokens the user could spend right now (a new user has a full bucket). Does not consume. */
  remaining(userId: string): number {
    throw new Error('Not implemented');
  }

  /** Milliseconds until the user's next request would be allowed: 0 if now, else rounded up. */
  retryAfterMs(userId: string): number {
    throw new Error('Not implemented');
  }

  /** Forgets users whose buckets have refilled to capacity; returns how many were removed. */
  cleanup(): number {
    throw new Error('Not implemented');
  }

  /** Number of users with a bucket in memory. */
  get trackedUsers(): number {
    throw new Error('Not implemented');
  }
}
