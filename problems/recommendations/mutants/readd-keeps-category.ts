// Mutant: adding a known item again does not change its category
/**
 * Item-to-item recommendations. Per user and item the engine keeps only the latest time of each kind of
 * interaction: the affinity is the largest weight whose latest time is still inside the window, so older
 * repeats never matter. Similarity is computed at query time from an item → users index, which keeps
 * record() O(1) and makes the window exact (a precomputed table would need to be decremented as
 * interactions expire; see the follow-ups).
 */
export type Clock = () => number;
export type Interaction = 'view' | 'cart' | 'purchase';

export interface RecommenderOptions {
  windowMs: number;
  weights?: Partial<Record<Interaction, number>>;
  clock?: Clock;
}

export interface Query {
  limit?: number;
  category?: string;
}

export interface Recommendation {
  itemId: string;
  score: number;
}

export class UnknownItemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownItemError';
  }
}

interface Item {
  category: string;
  inStock: boolean;
}

/** Latest time of each kind of interaction one user had with one item. */
type LatestByKind = Map<Interaction, number>;

const KINDS: readonly Interaction[] = ['view', 'cart', 'purchase'];
const DEFAULT_WEIGHTS: Record<Interaction, number> = { view: 1, cart: 3, purchase: 5 };
const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

function requireName(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`${name} must be a non-empty string, got ${String(value)}`);
  return value;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function readQuery(query: Query = {}): { limit: number; category: string | undefined } {
  const { limit = DEFAULT_LIMIT, category } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
  if (category !== undefined) requireName(category, 'category');
  return { limit, category };
}

export class Recommender {
  private readonly windowMs: number;
  private readonly weights: Record<Interaction, number>;
  private readonly clock: Clock;
  private readonly items = new Map<string, Item>();
  /** user → item → latest time per kind. */
  private readonly latest = new Map<string, Map<string, LatestByKind>>();
  /** item → every user who ever interacted with it (the candidates for its similarity). */
  private readonly usersOf = new Map<string, Set<string>>();
  /** user → items they ever purchased; never expires, because a bought item is never recommended again. */
  private readonly bought = new Map<string, Set<string>>();

  constructor(options: RecommenderOptions) {
    if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
    const windowMs = options.windowMs;
    if (!Number.isFinite(windowMs) || windowMs <= 0) {
      throw new RangeError(`windowMs must be a positive finite number, got ${windowMs}`);
    }
    const given = options.weights ?? {};
    const chosen = {} as Record<Interaction, number>;
    for (const kind of KINDS) {
      const weight = given[kind] ?? DEFAULT_WEIGHTS[kind];
      if (!Number.isInteger(weight) || weight <= 0) throw new RangeError(`weight of ${kind} must be a positive integer, got ${weight}`);
      chosen[kind] = weight;
    }
    const clock = options.clock ?? (() => Date.now());
    if (typeof clock !== 'function') throw new TypeError('clock must be a function');
    this.windowMs = windowMs;
    this.weights = chosen;
    this.clock = clock;
  }

  addItem(itemId: string, category: string): void {
    requireName(itemId, 'itemId');
    requireName(category, 'category');
    getOrCreate(this.items, itemId, () => ({ category, inStock: true }));
  }

  setInStock(itemId: string, inStock: boolean): void {
    const item = this.knownItem(itemId);
    if (typeof inStock !== 'boolean') throw new TypeError(`inStock must be a boolean, got ${String(inStock)}`);
    item.inStock = inStock;
  }

  record(userId: string, itemId: string, kind: Interaction): void {
    requireName(userId, 'userId');
    this.knownItem(itemId);
    if (!KINDS.includes(kind)) throw new RangeError(`kind must be view, cart or purchase, got ${String(kind)}`);
    const byItem = getOrCreate(this.latest, userId, () => new Map<string, LatestByKind>());
    getOrCreate(byItem, itemId, () => new Map<Interaction, number>()).set(kind, this.clock());
    getOrCreate(this.usersOf, itemId, () => new Set<string>()).add(userId);
    if (kind === 'purchase') getOrCreate(this.bought, userId, () => new Set<string>()).add(itemId);
  }

  similarItems(itemId: string, query?: Query): Recommendation[] {
    this.knownItem(itemId);
    const { limit, category } = readQuery(query);
    const scores = new Map<string, number>();
    this.addSimilarities(itemId, this.clock(), scores);
    return this.rank(scores, limit, category, () => true);
  }

  recommendFor(userId: string, query?: Query): Recommendation[] {
    requireName(userId, 'userId');
    const { limit, category } = readQuery(query);
    const now = this.clock();
    const byItem = this.latest.get(userId);
    if (!byItem) return [];
    const own = new Set<string>();
    for (const [itemId, byKind] of byItem) {
      if (this.affinity(byKind, now) > 0) own.add(itemId);
    }
    const scores = new Map<string, number>();
    for (const itemId of own) this.addSimilarities(itemId, now, scores);
    const bought = this.bought.get(userId);
    return this.rank(scores, limit, category, (id) => !own.has(id) && !bought?.has(id));
  }

  private knownItem(itemId: string): Item {
    requireName(itemId, 'itemId');
    const item = this.items.get(itemId);
    if (!item) throw new UnknownItemError(`unknown item: ${itemId}`);
    return item;
  }

  /** Largest weight among the interactions whose latest occurrence still counts at `now`; 0 if none. */
  private affinity(byKind: LatestByKind, now: number): number {
    let best = 0;
    for (const [kind, at] of byKind) {
      if (now - at < this.windowMs) best = Math.max(best, this.weights[kind]);
    }
    return best;
  }

  /** Adds similarity(anchor, B) to `scores[B]` for every item B that shares a user with the anchor. */
  private addSimilarities(anchor: string, now: number, scores: Map<string, number>): void {
    for (const userId of this.usersOf.get(anchor) ?? []) {
      const byItem = this.latest.get(userId)!;
      const anchorAffinity = this.affinity(byItem.get(anchor)!, now);
      for (const [other, byKind] of byItem) {
        if (other === anchor) continue;
        scores.set(other, (scores.get(other) ?? 0) + Math.min(anchorAffinity, this.affinity(byKind, now)));
      }
    }
  }

  /** Positive scores of in-stock items in the category that `keep` accepts: best first, ties by id, top `limit`. */
  private rank(scores: Map<string, number>, limit: number, category: string | undefined, keep: (itemId: string) => boolean): Recommendation[] {
    const ids = [...scores.keys()].sort().filter((id) => {
      const item = this.items.get(id)!;
      return scores.get(id)! > 0 && item.inStock && (category === undefined || item.category === category) && keep(id);
    });
    return ids
      .map((itemId) => ({ itemId, score: scores.get(itemId)! }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}
