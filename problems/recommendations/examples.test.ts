import { expect } from 'chai';
import { Recommender, UnknownItemError } from './solution';

const DAY = 86_400_000;

/** Example 1's shop: four items and three shoppers, all at time 0. */
function exampleShop() {
  const clock = { now: 0 };
  const rec = new Recommender({ windowMs: 30 * DAY, clock: () => clock.now });
  rec.addItem('tent', 'camping');
  rec.addItem('stove', 'camping');
  rec.addItem('lamp', 'camping');
  rec.addItem('boots', 'shoes');
  rec.record('ana', 'tent', 'purchase');
  rec.record('ana', 'stove', 'view');
  rec.record('ana', 'stove', 'view');
  rec.record('ben', 'tent', 'view');
  rec.record('ben', 'lamp', 'cart');
  rec.record('ben', 'boots', 'purchase');
  rec.record('cy', 'tent', 'cart');
  rec.record('cy', 'boots', 'cart');
  return { clock, rec };
}

describe('Recommender — examples', () => {
  it('scores items by the users they share, weaker signal of each pair counting (Example 1)', () => {
    const { rec } = exampleShop();
    expect(rec.similarItems('tent'), 'boots: 1 (ben) + 3 (cy); lamp and stove: 1 each').to.deep.equal([
      { itemId: 'boots', score: 4 },
      { itemId: 'lamp', score: 1 },
      { itemId: 'stove', score: 1 },
    ]);
  });

  it('filters by category and cuts the list at the limit', () => {
    const { rec } = exampleShop();
    expect(rec.similarItems('tent', { category: 'camping', limit: 1 })).to.deep.equal([{ itemId: 'lamp', score: 1 }]);
  });

  it("recommends what is similar to a user's items, leaving out the items themselves", () => {
    const { rec } = exampleShop();
    expect(rec.recommendFor('ana'), 'ana has tent and stove').to.deep.equal([
      { itemId: 'boots', score: 4 },
      { itemId: 'lamp', score: 1 },
    ]);
  });

  it('leaves out items that are out of stock', () => {
    const { rec } = exampleShop();
    rec.setInStock('boots', false);
    expect(rec.recommendFor('ana')).to.deep.equal([{ itemId: 'lamp', score: 1 }]);
  });

  it('forgets interactions once the window has passed', () => {
    const { clock, rec } = exampleShop();
    clock.now = 30 * DAY;
    expect(rec.similarItems('tent'), 'everything recorded at 0 stopped counting at 30 days').to.deep.equal([]);
  });

  it('never recommends an item the user bought, even long ago (Example 2)', () => {
    const { clock, rec } = exampleShop();
    clock.now = 30 * DAY;
    rec.record('ana', 'lamp', 'view');
    rec.record('dan', 'lamp', 'view');
    rec.record('dan', 'tent', 'view');
    expect(rec.recommendFor('ana'), 'the tent is similar to her lamp, but she bought it').to.deep.equal([]);
    expect(rec.similarItems('lamp')).to.deep.equal([{ itemId: 'tent', score: 1 }]);
  });

  it('rejects an interaction with an item that is not in the catalog', () => {
    const { rec } = exampleShop();
    expect(() => rec.record('eve', 'nope', 'view')).to.throw(UnknownItemError);
  });
});
