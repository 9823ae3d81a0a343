/**
 * LRU cache with per-entry TTL. The statement has the rules; replace each body.
 */
export type Clock = () => number;

export interface CacheStats {
  hits: number;
  misses: number;
  evictions: number;
}

export class LRUCache<K, V> {
  constructor(capacity: number, defaultTtlMs: number, clock: Clock = () => Date.now()) {
    // TODO: validate the arguments and set up your data structures.
  }

  /** The value if present and not expired (a hit; it becomes most recently used), else undefined (a miss). */
  get(key: K): V | undefined {
    throw new Error('Not implemented');
  }

  /** Inserts or replaces the entry, making it most recently used; its TTL restarts. */
  put(key: K, value: V, ttlMs?: number): void {
    throw new Error('Not implemented');
  }

  /** Removes the entry; true if a live entry was removed. */
  delete(key: K): boolean {
    throw new Error('Not implemented');
  }

  /** Number of live (unexpired) entries. */
  get size(): number {
    throw new Error('Not implemented');
  }

  /** Live keys, least recently used first. Not an access. */
  keys(): K[] {
    throw new Error('Not implemented');
  }

  stats(): CacheStats {
    return { hits: 0, misses: 0, evictions: 0 };
  }
}
