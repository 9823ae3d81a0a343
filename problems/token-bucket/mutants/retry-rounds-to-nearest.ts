// Mutant: retryAfterMs rounds to the nearest millisecond, so the advised wait can be too short
/**
 * Token-bucket rate limiter: one bucket per user, refilled continuously (lazily, on access).
 *
 * A bucket holds at most `capacity` tokens and refills at `capacity / windowMs` tokens per millisecond,
 * so an empty bucket is full again after `windowMs`. Each allowed request takes one token.
 */
export type Clock = () => number;

interface Bucket {
  /** Tokens in the bucket as of `updatedAt`; fractional between whole tokens. */
  tokens: number;
  /** Clock reading when `tokens` was last brought up to date. */
  updatedAt: number;
}

/** Absorbs floating-point drift from summing fractional refills (e.g. 0.3 + 0.7 = 0.9999…). */
const EPSILON = 1e-9;

export class RateLimiter {
  private readonly capacity: number;
  private readonly windowMs: number;
  private readonly clock: Clock;
  private readonly buckets = new Map<string, Bucket>();

  constructor(capacity: number, windowMs: number, clock: Clock = () => Date.now()) {
    if (typeof capacity !== 'number') {
      throw new TypeError(`capacity must be a number, got ${typeof capacity}`);
    }
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
    if (typeof windowMs !== 'number') {
      throw new TypeError(`windowMs must be a number, got ${typeof windowMs}`);
    }
    if (!Number.isFinite(windowMs) || windowMs <= 0) {
      throw new RangeError(`windowMs must be a positive finite number of milliseconds, got ${windowMs}`);
    }
    if (typeof clock !== 'function') {
      throw new TypeError('clock must be a function returning the time in milliseconds');
    }
    this.capacity = capacity;
    this.windowMs = windowMs;
    this.clock = clock;
  }

  /** Takes one token from the user's bucket if there is one; returns whether the request is allowed. */
  allow(userId: string): boolean {
    const bucket = this.refill(userId);
    if (bucket.tokens + EPSILON < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Whole tokens the user could spend right now (a user never seen has a full bucket). Does not consume. */
  remaining(userId: string): number {
    return Math.floor(this.peek(userId) + EPSILON);
  }

  /** Milliseconds until the user's next request would be allowed: 0 if it would be allowed now, else rounded up. */
  retryAfterMs(userId: string): number {
    const tokens = this.peek(userId);
    if (tokens + EPSILON >= 1) return 0;
    const wait = ((1 - tokens) * this.windowMs) / this.capacity;
    return Math.round(wait);
  }

  /**
   * Forgets users whose buckets have refilled to capacity. A full bucket behaves exactly like a user
   * never seen, so this frees memory without changing any answer. Returns how many users were removed.
   */
  cleanup(): number {
    let removed = 0;
    for (const [userId, bucket] of this.buckets) {
      if (this.tokensAt(bucket, this.clock()) + EPSILON >= this.capacity) {
        this.buckets.delete(userId);
        removed++;
      }
    }
    return removed;
  }

  /** Number of users with a bucket in memory. */
  get trackedUsers(): number {
    return this.buckets.size;
  }

  private checkUser(userId: string): void {
    if (typeof userId !== 'string' || userId.length === 0) {
      throw new TypeError('userId must be a non-empty string');
    }
  }

  /** Tokens the bucket would hold at `now`, without changing it. */
  private tokensAt(bucket: Bucket, now: number): number {
    // A clock that steps backwards must not take tokens away: treat it as no time passing.
    const elapsed = Math.max(0, now - bucket.updatedAt);
    // Multiply before dividing so whole-millisecond steps stay exact (200 * 5 / 1000 === 1).
    return Math.min(this.capacity, bucket.tokens + (elapsed * this.capacity) / this.windowMs);
  }

  private peek(userId: string): number {
    this.checkUser(userId);
    const bucket = this.buckets.get(userId);
    return bucket ? this.tokensAt(bucket, this.clock()) : this.capacity;
  }

  /** Brings the user's bucket up to date, creating a full one for a new user. */
  private refill(userId: string): Bucket {
    this.checkUser(userId);
    const now = this.clock();
    let bucket = this.buckets.get(userId);
    if (!bucket) {
      bucket = { tokens: this.capacity, updatedAt: now };
      this.buckets.set(userId, bucket);
      return bucket;
    }
    bucket.tokens = this.tokensAt(bucket, now);
    // Keep the later of the two readings so a backwards step cannot be counted as refill time later.
    bucket.updatedAt = Math.max(bucket.updatedAt, now);
    return bucket;
  }
}
