export const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

export class Base62Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Base62Error';
  }
}

export class InvalidUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidUrlError';
  }
}

export class InvalidAliasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAliasError';
  }
}

export class AliasTakenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AliasTakenError';
  }
}

export class CollisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CollisionError';
  }
}

export function encodeBase62(n: number): string {
  throw new Error('Not implemented');
}

export function decodeBase62(s: string): number {
  throw new Error('Not implemented');
}

/** 32-bit FNV-1a over UTF-16 code units: the default hash for the 'hash' strategy. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export type Strategy = 'counter' | 'hash';

export interface ShortenerOptions {
  strategy?: Strategy; // default 'counter'
  now?: () => number; // default Date.now
  hash?: (input: string) => number; // default fnv1a32
  counterStart?: number; // default 1
}

export interface ShortenOptions {
  alias?: string;
  ttlMs?: number;
}

export class UrlShortener {
  constructor(options: ShortenerOptions = {}) {}

  shorten(longUrl: string, options: ShortenOptions = {}): string {
    throw new Error('Not implemented');
  }

  resolve(code: string): string | null {
    throw new Error('Not implemented');
  }
}
