/**
 * Bounded producer–consumer buffer. The statement has the rules; replace each body that throws.
 * The types and the two error classes are given: keep them as they are.
 */
export type Strategy = 'fifo' | 'lifo' | 'priority';

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface BufferOptions<T> {
  capacity: number;
  strategy?: Strategy; // default 'fifo'
  priority?: (item: T) => number; // required for 'priority': higher numbers are taken first
  timers?: Timers; // default: the global setTimeout / clearTimeout
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

export class BoundedBuffer<T> {
  constructor(options: BufferOptions<T>) {
    // TODO: validate the options and keep what you need.
  }

  /** Maximum number of items the buffer holds. */
  get capacity(): number {
    throw new Error('Not implemented');
  }

  /** Items in the buffer now (not counting items of blocked putters). */
  get size(): number {
    throw new Error('Not implemented');
  }

  get closed(): boolean {
    throw new Error('Not implemented');
  }

  /** Adds an item; the promise resolves once the item is accepted, waiting while the buffer is full. */
  put(item: T): Promise<void> {
    throw new Error('Not implemented');
  }

  /** Removes the next item (per strategy); waits while the buffer is empty, up to timeoutMs if given. */
  take(options: TakeOptions = {}): Promise<T> {
    throw new Error('Not implemented');
  }

  /** Stops accepting items; waiting callers are rejected, items already inside can still be taken. */
  close(): void {
    throw new Error('Not implemented');
  }
}
