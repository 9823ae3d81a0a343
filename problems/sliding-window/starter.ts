/**
 * Sliding-window (sliding log) rate limiter. The statement has the rules; replace each body.
 */
export type Clock = () => number;

export class SlidingWindowLimiter {
  constructor(limit: number, windowMs: number, clock: Clock = () => Date.now()) {
    // TODO: validate the arguments and keep what you need.
  }

  /** Records and allows the request if fewer than `limit` requests count for the user now. */
  allow(userId: string): boolean {
    throw new Error('Not implemented');
  }

  /** Requests the user could still make right now. Records nothing. */
  remaining(userId: string): number {
    throw new Error('Not implemented');
  }

  /** Milliseconds until the user's next request would be allowed; 0 if it would be allowed now. */
  timeUntilResetMs(userId: string): number {
    throw new Error('Not implemented');
  }

  /** Forgets users with no request still counting; returns how many were removed. */
  cleanup(): number {
    throw new Error('Not implemented');
  }

  /** Number of users whose state is held in memory. */
  get trackedUsers(): number {
    throw new Error('Not implemented');
  }
}
