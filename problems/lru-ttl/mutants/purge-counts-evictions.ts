// Mutant: dropping expired entries to make room is counted as an eviction
/**
 * LRU cache with per-entry time-to-live.
 *
 * A Map finds a key's node in O(1); a doubly linked list keeps the nodes in recency order
 * (head = most recently used, tail = least recently used), so moving and evicting are O(1) too.
 */
export type Clock = () => number;

export interface CacheStats {
  hits: number;
  misses: number;
  evictions: number;
}

interface Node<K, V> {
  key: K;
  value: V;
  /** Clock reading from which the entry is expired. */
  expiresAt: number;
  prev: Node<K, V> | null;
  next: Node<K, V> | null;
}

function checkTtl(name: string, ttl: number): void {
  if (typeof ttl !== 'number') throw new TypeError(`${name} must be a number, got ${typeof ttl}`);
  // Infinity is allowed and means "never expires".
  if (Number.isNaN(ttl) || ttl <= 0) throw new RangeError(`${name} must be a positive number of milliseconds, got ${ttl}`);
}

export class LRUCache<K, V> {
  private readonly capacity: number;
  private readonly defaultTtlMs: number;
  private readonly clock: Clock;
  private readonly nodes = new Map<K, Node<K, V>>();
  private head: Node<K, V> | null = null;
  private tail: Node<K, V> | null = null;
  private hits = 0;
  private misses = 0;
  private evictions = 0;

  constructor(capacity: number, defaultTtlMs: number, clock: Clock = () => Date.now()) {
    if (typeof capacity !== 'number') throw new TypeError(`capacity must be a number, got ${typeof capacity}`);
    if (!Number.isInteger(capacity) || capacity <= 0) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
    checkTtl('defaultTtlMs', defaultTtlMs);
    if (typeof clock !== 'function') throw new TypeError('clock must be a function returning the time in milliseconds');
    this.capacity = capacity;
    this.defaultTtlMs = defaultTtlMs;
    this.clock = clock;
  }

  /** The value for `key` if present and not expired (a hit, which makes it most recently used); else undefined (a miss). */
  get(key: K): V | undefined {
    const node = this.liveNode(key);
    if (!node) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.moveToFront(node);
    return node.value;
  }

  /** Inserts or replaces `key`, making it most recently used; its TTL restarts (`ttlMs`, else the default). */
  put(key: K, value: V, ttlMs?: number): void {
    if (ttlMs !== undefined) checkTtl('ttlMs', ttlMs);
    const expiresAt = this.clock() + (ttlMs ?? this.defaultTtlMs);
    const existing = this.nodes.get(key);
    if (existing) {
      existing.value = value;
      existing.expiresAt = expiresAt;
      this.moveToFront(existing);
      return;
    }
    if (this.nodes.size >= this.capacity) {
      // Expired entries go first: they do not count toward the size, and dropping them is not an eviction.
      this.purgeExpired();
      if (this.nodes.size >= this.capacity) {
        this.remove(this.tail!);
        this.evictions++;
      }
    }
    const node: Node<K, V> = { key, value, expiresAt, prev: null, next: null };
    this.nodes.set(key, node);
    this.linkAtFront(node);
  }

  /** Removes `key`; true if a live entry was removed. Not a hit, miss or eviction. */
  delete(key: K): boolean {
    const node = this.liveNode(key);
    if (node) this.remove(node);
    return node !== undefined;
  }

  /** Number of live (unexpired) entries. */
  get size(): number {
    this.purgeExpired();
    return this.nodes.size;
  }

  /** Live keys, least recently used first (the order they would be evicted in). Not an access. */
  keys(): K[] {
    this.purgeExpired();
    const keys: K[] = [];
    for (let node = this.tail; node; node = node.prev) keys.push(node.key);
    return keys;
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, evictions: this.evictions };
  }

  private isExpired(node: Node<K, V>, now: number): boolean {
    // An entry put at t with TTL d is visible for now < t + d and gone at exactly t + d.
    return now >= node.expiresAt;
  }

  /** The node for `key` if it is live; an expired node is removed on the way. */
  private liveNode(key: K): Node<K, V> | undefined {
    const node = this.nodes.get(key);
    if (!node) return undefined;
    if (this.isExpired(node, this.clock())) {
      this.remove(node);
      return undefined;
    }
    return node;
  }

  /** O(n); runs only when the cache is full or when size/keys are asked for. */
  private purgeExpired(): void {
    const now = this.clock();
    for (const node of this.nodes.values()) {
      if (this.isExpired(node, now)) {
        this.remove(node);
        this.evictions++;
      }
    }
  }

  private linkAtFront(node: Node<K, V>): void {
    node.prev = null;
    node.next = this.head;
    if (this.head) this.head.prev = node;
    this.head = node;
    if (!this.tail) this.tail = node;
  }

  /** Takes `node` out of the list (the map still has it). */
  private detach(node: Node<K, V>): void {
    if (node.prev) node.prev.next = node.next;
    else this.head = node.next;
    if (node.next) node.next.prev = node.prev;
    else this.tail = node.prev;
    node.prev = node.next = null;
  }

  /** Removes the entry entirely: from the list and from the map. */
  private remove(node: Node<K, V>): void {
    this.detach(node);
    this.nodes.delete(node.key);
  }

  private moveToFront(node: Node<K, V>): void {
    this.detach(node);
    this.linkAtFront(node);
  }
}
