// Mutant: peek returns null for a node that is down
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
  hash?: (s: string) => number; // default fnv1a32; returns an integer in [0, 2^32)
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export class UnknownNodeError extends Error {
  constructor(node: string) {
    super(`unknown node "${node}"`);
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

interface Token {
  position: number;
  node: string;
  index: number;
}

function requireCount(value: number, name: string, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

export class ReplicatedStore {
  private readonly n: number;
  private readonly r: number;
  private readonly w: number;
  private readonly readRepair: boolean;
  private readonly hash: (s: string) => number;
  /** Sorted by position; a key walks it clockwise from its own hash. */
  private readonly ring: Token[];
  /** Each node's local storage. It survives fail(): a crashed node comes back with what it had. */
  private readonly data = new Map<string, Map<string, Versioned>>();
  private readonly down = new Set<string>();
  /** The coordinator's per-key counter. Only successful writes advance it. */
  private readonly versions = new Map<string, number>();

  constructor(nodes: string[], options: StoreOptions) {
    if (!Array.isArray(nodes) || nodes.length === 0) throw new ConfigError('nodes must be a non-empty list');
    for (const node of nodes) {
      if (typeof node !== 'string' || node === '') throw new ConfigError('nodes must contain only non-empty string ids');
      if (this.data.has(node)) throw new ConfigError(`nodes must be unique: "${node}" appears more than once`);
      this.data.set(node, new Map());
    }
    const { n, r, w } = options;
    const vnodes = options.vnodes ?? 1;
    requireCount(n, 'n', 1, nodes.length);
    requireCount(r, 'r', 1, n);
    requireCount(w, 'w', 1, n);
    requireCount(vnodes, 'vnodes', 1, Number.MAX_SAFE_INTEGER);
    this.n = n;
    this.r = r;
    this.w = w;
    this.readRepair = options.readRepair ?? false;
    this.hash = options.hash ?? fnv1a32;

    this.ring = [];
    for (const node of nodes) {
      for (let index = 0; index < vnodes; index++) {
        this.ring.push({ position: this.hash(`${node}#${index}`), node, index });
      }
    }
    // Ties are broken by node id, then index, so the ring never depends on the order nodes were listed.
    this.ring.sort(
      (a, b) => a.position - b.position || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0) || a.index - b.index,
    );
  }

  preferenceList(key: string): string[] {
    const h = this.hash(key);
    let start = this.ring.findIndex((t) => t.position >= h);
    if (start === -1) start = 0; // past the last token: wrap around to the first
    const chosen: string[] = [];
    // With vnodes one node owns many tokens; replicas must land on distinct machines.
    for (let step = 0; step < this.ring.length && chosen.length < this.n; step++) {
      const { node } = this.ring[(start + step) % this.ring.length];
      if (!chosen.includes(node)) chosen.push(node);
    }
    return chosen;
  }

  put(key: string, value: string): number {
    // Strict quorum: the replicas are the preference list; down members are not replaced by other nodes.
    const live = this.preferenceList(key).filter((node) => !this.down.has(node));
    // Checked up front, so a rejected write leaves no partial copies behind.
    if (live.length < this.w) throw new QuorumError('write', this.w, live.length);
    const version = (this.versions.get(key) ?? 0) + 1;
    this.versions.set(key, version);
    for (const node of live) this.data.get(node)!.set(key, { value, version });
    return version;
  }

  get(key: string): Versioned | null {
    const live = this.preferenceList(key).filter((node) => !this.down.has(node));
    if (live.length < this.r) throw new QuorumError('read', this.r, live.length);
    let newest: Versioned | undefined;
    for (const node of live) {
      const copy = this.data.get(node)!.get(key);
      if (copy !== undefined && (newest === undefined || copy.version > newest.version)) newest = copy;
    }
    if (newest === undefined) return null;
    if (this.readRepair) {
      for (const node of live) {
        const local = this.data.get(node)!;
        const copy = local.get(key);
        if (copy === undefined || copy.version < newest.version) local.set(key, { ...newest });
      }
    }
    return { ...newest };
  }

  fail(node: string): void {
    this.requireNode(node);
    this.down.add(node);
  }

  recover(node: string): void {
    this.requireNode(node);
    this.down.delete(node);
  }

  isUp(node: string): boolean {
    this.requireNode(node);
    return !this.down.has(node);
  }

  peek(node: string, key: string): Versioned | null {
    const copy = this.down.has(node) ? undefined : this.requireNode(node).get(key);
    return copy === undefined ? null : { ...copy };
  }

  private requireNode(node: string): Map<string, Versioned> {
    const local = this.data.get(node);
    if (local === undefined) throw new UnknownNodeError(node);
    return local;
  }
}
