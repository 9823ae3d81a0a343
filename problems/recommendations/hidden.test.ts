import { expect } from 'chai';
import fc from 'fast-check';
import { expectThrow } from 'rehearse-test';
import { Recommender, UnknownItemError, type Interaction, type Query, type Recommendation, type RecommenderOptions } from './solution';

const W = 1000;

/** A recommender on a test clock, with items a, b, c in category 'x' and d in 'y' unless told otherwise. */
function setup(options: Partial<RecommenderOptions> = {}, items: Record<string, string> = { a: 'x', b: 'x', c: 'x', d: 'y' }) {
  const clock = { now: 0 };
  const rec = new Recommender({ windowMs: W, clock: () => clock.now, ...options });
  for (const [id, category] of Object.entries(items)) rec.addItem(id, category);
  return { clock, rec };
}

/** Records, for each user, each [item, kind] pair at the current time. */
function interact(rec: Recommender, byUser: Record<string, Array<[string, Interaction]>>): void {
  for (const [user, pairs] of Object.entries(byUser)) for (const [item, kind] of pairs) rec.record(user, item, kind);
}

const ids = (list: Recommendation[]) => list.map((r) => r.itemId);

/** Expects `fn` to throw `type` with a message mentioning each of `mentions` (any letter case, any order). */
function expectError(fn: () => unknown, type: new (...args: never[]) => Error, what: string, ...mentions: string[]): void {
  expectThrow(fn, type, mentions, what);
}

describe('Recommender — hidden', () => {
  describe('catalog and stock', () => {
    it('[R1] adds new items in stock', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'view'], ['b', 'view']] });
      expect(rec.similarItems('a'), 'b was just added and is in stock').to.deep.equal([{ itemId: 'b', score: 1 }]);
    });

    it('[R1] re-adding an item changes its category but keeps its stock state and interactions', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'cart'], ['b', 'cart']] });
      rec.setInStock('b', false);
      rec.addItem('b', 'y');
      expect(rec.similarItems('a'), 're-adding does not put b back in stock').to.deep.equal([]);
      rec.setInStock('b', true);
      expect(rec.similarItems('a', { category: 'y' }), 'b is now in y with its interactions').to.deep.equal([{ itemId: 'b', score: 3 }]);
      expect(rec.similarItems('a', { category: 'x' }), 'b has left x').to.deep.equal([]);
    });

    it('[R1][R2] re-adding an in-stock item keeps it in stock', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'view'], ['b', 'view']] });
      rec.addItem('b', 'x');
      expect(ids(rec.similarItems('a'))).to.deep.equal(['b']);
    });

    it('[R2] never returns an out-of-stock item, from either method, until it is back in stock', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'view'], ['b', 'view'], ['c', 'view']], v: [['a', 'view']] });
      rec.setInStock('b', false);
      expect(ids(rec.similarItems('a')), 'similarItems skips b').to.deep.equal(['c']);
      expect(ids(rec.recommendFor('v')), 'recommendFor skips b').to.deep.equal(['c']);
      rec.setInStock('b', true);
      expect(ids(rec.similarItems('a')), 'b is back').to.deep.equal(['b', 'c']);
      expect(ids(rec.recommendFor('v'))).to.deep.equal(['b', 'c']);
    });

    it('[R3] an out-of-stock item can still be asked about and still counts among a user\'s items', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'purchase'], ['b', 'view']], v: [['a', 'view']] });
      rec.setInStock('a', false);
      expect(rec.similarItems('a'), 'a is out of stock but its neighbours are not').to.deep.equal([{ itemId: 'b', score: 1 }]);
      expect(rec.recommendFor('v'), "v's out-of-stock a still leads to b").to.deep.equal([{ itemId: 'b', score: 1 }]);
    });

    it('[R4 record, setInStock, similarItems] rejects unknown items in record, setInStock and similarItems, naming the item', () => {
      const { rec } = setup();
      expectError(() => rec.record('u', 'sku-9', 'view'), UnknownItemError, 'record', 'unknown item', 'sku-9');
      expectError(() => rec.setInStock('sku-8', false), UnknownItemError, 'setInStock', 'unknown item', 'sku-8');
      expectError(() => rec.similarItems('sku-7'), UnknownItemError, 'similarItems', 'unknown item', 'sku-7');
    });

    it("[R4] UnknownItemError's name is its class name and it is an Error", () => {
      const { rec } = setup();
      let caught: unknown;
      try {
        rec.similarItems('ghost');
      } catch (err) {
        caught = err;
      }
      expect(caught).to.be.instanceOf(Error);
      expect((caught as Error).name).to.equal('UnknownItemError');
    });

    it('[R4] knows an item once it has been added', () => {
      const { rec } = setup({}, {});
      expectError(() => rec.record('u', 'late', 'view'), UnknownItemError, 'before addItem', 'late');
      rec.addItem('late', 'x');
      rec.record('u', 'late', 'view');
      expect(rec.similarItems('late')).to.deep.equal([]);
    });

    it('[R4] returns [] for a user never seen, and for a known item nobody touched', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'view'], ['b', 'view']] });
      expect(rec.recommendFor('stranger')).to.deep.equal([]);
      expect(rec.similarItems('c')).to.deep.equal([]);
    });
  });

  describe('interactions and time', () => {
    it('[R5] counts an interaction until 1 ms before windowMs has passed', () => {
      const { clock, rec } = setup();
      interact(rec, { u: [['a', 'view'], ['b', 'view']] });
      clock.now = W - 1;
      expect(ids(rec.similarItems('a')), 'at windowMs - 1 both still count').to.deep.equal(['b']);
    });

    it('[R5] stops counting an interaction exactly windowMs after it', () => {
      const { clock, rec } = setup();
      interact(rec, { u: [['a', 'view'], ['b', 'view']] });
      clock.now = W;
      expect(rec.similarItems('a'), 'at windowMs neither counts').to.deep.equal([]);
    });

    it('[R5] times each interaction by the clock when it is recorded', () => {
      const { clock, rec } = setup();
      clock.now = 500;
      rec.record('u', 'a', 'view');
      clock.now = 700;
      rec.record('u', 'b', 'view');
      clock.now = 1499;
      expect(ids(rec.similarItems('b')), 'a (at 500) counts until 1500').to.deep.equal(['a']);
      clock.now = 1500;
      expect(rec.similarItems('b'), 'a stopped counting at 1500; b still counts').to.deep.equal([]);
      expect(rec.similarItems('a')).to.deep.equal([]);
    });

    it('[R5] supports a fractional window', () => {
      const { clock, rec } = setup({ windowMs: 1.5 });
      interact(rec, { u: [['a', 'view'], ['b', 'view']] });
      clock.now = 1;
      expect(ids(rec.similarItems('a')), 'inside 1.5 ms').to.deep.equal(['b']);
      clock.now = 1.5;
      expect(rec.similarItems('a'), '1.5 ms have passed').to.deep.equal([]);
    });

    it('[R5] computes scores when asked: the same state answers differently as time passes', () => {
      const { clock, rec } = setup();
      interact(rec, { u: [['a', 'view'], ['b', 'view']] });
      clock.now = 600;
      interact(rec, { v: [['a', 'cart'], ['c', 'cart']] });
      expect(rec.similarItems('a')).to.deep.equal([
        { itemId: 'c', score: 3 },
        { itemId: 'b', score: 1 },
      ]);
      clock.now = 1000;
      expect(rec.similarItems('a'), "u's interactions expired, v's still count").to.deep.equal([{ itemId: 'c', score: 3 }]);
      clock.now = 1600;
      expect(rec.similarItems('a')).to.deep.equal([]);
    });

    it('[R6] does not add up repeated interactions: ten views weigh one', () => {
      const { rec } = setup();
      for (let i = 0; i < 10; i++) interact(rec, { u: [['a', 'view'], ['b', 'view']] });
      expect(rec.similarItems('a')).to.deep.equal([{ itemId: 'b', score: 1 }]);
    });

    it('[R6] takes the strongest counting interaction, not the latest', () => {
      const { clock, rec } = setup();
      interact(rec, { u: [['a', 'purchase'], ['b', 'purchase']] });
      clock.now = 50;
      interact(rec, { u: [['a', 'view']] });
      clock.now = 60;
      expect(rec.similarItems('b'), 'the purchase of a (5) outweighs the later view (1)').to.deep.equal([{ itemId: 'a', score: 5 }]);
    });

    it('[R6] combines different kinds by their largest weight, not their sum', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'view'], ['a', 'cart'], ['b', 'purchase']] });
      expect(rec.similarItems('b'), 'a is worth max(1, 3) = 3, not 4').to.deep.equal([{ itemId: 'a', score: 3 }]);
    });

    it('[R6] falls back to the strongest interaction still counting when the strongest expires', () => {
      const { clock, rec } = setup();
      interact(rec, { u: [['a', 'purchase'], ['b', 'purchase']] });
      clock.now = 50;
      interact(rec, { u: [['a', 'view'], ['b', 'cart']] });
      clock.now = W;
      expect(rec.similarItems('a'), 'purchases expired: min(view 1, cart 3)').to.deep.equal([{ itemId: 'b', score: 1 }]);
      clock.now = W + 50;
      expect(rec.similarItems('a'), 'everything expired').to.deep.equal([]);
    });

    it('[R6] keeps a repeated interaction alive past the window of its first occurrence', () => {
      const { clock, rec } = setup();
      interact(rec, { u: [['a', 'cart']] });
      clock.now = 600;
      interact(rec, { u: [['a', 'cart'], ['b', 'cart']] });
      clock.now = 1200;
      expect(rec.similarItems('b'), 'the cart of a at 600 counts until 1600').to.deep.equal([{ itemId: 'a', score: 3 }]);
    });

    it('[R6] uses the configured weights', () => {
      const { rec } = setup({ weights: { view: 2, cart: 7, purchase: 11 } });
      interact(rec, { u: [['a', 'purchase'], ['b', 'purchase'], ['c', 'cart'], ['d', 'view']] });
      expect(rec.similarItems('a')).to.deep.equal([
        { itemId: 'b', score: 11 },
        { itemId: 'c', score: 7 },
        { itemId: 'd', score: 2 },
      ]);
    });
  });

  describe('similarity', () => {
    it('[R7] takes the weaker affinity of each user and sums over users', () => {
      const { rec } = setup();
      interact(rec, {
        u: [['a', 'purchase'], ['b', 'view']], // min(5, 1) = 1
        v: [['a', 'cart'], ['b', 'purchase']], // min(3, 5) = 3
        w: [['a', 'purchase'], ['b', 'purchase']], // 5
      });
      expect(rec.similarItems('a')).to.deep.equal([{ itemId: 'b', score: 9 }]);
      expect(rec.similarItems('b'), 'similarity is symmetric').to.deep.equal([{ itemId: 'a', score: 9 }]);
    });

    it('[R7] a user contributes only while both of their interactions count', () => {
      const { clock, rec } = setup();
      interact(rec, { u: [['b', 'purchase']] });
      clock.now = 500;
      interact(rec, { u: [['a', 'purchase']], v: [['a', 'view'], ['c', 'view']] });
      clock.now = 1000;
      expect(rec.similarItems('a'), "u's b expired, so u adds nothing and b has score 0").to.deep.equal([{ itemId: 'c', score: 1 }]);
    });

    it('[R7] users who touched only one of the two items add nothing', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'purchase']], v: [['b', 'purchase']], w: [['a', 'view'], ['b', 'view']] });
      expect(rec.similarItems('a')).to.deep.equal([{ itemId: 'b', score: 1 }]);
    });

    it('[R8] never lists the item asked about', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'purchase'], ['b', 'view']], v: [['a', 'purchase']] });
      expect(ids(rec.similarItems('a'))).to.deep.equal(['b']);
    });

    it('[R8] leaves out items whose similarity is 0', () => {
      const { clock, rec } = setup();
      interact(rec, { u: [['a', 'view'], ['b', 'view']] });
      clock.now = 999;
      interact(rec, { v: [['a', 'view']] });
      clock.now = 1000;
      expect(rec.similarItems('a'), 'b only co-occurred through expired interactions').to.deep.equal([]);
    });
  });

  describe('recommendations for a user', () => {
    it("[R9] sums the similarities to each of the user's items", () => {
      const { rec } = setup();
      interact(rec, {
        me: [['a', 'view'], ['b', 'view']],
        u: [['a', 'cart'], ['c', 'cart']], // sim(a, c) = 3
        v: [['b', 'purchase'], ['c', 'purchase'], ['d', 'view']], // sim(b, c) = 5, sim(b, d) = 1
      });
      expect(rec.recommendFor('me')).to.deep.equal([
        { itemId: 'c', score: 8 },
        { itemId: 'd', score: 1 },
      ]);
    });

    it("[R9] does not weight the sum by the user's own affinity", () => {
      const { rec } = setup();
      interact(rec, { me: [['a', 'purchase']], u: [['a', 'view'], ['b', 'view']] });
      expect(rec.recommendFor('me')).to.deep.equal([{ itemId: 'b', score: 1 }]);
    });

    it('[R9] ignores items whose interactions stopped counting', () => {
      const { clock, rec } = setup();
      interact(rec, { me: [['a', 'view']] });
      clock.now = 500;
      interact(rec, { me: [['c', 'view']], u: [['a', 'view'], ['b', 'view'], ['c', 'view']] });
      clock.now = 1000;
      expect(rec.recommendFor('me'), "a has left me's items: b comes from c only, and a is a candidate again").to.deep.equal([
        { itemId: 'a', score: 1 },
        { itemId: 'b', score: 1 },
      ]);
    });

    it('[R9] gives [] to a user whose interactions all stopped counting', () => {
      const { clock, rec } = setup();
      interact(rec, { me: [['a', 'view']], u: [['a', 'view'], ['b', 'view']] });
      expect(ids(rec.recommendFor('me'))).to.deep.equal(['b']);
      clock.now = W;
      expect(rec.recommendFor('me')).to.deep.equal([]);
    });

    it("[R10] never returns one of the user's own items", () => {
      const { rec } = setup();
      interact(rec, { me: [['a', 'view'], ['b', 'view']], u: [['a', 'purchase'], ['b', 'purchase'], ['c', 'view']] });
      expect(ids(rec.recommendFor('me'))).to.deep.equal(['c']);
    });

    it('[R10] never returns an item the user purchased, even after the purchase stopped counting', () => {
      const { clock, rec } = setup();
      interact(rec, { me: [['b', 'purchase']] });
      clock.now = 5000;
      interact(rec, { me: [['a', 'view']], u: [['a', 'view'], ['b', 'view'], ['c', 'view']] });
      expect(ids(rec.recommendFor('me'))).to.deep.equal(['c']);
    });

    it('[R10] an expired view or cart does not keep an item out', () => {
      const { clock, rec } = setup();
      interact(rec, { me: [['b', 'view'], ['c', 'cart']] });
      clock.now = 5000;
      interact(rec, { me: [['a', 'view']], u: [['a', 'view'], ['b', 'view'], ['c', 'view']] });
      expect(ids(rec.recommendFor('me'))).to.deep.equal(['b', 'c']);
    });

    it("[R10] another user's purchase does not keep the item out", () => {
      const { rec } = setup();
      interact(rec, { me: [['a', 'view']], u: [['a', 'view'], ['b', 'purchase']] });
      expect(ids(rec.recommendFor('me'))).to.deep.equal(['b']);
    });
  });

  describe('filters and ranking', () => {
    it('[R11 similarItems, recommendFor] filters by the category the item has at query time, in both methods', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'view'], ['b', 'view'], ['d', 'view']], me: [['a', 'view']] });
      expect(ids(rec.similarItems('a', { category: 'y' }))).to.deep.equal(['d']);
      expect(ids(rec.recommendFor('me', { category: 'x' }))).to.deep.equal(['b']);
      rec.addItem('d', 'x');
      expect(ids(rec.similarItems('a', { category: 'y' })), 'd has moved to x').to.deep.equal([]);
      expect(ids(rec.recommendFor('me', { category: 'x' }))).to.deep.equal(['b', 'd']);
    });

    it('[R11 similarItems] does not change the scores, and a category with no items gives []', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'cart'], ['b', 'cart'], ['d', 'view']] });
      expect(rec.similarItems('a', { category: 'x' })).to.deep.equal([{ itemId: 'b', score: 3 }]);
      expect(rec.similarItems('a', { category: 'y' })).to.deep.equal([{ itemId: 'd', score: 1 }]);
      expect(rec.similarItems('a', { category: 'garden' })).to.deep.equal([]);
      expect(rec.similarItems('a', {}), 'an empty query filters nothing').to.deep.equal([
        { itemId: 'b', score: 3 },
        { itemId: 'd', score: 1 },
      ]);
    });

    it('[R12 similarItems] sorts by score, highest first, whatever the ids', () => {
      const { rec } = setup({}, { hub: 'x', a: 'x', b: 'x', c: 'x' });
      interact(rec, { u: [['hub', 'purchase'], ['a', 'view'], ['b', 'purchase'], ['c', 'cart']] });
      expect(rec.similarItems('hub')).to.deep.equal([
        { itemId: 'b', score: 5 },
        { itemId: 'c', score: 3 },
        { itemId: 'a', score: 1 },
      ]);
    });

    it('[R12 similarItems] breaks ties by id in UTF-16 code-unit order, not by insertion or locale', () => {
      const { rec } = setup({}, { hub: 'x', item9: 'x', a: 'x', item10: 'x', B: 'x' });
      interact(rec, { u: [['hub', 'view'], ['item9', 'view'], ['a', 'view'], ['item10', 'view'], ['B', 'view']] });
      expect(ids(rec.similarItems('hub'))).to.deep.equal(['B', 'a', 'item10', 'item9']);
    });

    it('[R12 recommendFor] sorts picks by score, then ties by id in UTF-16 code-unit order', () => {
      const { rec } = setup({}, { hub: 'x', item9: 'x', a: 'x', item10: 'x', B: 'x', c: 'x' });
      interact(rec, {
        u: [['hub', 'view'], ['item9', 'view'], ['a', 'view'], ['item10', 'view'], ['B', 'view']],
        v: [['hub', 'cart'], ['c', 'cart']],
        me: [['hub', 'view']],
      });
      expect(rec.recommendFor('me'), "c scores 3; the rest tie at 1: 'B' before 'a', 'item10' before 'item9'").to.deep.equal([
        { itemId: 'c', score: 3 },
        { itemId: 'B', score: 1 },
        { itemId: 'a', score: 1 },
        { itemId: 'item10', score: 1 },
        { itemId: 'item9', score: 1 },
      ]);
    });

    it('[R12 similarItems] ranks a sum from several users against single strong signals correctly', () => {
      const { rec } = setup({}, { hub: 'x', p: 'x', q: 'x', r: 'x' });
      interact(rec, {
        u: [['hub', 'purchase'], ['p', 'purchase']], // p: 5
        v: [['hub', 'cart'], ['q', 'cart']], // q: 3 + 3
        w: [['hub', 'cart'], ['q', 'purchase'], ['r', 'view']], // r: 1
      });
      expect(rec.similarItems('hub')).to.deep.equal([
        { itemId: 'q', score: 6 },
        { itemId: 'p', score: 5 },
        { itemId: 'r', score: 1 },
      ]);
    });

    it('[R13 similarItems] returns at most 10 by default, the first 10 of the order', () => {
      const items: Record<string, string> = { hub: 'x' };
      for (let i = 0; i < 12; i++) items[`i${String(i).padStart(2, '0')}`] = 'x';
      const { rec } = setup({}, items);
      for (let i = 0; i < 12; i++) rec.record(`u${i}`, 'hub', 'purchase');
      for (let i = 0; i < 12; i++) rec.record(`u${i}`, `i${String(i).padStart(2, '0')}`, i === 11 ? 'purchase' : 'view');
      const list = rec.similarItems('hub');
      expect(list, 'ten results').to.have.length(10);
      expect(list[0], 'the strongest first').to.deep.equal({ itemId: 'i11', score: 5 });
      expect(ids(list.slice(1)), 'then the ties in id order').to.deep.equal(['i00', 'i01', 'i02', 'i03', 'i04', 'i05', 'i06', 'i07', 'i08']);
    });

    it('[R13 similarItems] cuts the list after the stock and category filters', () => {
      const { rec } = setup({}, { hub: 'x', p: 'x', q: 'y', r: 'x', s: 'x' });
      interact(rec, { u: [['hub', 'purchase'], ['p', 'purchase'], ['q', 'cart'], ['r', 'view'], ['s', 'view']] });
      rec.setInStock('p', false);
      expect(rec.similarItems('hub', { limit: 2 }), 'p is out of stock: q and r fill the two places').to.deep.equal([
        { itemId: 'q', score: 3 },
        { itemId: 'r', score: 1 },
      ]);
      expect(ids(rec.similarItems('hub', { category: 'x', limit: 1 })), 'the best in-stock item of x').to.deep.equal(['r']);
    });

    it('[R13 similarItems, recommendFor] honours limit 1 and limit 100, and returns fewer when fewer qualify', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'view'], ['b', 'cart'], ['c', 'view'], ['d', 'view']], me: [['a', 'view']] });
      expect(rec.similarItems('a', { limit: 1 })).to.deep.equal([{ itemId: 'b', score: 1 }]);
      expect(ids(rec.similarItems('a', { limit: 2 }))).to.deep.equal(['b', 'c']);
      expect(ids(rec.similarItems('a', { limit: 100 }))).to.deep.equal(['b', 'c', 'd']);
      expect(ids(rec.recommendFor('me', { limit: 1 }))).to.deep.equal(['b']);
    });
  });

  describe('bad input', () => {
    it('[R14] rejects options that are not an object', () => {
      for (const bad of [null, undefined, 5, 'opts']) {
        expectError(() => new Recommender(bad as unknown as RecommenderOptions), TypeError, `options ${String(bad)}`, 'options');
      }
    });

    it('[R14] rejects a windowMs that is not a positive finite number', () => {
      for (const bad of [0, -1, NaN, Infinity, '1000', undefined]) {
        expectError(() => new Recommender({ windowMs: bad as number }), RangeError, `windowMs ${String(bad)}`, 'windowMs');
      }
    });

    it('[R15] rejects a weight that is not a positive integer, naming its kind', () => {
      const cases: Array<[Interaction, unknown]> = [['view', 0], ['cart', -1], ['purchase', 1.5], ['view', NaN], ['cart', '2'], ['purchase', Infinity]];
      for (const [kind, bad] of cases) {
        expectError(() => new Recommender({ windowMs: W, weights: { [kind]: bad as number } }), RangeError, `${kind} ${String(bad)}`, kind);
      }
    });

    it('[R15] keeps the defaults for weights not given', () => {
      const { rec } = setup({ weights: { cart: 4 } });
      interact(rec, { u: [['a', 'purchase'], ['b', 'purchase'], ['c', 'cart'], ['d', 'view']] });
      expect(rec.similarItems('a')).to.deep.equal([
        { itemId: 'b', score: 5 },
        { itemId: 'c', score: 4 },
        { itemId: 'd', score: 1 },
      ]);
    });

    it('[R16] rejects a clock that is not a function, and defaults to the real time', () => {
      expectError(() => new Recommender({ windowMs: W, clock: 5 as unknown as () => number }), TypeError, 'clock 5', 'clock');
      const rec = new Recommender({ windowMs: 60_000 });
      rec.addItem('a', 'x');
      rec.addItem('b', 'x');
      rec.record('u', 'a', 'view');
      rec.record('u', 'b', 'view');
      expect(rec.similarItems('a'), 'interactions made a moment ago count').to.deep.equal([{ itemId: 'b', score: 1 }]);
    });

    it('[R17 addItem, record, setInStock, similarItems, recommendFor] rejects empty or non-string user ids, item ids and categories, naming the argument', () => {
      const { rec } = setup();
      for (const bad of ['', 7, undefined]) {
        const b = bad as string;
        expectError(() => rec.record(b, 'a', 'view'), TypeError, `record userId ${String(bad)}`, 'userId');
        expectError(() => rec.recommendFor(b), TypeError, `recommendFor userId ${String(bad)}`, 'userId');
        expectError(() => rec.record('u', b, 'view'), TypeError, `record itemId ${String(bad)}`, 'itemId');
        expectError(() => rec.addItem(b, 'x'), TypeError, `addItem itemId ${String(bad)}`, 'itemId');
        expectError(() => rec.setInStock(b, true), TypeError, `setInStock itemId ${String(bad)}`, 'itemId');
        expectError(() => rec.similarItems(b), TypeError, `similarItems itemId ${String(bad)}`, 'itemId');
        expectError(() => rec.addItem('e', b), TypeError, `addItem category ${String(bad)}`, 'category');
        if (bad !== undefined) expectError(() => rec.similarItems('a', { category: b }), TypeError, `query category ${String(bad)}`, 'category');
      }
      expectError(() => rec.recommendFor('me', { category: '' }), TypeError, "recommendFor category ''", 'category');
    });

    it('[R18] rejects an unknown interaction kind and a non-boolean stock flag', () => {
      const { rec } = setup();
      for (const bad of ['like', '', 'View', undefined]) {
        expectError(() => rec.record('u', 'a', bad as Interaction), RangeError, `kind ${String(bad)}`, 'kind');
      }
      for (const bad of ['yes', 1, null]) {
        expectError(() => rec.setInStock('a', bad as unknown as boolean), TypeError, `inStock ${String(bad)}`, 'inStock');
      }
    });

    it('[R19 similarItems, recommendFor] rejects a limit that is not an integer from 1 to 100', () => {
      const { rec } = setup();
      for (const bad of [0, 101, -1, 1.5, NaN, '5']) {
        const query = { limit: bad } as Query;
        expectError(() => rec.similarItems('a', query), RangeError, `similarItems limit ${String(bad)}`, 'limit');
        expectError(() => rec.recommendFor('u', query), RangeError, `recommendFor limit ${String(bad)}`, 'limit');
      }
    });

    it('[R20 addItem, setInStock, record] a call that throws records nothing and changes no item', () => {
      const { rec } = setup();
      interact(rec, { u: [['a', 'view']] });
      expect(() => rec.record('u', 'b', 'like' as Interaction)).to.throw(RangeError);
      expect(rec.similarItems('a'), 'the bad record of b was not kept').to.deep.equal([]);
      expect(() => rec.addItem('e', '')).to.throw(TypeError);
      expectError(() => rec.record('u', 'e', 'view'), UnknownItemError, 'e was never added', 'e');
      interact(rec, { u: [['b', 'view']] });
      expect(() => rec.setInStock('b', 'no' as unknown as boolean)).to.throw(TypeError);
      expect(ids(rec.similarItems('a')), 'b is still in stock').to.deep.equal(['b']);
    });
  });

  describe('[model] random interleavings agree with a brute-force model', () => {
    it('[model] matches the model over every operation, weights, windows and time steps', () => {
      fc.assert(fc.property(configArb, fc.array(opArb, { minLength: 12, maxLength: 40 }), checkAgainstModel), {
        seed: 0x5eed14,
        numRuns: 30,
        includeErrorInReport: true,
      });
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Model-based test: a brute-force model keeps every interaction in a list and recomputes everything from
// the statement's definitions at each query.

const KINDS: readonly Interaction[] = ['view', 'cart', 'purchase'];
const DEFAULTS: Record<Interaction, number> = { view: 1, cart: 3, purchase: 5 };
const ITEMS = ['a', 'B', 'i10', 'i9', 'c'];
const USERS = ['u1', 'u2', 'u3'];

type Op =
  | { op: 'addItem'; item: string; category: string }
  | { op: 'setInStock'; item: string; inStock: boolean }
  | { op: 'record'; user: string; item: string; kind: string }
  | { op: 'wait'; ms: number }
  | { op: 'similarItems'; item: string; query: Query | undefined }
  | { op: 'recommendFor'; user: string; query: Query | undefined };

interface Config {
  windowMs: number;
  weights: Partial<Record<Interaction, number>>;
  catalog: string[];
}

/** One of the items, the last one (not in the catalog at the start) less often. */
const itemArb = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...ITEMS.slice(0, -1)) }, { weight: 1, arbitrary: fc.constant(ITEMS.at(-1)!) });
/** `arb`'s value in `weight` cases out of `weight + 3`, otherwise undefined (the argument is left out). */
const sometimes = <T>(arb: fc.Arbitrary<T>, weight: number) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight, arbitrary: arb });
const weightArb = sometimes(fc.integer({ min: 1, max: 6 }), 3);
const configArb: fc.Arbitrary<Config> = fc.record({
  windowMs: fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 12 })),
  weights: fc.record({ view: weightArb, cart: weightArb, purchase: weightArb }),
  // All items but the last start in the catalog, so that interactions land; the last is added (or not) by an operation.
  catalog: fc.tuple(...ITEMS.slice(0, -1).map(() => fc.constantFrom('c1', 'c2'))),
});
const queryArb: fc.Arbitrary<Query | undefined> = sometimes(
  fc
    .record({
      limit: sometimes(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(1, 2, 100) }, { weight: 1, arbitrary: fc.constantFrom(0, 101) }), 2),
      category: sometimes(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('c1', 'c2', 'c3') }, { weight: 1, arbitrary: fc.constant('') }), 2),
    })
    .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Query),
  2,
);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addItem' as const), item: fc.constantFrom(...ITEMS), category: fc.constantFrom('c1', 'c2', 'c1', 'c2', '') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setInStock' as const), item: itemArb, inStock: fc.boolean() }) },
  {
    weight: 10,
    arbitrary: fc.record({
      op: fc.constant('record' as const),
      user: fc.constantFrom(...USERS),
      item: itemArb,
      kind: fc.oneof({ weight: 20, arbitrary: fc.constantFrom('view', 'cart', 'purchase') }, { weight: 1, arbitrary: fc.constant('like') }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('wait' as const),
      // Mostly short steps, so that interactions overlap; longer ones land on the window's edges.
      ms: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 2 }) }, { weight: 1, arbitrary: fc.integer({ min: 3, max: 13 }) }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('similarItems' as const), item: itemArb, query: queryArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('recommendFor' as const), user: fc.constantFrom(...USERS, 'nobody'), query: queryArb }) },
);

/** Thrown by the model: the call must throw one of these error names (several bad arguments: any of them). */
class Expected {
  constructor(readonly names: string[]) {}
}

class Model {
  private readonly items = new Map<string, { category: string; inStock: boolean }>();
  private readonly events: Array<{ user: string; item: string; kind: Interaction; at: number }> = [];
  private cached: { now: number; events: number; table: Map<string, Map<string, number>> } | undefined;

  constructor(
    private readonly windowMs: number,
    private readonly weights: Record<Interaction, number>,
  ) {}

  catalog(): string[] {
    return [...this.items.keys()];
  }

  addItem(item: string, category: string): void {
    if (category === '') throw new Expected(['TypeError']);
    const known = this.items.get(item);
    this.items.set(item, { category, inStock: known ? known.inStock : true });
  }

  setInStock(item: string, inStock: boolean): void {
    const known = this.items.get(item);
    if (!known) throw new Expected(['UnknownItemError']);
    known.inStock = inStock;
  }

  record(user: string, item: string, kind: string, now: number): void {
    const errors = [...(this.items.has(item) ? [] : ['UnknownItemError']), ...(KINDS.includes(kind as Interaction) ? [] : ['RangeError'])];
    if (errors.length) throw new Expected(errors);
    this.events.push({ user, item, kind: kind as Interaction, at: now });
  }

  similarItems(item: string, query: Query | undefined, now: number): Recommendation[] {
    const errors = [...(this.items.has(item) ? [] : ['UnknownItemError']), ...this.queryErrors(query)];
    if (errors.length) throw new Expected(errors);
    const table = this.affinities(now);
    const scored = [...this.items.keys()].filter((b) => b !== item).map((b) => ({ itemId: b, score: similarity(table, item, b) }));
    return this.finish(scored, query);
  }

  recommendFor(user: string, query: Query | undefined, now: number): Recommendation[] {
    const errors = this.queryErrors(query);
    if (errors.length) throw new Expected(errors);
    const table = this.affinities(now);
    const catalog = [...this.items.keys()];
    const own = catalog.filter((x) => (table.get(user)?.get(x) ?? 0) > 0);
    const bought = new Set(this.events.filter((e) => e.user === user && e.kind === 'purchase').map((e) => e.item));
    const scored = catalog
      .filter((b) => !own.includes(b) && !bought.has(b))
      .map((b) => ({ itemId: b, score: own.reduce((sum, a) => sum + similarity(table, a, b), 0) }));
    return this.finish(scored, query);
  }

  private queryErrors(query: Query | undefined): string[] {
    const limit = query?.limit ?? 10;
    return [...(limit >= 1 && limit <= 100 ? [] : ['RangeError']), ...(query?.category === '' ? ['TypeError'] : [])];
  }

  /** user → item → affinity at `now`, straight from the definition: the largest weight still counting, else 0. */
  private affinities(now: number): Map<string, Map<string, number>> {
    // The table only changes with time and with new interactions: reuse it across the queries of one step.
    if (this.cached?.now === now && this.cached.events === this.events.length) return this.cached.table;
    const table = new Map<string, Map<string, number>>();
    for (const e of this.events) {
      const row = table.get(e.user) ?? new Map<string, number>();
      table.set(e.user, row);
      row.set(e.item, Math.max(row.get(e.item) ?? 0, now - e.at < this.windowMs ? this.weights[e.kind] : 0));
    }
    this.cached = { now, events: this.events.length, table };
    return table;
  }

  private finish(scored: Recommendation[], query: Query | undefined): Recommendation[] {
    return scored
      .filter((r) => r.score > 0 && this.items.get(r.itemId)!.inStock && (query?.category === undefined || this.items.get(r.itemId)!.category === query.category))
      .sort((x, y) => y.score - x.score || (x.itemId < y.itemId ? -1 : 1))
      .slice(0, query?.limit ?? 10);
  }
}

/** Sum over all users of the smaller of their two affinities. */
function similarity(table: Map<string, Map<string, number>>, a: string, b: string): number {
  let sum = 0;
  for (const row of table.values()) sum += Math.min(row.get(a) ?? 0, row.get(b) ?? 0);
  return sum;
}

const show = (value: unknown) => JSON.stringify(value);
/** A list of recommendations as "id:score …" (whatever order the solution wrote each object's keys in); anything else as JSON. */
const fingerprint = (value: unknown): string =>
  Array.isArray(value) ? value.map((r: Recommendation) => `${r.itemId}:${r.score}`).join(' ') : String(show(value));

function describeOp(op: Op): string {
  switch (op.op) {
    case 'addItem':
      return `addItem(${show(op.item)}, ${show(op.category)})`;
    case 'setInStock':
      return `setInStock(${show(op.item)}, ${op.inStock})`;
    case 'record':
      return `record(${show(op.user)}, ${show(op.item)}, ${show(op.kind)})`;
    case 'wait':
      return `wait ${op.ms} ms`;
    case 'similarItems':
      return `similarItems(${show(op.item)}${op.query ? `, ${show(op.query)}` : ''})`;
    case 'recommendFor':
      return `recommendFor(${show(op.user)}${op.query ? `, ${show(op.query)}` : ''})`;
  }
}

type Outcome = { value: unknown } | { error: string[] };

function outcomeOf(fn: () => unknown): Outcome {
  try {
    return { value: fn() };
  } catch (err) {
    if (err instanceof Expected) return { error: err.names };
    return { error: [err instanceof Error ? err.name : String(err)] };
  }
}

function checkAgainstModel(config: Config, ops: Op[]): void {
  let now = 0;
  const rec = new Recommender({ windowMs: config.windowMs, weights: config.weights, clock: () => now });
  const model = new Model(config.windowMs, { ...DEFAULTS, ...Object.fromEntries(Object.entries(config.weights).filter(([, w]) => w !== undefined)) });
  const done: string[] = [`new Recommender({ windowMs: ${config.windowMs}, weights: ${show(config.weights)} })`];
  config.catalog.forEach((category, i) => {
    rec.addItem(ITEMS[i]!, category);
    model.addItem(ITEMS[i]!, category);
    done.push(`addItem(${show(ITEMS[i])}, ${show(category)})`);
  });

  /** Runs one call on the model and on the solution and fails, with the history, if they disagree. */
  const compare = (text: string, call: (target: Recommender | Model) => unknown): void => {
    const expected = outcomeOf(() => call(model));
    const actual = outcomeOf(() => call(rec));
    const where = () => `after ${done.join(', ')}: ${text} at ${now} ms`;
    if ('error' in expected) {
      const got = 'error' in actual ? `throws ${actual.error[0]}` : `returns ${show(actual.value)}`;
      if (!('error' in actual) || !expected.error.includes(actual.error[0]!)) {
        throw new Error(`${where()}: expected it to throw ${expected.error.join(' or ')}, got ${got}`);
      }
    } else if ('error' in actual) {
      throw new Error(`${where()}: expected ${show(expected.value)}, got it throwing ${actual.error[0]}`);
    } else if (fingerprint(actual.value) !== fingerprint(expected.value)) {
      throw new Error(`${where()}: expected ${show(expected.value)}, got ${show(actual.value)}`);
    }
  };

  const all: Query = { limit: 100 };
  for (const op of ops) {
    if (op.op === 'wait') {
      now += op.ms;
      done.push(`wait ${op.ms} ms`);
    } else {
      compare(describeOp(op), (target) => {
        switch (op.op) {
          case 'addItem':
            return target.addItem(op.item, op.category);
          case 'setInStock':
            return target.setInStock(op.item, op.inStock);
          case 'record':
            return target instanceof Model ? target.record(op.user, op.item, op.kind, now) : target.record(op.user, op.item, op.kind as Interaction);
          case 'similarItems':
            return target instanceof Model ? target.similarItems(op.item, op.query, now) : target.similarItems(op.item, op.query);
          case 'recommendFor':
            return target instanceof Model ? target.recommendFor(op.user, op.query, now) : target.recommendFor(op.user, op.query);
        }
      });
      done.push(`${describeOp(op)} at ${now} ms`);
      if (op.op === 'similarItems' || op.op === 'recommendFor' || op.op === 'record') continue;
    }
    // After time passes or the catalog changes, every full list must agree too, so that a divergence shows up
    // at once (after each record as well would double the cost for few extra finds).
    for (const user of USERS) {
      compare(`recommendFor(${show(user)}, ${show(all)})`, (t) => (t instanceof Model ? t.recommendFor(user, all, now) : t.recommendFor(user, all)));
    }
    for (const item of model.catalog()) {
      compare(`similarItems(${show(item)}, ${show(all)})`, (t) => (t instanceof Model ? t.similarItems(item, all, now) : t.similarItems(item, all)));
    }
  }
}
