/**
 * Item-to-item recommendations from co-occurring interactions. The statement has the rules; replace each body.
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

export class Recommender {
  constructor(options: RecommenderOptions) {
    // TODO: validate the options and keep what you need.
  }

  /** Adds an item (in stock), or changes the category of a known one. */
  addItem(itemId: string, category: string): void {
    throw new Error('Not implemented');
  }

  /** Marks a catalog item in or out of stock. */
  setInStock(itemId: string, inStock: boolean): void {
    throw new Error('Not implemented');
  }

  /** Records that the user viewed, carted or purchased the item now. */
  record(userId: string, itemId: string, kind: Interaction): void {
    throw new Error('Not implemented');
  }

  /** Other items engaged with by the same users, best first. */
  similarItems(itemId: string, query?: Query): Recommendation[] {
    throw new Error('Not implemented');
  }

  /** Items similar to the user's recent items, minus what they have or ever bought, best first. */
  recommendFor(userId: string, query?: Query): Recommendation[] {
    throw new Error('Not implemented');
  }
}
