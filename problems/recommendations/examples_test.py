import unittest

from solution import Recommendation, Recommender, UnknownItemError

DAY = 86_400_000


class FakeClock:
    """A clock the test moves by hand: calling it returns `now` in milliseconds."""

    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> float:
        return self.now


def example_shop():
    """Example 1's shop: four items and three shoppers, all at time 0."""
    clock = FakeClock()
    rec = Recommender(window_ms=30 * DAY, clock=clock)
    rec.add_item('tent', 'camping')
    rec.add_item('stove', 'camping')
    rec.add_item('lamp', 'camping')
    rec.add_item('boots', 'shoes')
    rec.record('ana', 'tent', 'purchase')
    rec.record('ana', 'stove', 'view')
    rec.record('ana', 'stove', 'view')
    rec.record('ben', 'tent', 'view')
    rec.record('ben', 'lamp', 'cart')
    rec.record('ben', 'boots', 'purchase')
    rec.record('cy', 'tent', 'cart')
    rec.record('cy', 'boots', 'cart')
    return clock, rec


class RecommenderExamples(unittest.TestCase):
    """Recommender: examples"""

    def test_scores_by_shared_users(self):
        """scores items by the users they share, weaker signal of each pair counting (Example 1)"""
        _, rec = example_shop()
        self.assertEqual(rec.similar_items('tent'), [
            Recommendation('boots', 4),
            Recommendation('lamp', 1),
            Recommendation('stove', 1),
        ], 'boots: 1 (ben) + 3 (cy); lamp and stove: 1 each')

    def test_category_and_limit(self):
        """filters by category and cuts the list at the limit"""
        _, rec = example_shop()
        self.assertEqual(rec.similar_items('tent', category='camping', limit=1), [Recommendation('lamp', 1)],
                         'the best camping item only')

    def test_recommends_for_a_user(self):
        """recommends what is similar to a user's items, leaving out the items themselves"""
        _, rec = example_shop()
        self.assertEqual(rec.recommend_for('ana'), [
            Recommendation('boots', 4),
            Recommendation('lamp', 1),
        ], 'ana has tent and stove')

    def test_out_of_stock_left_out(self):
        """leaves out items that are out of stock"""
        _, rec = example_shop()
        rec.set_in_stock('boots', False)
        self.assertEqual(rec.recommend_for('ana'), [Recommendation('lamp', 1)], 'boots are out of stock')

    def test_window_passes(self):
        """forgets interactions once the window has passed"""
        clock, rec = example_shop()
        clock.now = 30 * DAY
        self.assertEqual(rec.similar_items('tent'), [], 'everything recorded at 0 stopped counting at 30 days')

    def test_bought_never_recommended(self):
        """never recommends an item the user bought, even long ago (Example 2)"""
        clock, rec = example_shop()
        clock.now = 30 * DAY
        rec.record('ana', 'lamp', 'view')
        rec.record('dan', 'lamp', 'view')
        rec.record('dan', 'tent', 'view')
        self.assertEqual(rec.recommend_for('ana'), [], 'the tent is similar to her lamp, but she bought it')
        self.assertEqual(rec.similar_items('lamp'), [Recommendation('tent', 1)], 'dan viewed both')

    def test_unknown_item_rejected(self):
        """rejects an interaction with an item that is not in the catalog"""
        _, rec = example_shop()
        with self.assertRaises(UnknownItemError, msg='nope was never added'):
            rec.record('eve', 'nope', 'view')


if __name__ == '__main__':
    unittest.main()
