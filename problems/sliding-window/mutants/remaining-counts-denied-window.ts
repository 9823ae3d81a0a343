// Mutant: remaining() prunes with > instead of >=, so a request still counts at exactly t + windowMs when asked
/**
 * Sliding-window rate limiter using a sliding log: per user, the times of allowed requests that still
 * count, oldest first. The log is exact (no estimation) and never longer than `limit`, because a
 * request is only recorded when fewer than `limit` are counting.
 */
export type Clock = () => number;

export class SlidingWindowLimiter {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly clock: Clock;
  /** userId -> times of allowed requests, ascending. Arrays are fine: length is at most `limit`. */
  private readonly logs = new Map<string, number[]>();

  constructor(limit: number, windowMs: number, clock: Clock = () => Date.now()) {
    if (typeof limit !== 'number') {
      throw new TypeError(`limit must be a number, got ${typeof limit}`);
    }
    if (!Number.isInteger(limit) || limit <= 0) {
      throw new RangeError(`limit must be a positive integer, got ${limit}`);
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
    this.limit = limit;
    this.windowMs = windowMs;
    this.clock = clock;
  }

  allow(userId: string): boolean {
    this.checkUser(userId);
    const now = this.clock();
    let log = this.logs.get(userId);
    if (log) {
      this.prune(log, now);
    } else {
      log = [];
      this.logs.set(userId, log);
    }
    // Denied requests are not recorded: recording them would let a client that keeps retrying
    // lock itself out for ever.
    if (log.length >= this.limit) return false;
    log.push(now);
    return true;
  }

  remaining(userId: string): number {
    return this.limit - this.counting(userId);
  }

  timeUntilResetMs(userId: string): number {
    this.checkUser(userId);
    const log = this.logs.get(userId); // `get`, never create: a query must not add a user
    if (!log) return 0;
    const now = this.clock();
    this.prune(log, now);
    if (log.length < this.limit) return 0;
    // Full log: the next slot opens when the oldest counting request expires.
    return log[0] + this.windowMs - now;
  }

  cleanup(): number {
    const now = this.clock();
    let removed = 0;
    for (const [userId, log] of this.logs) {
      this.prune(log, now);
      if (log.length === 0) {
        this.logs.delete(userId); // deleting the current entry while iterating a Map is safe
        removed++;
      }
    }
    return removed;
  }

  get trackedUsers(): number {
    return this.logs.size;
  }

  private counting(userId: string): number {
    this.checkUser(userId);
    const log = this.logs.get(userId);
    if (!log) return 0;
    const now = this.clock();
    return log.filter((t) => now - t <= this.windowMs).length;
  }

  /** Drops every time that no longer counts. The log is ascending, so expired times are a prefix. */
  private prune(log: number[], now: number): void {
    let expired = 0;
    while (expired < log.length && now - log[expired] >= this.windowMs) expired++;
    if (expired > 0) log.splice(0, expired);
  }

  private checkUser(userId: string): void {
    if (typeof userId !== 'string' || userId.length === 0) {
      throw new TypeError('userId must be a non-empty string');
    }
  }
}
