// Mutant: removeNode drops the points but not the id, so has() and nodes() still list it
/**
 * Consistent-hashing ring with virtual nodes and weights.
 *
 * Every node owns several points on a 32-bit ring; a key belongs to the first point at or after its
 * own hash, wrapping around. Adding or removing a node only changes the owner of keys that fall on that
 * node's arcs, which is the whole point versus `hash % nodeCount`.
 */
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over the UTF-8 bytes of `input`, as an unsigned integer. */
export function fnv1a32(input: string): number {
  let hash = FNV_OFFSET_BASIS;
  // Encodes to UTF-8 on the fly: the same bytes as TextEncoder, without allocating per call.
  for (let i = 0; i < input.length; i++) {
    let code = input.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00) {
      // Past the end charCodeAt is NaN, which fails the low-surrogate test below.
      const low = input.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code >= 0xd800 && code < 0xe000) code = 0xfffd; // a lone surrogate encodes as U+FFFD, like TextEncoder
    if (code < 0x80) {
      hash = Math.imul(hash ^ code, FNV_PRIME);
    } else {
      let bytes: number[];
      if (code < 0x800) bytes = [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
      else if (code < 0x10000) bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      else bytes = [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
      for (const byte of bytes) hash = Math.imul(hash ^ byte, FNV_PRIME);
    }
  }
  return hash >>> 0;
}

/**
 * The ring's hash: FNV-1a followed by the MurmurHash3 32-bit finaliser. FNV-1a alone spreads
 * similar strings ("a#1", "a#2", ...) poorly around the ring; the finaliser mixes every input bit
 * into every output bit.
 */
export function hash32(input: string): number {
  let h = fnv1a32(input);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface RingOptions {
  vnodes?: number;
}

interface Point {
  hash: number;
  node: string;
}

export class HashRing {
  private readonly vnodes: number;
  /** Sorted by hash, then node id: a collision is owned by the smaller id whatever the insertion order. */
  private points: Point[] = [];
  private readonly weights = new Map<string, number>();

  constructor(options: RingOptions = {}) {
    const { vnodes = 160 } = options;
    // Number.isInteger is false for anything that is not a number, strings included.
    if (!Number.isInteger(vnodes) || vnodes < 1) {
      throw new RangeError(`vnodes must be a positive integer, got ${String(vnodes)}`);
    }
    this.vnodes = vnodes;
  }

  addNode(node: string, weight = 1): void {
    checkNode(node);
    // Number.isFinite is false for anything that is not a number, strings included.
    if (!Number.isFinite(weight) || weight <= 0) {
      throw new RangeError(`weight must be a positive finite number, got ${String(weight)}`);
    }
    if (this.weights.has(node)) throw new Error(`node "${node}" already exists`);
    this.weights.set(node, weight);
    // Weight scales the number of points, so a node's share of the ring grows in proportion.
    const count = Math.max(1, Math.round(this.vnodes * weight));
    for (let i = 0; i < count; i++) this.points.push({ hash: hash32(`${node}#${i}`), node });
    // A full sort is O(n log n) per join; joins are rare next to lookups, and it keeps the code obvious.
    this.points.sort(comparePoints);
  }

  removeNode(node: string): void {
    checkNode(node);
    if (!this.weights.has(node)) throw new Error(`unknown node "${node}"`);
    // Filtering keeps every other point where it was, so only this node's keys move.
    this.points = this.points.filter((point) => point.node !== node);
  }

  nodeFor(key: string): string {
    if (typeof key !== 'string') throw new TypeError('key must be a string');
    if (this.points.length === 0) throw new Error('cannot look up a key: the ring is empty');
    const h = hash32(key);
    // Binary search for the first point with hash >= h.
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.points[mid].hash < h) lo = mid + 1;
      else hi = mid;
    }
    // Past the last point the ring wraps around to the first.
    return this.points[lo === this.points.length ? 0 : lo].node;
  }

  nodes(): string[] {
    return [...this.weights.keys()].sort();
  }

  has(node: string): boolean {
    return this.weights.has(node);
  }
}

function comparePoints(a: Point, b: Point): number {
  // Two points of one node never need ordering between themselves (they have the same owner).
  return a.hash - b.hash || (a.node < b.node ? -1 : 1);
}

function checkNode(node: string): void {
  if (typeof node !== 'string' || node.length === 0) throw new TypeError('node must be a non-empty string');
}
