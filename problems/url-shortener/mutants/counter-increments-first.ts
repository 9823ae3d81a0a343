// Mutant: the counter moves on before it is used, so the first code is counterStart + 1
export const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

const BASE = ALPHABET.length;
const RESERVED = new Set(['admin', 'api', 'about', 'health', 'login', 'static']);
const ALIAS_PATTERN = /^[A-Za-z0-9_-]{4,30}$/;
const MAX_URL_LENGTH = 2048;
const HASH_ATTEMPTS = 8;
const HASH_CODE_LENGTH = 6;

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
  constructor(alias: string) {
    super(`alias "${alias}" is already taken`);
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
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new Base62Error(`can only encode non-negative safe integers, got ${n}`);
  }
  if (n === 0) return ALPHABET[0];
  let out = '';
  // Peel off the least significant digit each round, so prepend to keep the most significant first.
  while (n > 0) {
    out = ALPHABET[n % BASE] + out;
    n = Math.floor(n / BASE);
  }
  return out;
}

export function decodeBase62(s: string): number {
  if (s.length === 0) throw new Base62Error('cannot decode an empty string');
  let n = 0;
  for (const ch of s) {
    const digit = ALPHABET.indexOf(ch);
    if (digit === -1) throw new Base62Error(`invalid base62 character "${ch}"`);
    // Check before multiplying: past 2^53 the arithmetic itself is no longer exact.
    if (n > Math.floor((Number.MAX_SAFE_INTEGER - digit) / BASE)) {
      throw new Base62Error(`"${s}" is larger than Number.MAX_SAFE_INTEGER`);
    }
    n = n * BASE + digit;
  }
  return n;
}

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
  strategy?: Strategy;
  now?: () => number;
  hash?: (input: string) => number;
  counterStart?: number;
}

export interface ShortenOptions {
  alias?: string;
  ttlMs?: number;
}

interface Link {
  url: string;
  /** null for links that never expire. */
  expiresAt: number | null;
}

function isReserved(code: string): boolean {
  return RESERVED.has(code.toLowerCase());
}

function validateUrl(longUrl: string): void {
  if (typeof longUrl !== 'string' || longUrl.length > MAX_URL_LENGTH) {
    throw new InvalidUrlError(`URL must be a string of at most ${MAX_URL_LENGTH} characters`);
  }
  let parsed: URL;
  try {
    parsed = new URL(longUrl);
  } catch {
    throw new InvalidUrlError(`not a URL: "${longUrl}"`);
  }
  // Only web links: javascript:, data:, file: and friends are an abuse vector for a redirect service.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidUrlError(`only http and https URLs can be shortened, got "${parsed.protocol}"`);
  }
  if (parsed.hostname === '') throw new InvalidUrlError(`URL has no host: "${longUrl}"`);
}

function validateAlias(alias: string): void {
  if (typeof alias !== 'string' || !ALIAS_PATTERN.test(alias)) {
    throw new InvalidAliasError(`alias "${alias}" must be 4-30 letters, digits, "_" or "-"`);
  }
  if (isReserved(alias)) throw new InvalidAliasError(`alias "${alias}" is a reserved word`);
}

export class UrlShortener {
  private readonly strategy: Strategy;
  private readonly now: () => number;
  private readonly hash: (input: string) => number;
  private counter: number;
  /** Every code ever issued, expired or not: codes are never recycled. */
  private readonly links = new Map<string, Link>();
  /** longUrl -> its permanent generated code, for the reuse rule. */
  private readonly permanent = new Map<string, string>();

  constructor(options: ShortenerOptions = {}) {
    this.strategy = options.strategy ?? 'counter';
    if (this.strategy !== 'counter' && this.strategy !== 'hash') {
      throw new RangeError(`unknown strategy "${String(this.strategy)}"`);
    }
    this.now = options.now ?? Date.now;
    this.hash = options.hash ?? fnv1a32;
    this.counter = options.counterStart ?? 1;
    if (!Number.isSafeInteger(this.counter) || this.counter < 0) {
      throw new RangeError(`counterStart must be a non-negative safe integer, got ${this.counter}`);
    }
  }

  shorten(longUrl: string, options: ShortenOptions = {}): string {
    const { alias, ttlMs } = options;
    // Validate everything before touching state, so a failed call changes nothing.
    validateUrl(longUrl);
    if (ttlMs !== undefined && (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)) {
      throw new RangeError(`ttlMs must be a positive integer, got ${ttlMs}`);
    }
    const expiresAt = ttlMs === undefined ? null : this.now() + ttlMs;

    if (alias !== undefined) {
      validateAlias(alias);
      if (this.links.has(alias)) throw new AliasTakenError(alias);
      this.links.set(alias, { url: longUrl, expiresAt });
      return alias;
    }

    const isPermanent = ttlMs === undefined;
    if (isPermanent) {
      const existing = this.permanent.get(longUrl);
      if (existing !== undefined) return existing;
    }

    const code = this.strategy === 'counter' ? this.nextCounterCode() : this.nextHashCode(longUrl);
    this.links.set(code, { url: longUrl, expiresAt });
    if (isPermanent) this.permanent.set(longUrl, code);
    return code;
  }

  resolve(code: string): string | null {
    const link = this.links.get(code);
    if (link === undefined) return null;
    // Expired exactly at expiresAt: a TTL of 1000 ms gives 1000 ms of life, not 1001.
    if (link.expiresAt !== null && this.now() >= link.expiresAt) return null;
    return link.url;
  }

  private isFree(code: string): boolean {
    return !this.links.has(code) && !isReserved(code);
  }

  private nextCounterCode(): string {
    // Terminates: only finitely many codes are taken or reserved.
    for (;;) {
      this.counter += 1;
      const code = encodeBase62(this.counter);
      if (this.isFree(code)) return code;
    }
  }

  private nextHashCode(longUrl: string): string {
    for (let attempt = 0; attempt < HASH_ATTEMPTS; attempt++) {
      // Salting the input (rather than trying code+1) keeps probes spread over the whole code space.
      const input = attempt === 0 ? longUrl : `${longUrl}#${attempt}`;
      const code = encodeBase62(this.hash(input)).padStart(HASH_CODE_LENGTH, ALPHABET[0]);
      if (this.isFree(code)) return code;
    }
    throw new CollisionError(`no free code for "${longUrl}" after ${HASH_ATTEMPTS} attempts`);
  }
}
