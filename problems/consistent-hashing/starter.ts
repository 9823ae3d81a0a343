/**
 * Consistent-hashing ring. The two hash functions are given (the statement specifies them): use hash32
 * for every position on the ring. Replace each body that throws.
 */
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over the UTF-8 bytes of `input`, as an unsigned integer. */
export function fnv1a32(input: string): number {
  let hash = FNV_OFFSET_BASIS;
  // Encodes to UTF-8 on the fly: the same bytes as TextEncoder, without allocating per call.
  for (let i = 0; i < input.length; i++) {
    let code = input.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < input.length) {
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
  vnodes?: number; // virtual nodes per unit of weight, default 160
}

export class HashRing {
  constructor(options: RingOptions = {}) {
    // TODO: validate the options and keep what you need.
  }

  /** Adds a node with `weight` (default 1): it gets max(1, round(vnodes × weight)) points. */
  addNode(node: string, weight = 1): void {
    throw new Error('Not implemented');
  }

  /** Removes a node and all its points. */
  removeNode(node: string): void {
    throw new Error('Not implemented');
  }

  /** The node owning `key`: the first point at or after hash32(key), wrapping around. */
  nodeFor(key: string): string {
    throw new Error('Not implemented');
  }

  /** Node ids, sorted ascending. */
  nodes(): string[] {
    throw new Error('Not implemented');
  }

  has(node: string): boolean {
    throw new Error('Not implemented');
  }
}
