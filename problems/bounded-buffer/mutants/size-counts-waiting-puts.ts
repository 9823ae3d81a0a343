// Mutant: size counts the items of waiting puts, which are not in the buffer yet
/**
 * Bounded producer–consumer buffer with async backpressure.
 *
 * Invariants that keep it simple:
 * - Takers only wait while the buffer is empty, so a put with waiting takers hands its item straight over.
 * - Putters only wait while the buffer is full, so a take that frees a slot admits exactly one putter.
 * - Both wait queues are FIFO, which makes waiters fair (served in arrival order).
 */
export type Strategy = 'fifo' | 'lifo' | 'priority';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BufferOptions<T> {
  capacity: number;
  strategy?: Strategy;
  priority?: (item: T) => number;
  timers?: Timers;
}

export interface TakeOptions {
  timeoutMs?: number;
}

export class BufferClosedError extends Error {
  constructor(message = 'buffer is closed') {
    super(message);
    this.name = 'BufferClosedError';
  }
}

export class TimeoutError extends Error {
  constructor(message = 'take timed out') {
    super(message);
    this.name = 'TimeoutError';
  }
}

interface Entry<T> {
  item: T;
  priority: number;
}

interface Taker<T> {
  resolve(item: T): void;
  reject(error: Error): void;
  timer?: unknown;
}

interface Putter<T> {
  item: T;
  resolve(): void;
  reject(error: Error): void;
}

const STRATEGIES: readonly Strategy[] = ['fifo', 'lifo', 'priority'];

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class BoundedBuffer<T> {
  private readonly maxSize: number;
  private readonly strategy: Strategy;
  private readonly priorityOf?: (item: T) => number;
  private readonly timers: Timers;
  /** For 'priority', kept sorted by priority descending, equal priorities in arrival order. */
  private readonly items: Entry<T>[] = [];
  private readonly takers: Taker<T>[] = [];
  private readonly putters: Putter<T>[] = [];
  private isClosed = false;

  constructor(options: BufferOptions<T>) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('options must be an object');
    }
    const { capacity, strategy = 'fifo', priority, timers = realTimers } = options;
    if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`capacity must be a positive integer, got ${String(capacity)}`);
    }
    if (!STRATEGIES.includes(strategy)) {
      throw new RangeError(`strategy must be one of ${STRATEGIES.join(', ')}, got ${String(strategy)}`);
    }
    if (strategy === 'priority' && typeof priority !== 'function') {
      throw new TypeError('priority must be a function when strategy is "priority"');
    }
    if (typeof timers?.setTimeout !== 'function' || typeof timers?.clearTimeout !== 'function') {
      throw new TypeError('timers must provide setTimeout and clearTimeout');
    }
    this.maxSize = capacity;
    this.strategy = strategy;
    this.priorityOf = priority;
    this.timers = timers;
  }

  get capacity(): number {
    return this.maxSize;
  }

  get size(): number {
    return this.items.length + this.putters.length;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  put(item: T): Promise<void> {
    if (this.isClosed) return Promise.reject(new BufferClosedError('cannot put: buffer is closed'));
    const taker = this.takers.shift();
    if (taker) {
      // A waiting taker means the buffer is empty: skip the buffer and hand the item over directly.
      this.settleTaker(taker);
      taker.resolve(item);
      return Promise.resolve();
    }
    if (this.items.length < this.maxSize) {
      this.store(item);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      this.putters.push({ item, resolve, reject });
    });
  }

  take(options: TakeOptions = {}): Promise<T> {
    const { timeoutMs } = options;
    if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs < 0)) {
      return Promise.reject(new RangeError(`timeoutMs must be a non-negative finite number, got ${String(timeoutMs)}`));
    }
    if (this.items.length > 0) {
      const item = this.removeNext();
      // Remove first, then admit: the blocked item must not compete for this take (matters for LIFO/priority).
      this.admitPutter();
      return Promise.resolve(item);
    }
    if (this.isClosed) return Promise.reject(new BufferClosedError('cannot take: buffer is closed and drained'));
    return new Promise<T>((resolve, reject) => {
      const taker: Taker<T> = { resolve, reject };
      if (timeoutMs !== undefined) {
        taker.timer = this.timers.setTimeout(() => {
          // Leave the queue, or a later put would hand its item to a caller who has gone (a lost item).
          const index = this.takers.indexOf(taker);
          if (index !== -1) this.takers.splice(index, 1);
          taker.timer = undefined;
          reject(new TimeoutError(`take timed out after ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.takers.push(taker);
    });
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    // Blocked putters never got a slot; their items are not accepted.
    for (const putter of this.putters.splice(0)) {
      putter.reject(new BufferClosedError('buffer was closed before the item could be added'));
    }
    // Takers only wait on an empty buffer, so nothing will ever arrive for them.
    for (const taker of this.takers.splice(0)) {
      this.settleTaker(taker);
      taker.reject(new BufferClosedError('buffer was closed while waiting for an item'));
    }
  }

  /** Cancels a taker's timeout so no timer outlives the wait it guards. */
  private settleTaker(taker: Taker<T>): void {
    if (taker.timer !== undefined) {
      this.timers.clearTimeout(taker.timer);
      taker.timer = undefined;
    }
  }

  private admitPutter(): void {
    const putter = this.putters.shift();
    if (!putter) return;
    this.store(putter.item);
    putter.resolve();
  }

  private store(item: T): void {
    if (this.strategy !== 'priority') {
      this.items.push({ item, priority: 0 });
      return;
    }
    const priority = this.priorityOf!(item);
    // Binary search for the first entry with a strictly lower priority: inserting there puts the new
    // item after all equal ones, which keeps equal priorities in arrival order (stable).
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid].priority >= priority) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, { item, priority });
  }

  private removeNext(): T {
    // Array.shift is O(n); a ring buffer or a heap would be the production choice, and the
    // capacity bounds n anyway.
    const entry = this.strategy === 'lifo' ? this.items.pop()! : this.items.shift()!;
    return entry.item;
  }
}
