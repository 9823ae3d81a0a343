export interface Versioned {
  value: string;
  version: number;
}

export interface StoreOptions {
  n: number; // replication factor
  r: number; // read quorum
  w: number; // write quorum
  vnodes?: number; // tokens per node, default 1
  readRepair?: boolean; // default false
  hash?: (s: string) => number; // default fnv1a32
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export class UnknownNodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownNodeError';
  }
}

export class QuorumError extends Error {
  readonly op: 'read' | 'write';
  readonly needed: number;
  readonly live: number;

  constructor(op: 'read' | 'write', needed: number, live: number) {
    super(`${op} quorum not met: needed ${needed} live replicas, ${live} up`);
    this.name = 'QuorumError';
    this.op = op;
    this.needed = needed;
    this.live = live;
  }
}

/** 32-bit FNV-1a over UTF-16 code units. */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export class ReplicatedStore {
  constructor(nodes: string[], options: StoreOptions) {}

  preferenceList(key: string): string[] {
    throw new Error('Not implemented');
  }

  put(key: string, value: string): number {
    throw new Error('Not implemented');
  }

  get(key: string): Versioned | null {
    throw new Error('Not implemented');
  }

  fail(node: string): void {
    throw new Error('Not implemented');
  }

  recover(node: string): void {
    throw new Error('Not implemented');
  }

  isUp(node: string): boolean {
    throw new Error('Not implemented');
  }

  peek(node: string, key: string): Versioned | null {
    throw new Error('Not implemented');
  }
}
