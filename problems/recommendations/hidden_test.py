import random
import unittest

from solution import Recommendation, Recommender, UnknownItemError

W = 1000


class FakeClock:
    """A clock the test moves by hand: calling it returns `now` in milliseconds."""

    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> float:
        return self.now


def setup(items=None, **options):
    """A recommender on a test clock, with items a, b, c in category 'x' and d in 'y' unless told otherwise."""
    clock = FakeClock()
    rec = Recommender(**{'window_ms': W, 'clock': clock, **options})
    for item_id, category in ({'a': 'x', 'b': 'x', 'c': 'x', 'd': 'y'} if items is None else items).items():
        rec.add_item(item_id, category)
    return clock, rec


def interact(rec, by_user):
    """Records, for each user, each (item, kind) pair at the current time."""
    for user, pairs in by_user.items():
        for item, kind in pairs:
            rec.record(user, item, kind)


def ids(recommendations):
    return [r.item_id for r in recommendations]


def assert_raises_naming(test, error, what, call, *mentions):
    """Checks that call() raises `error` (a class or a tuple of them) with a message mentioning each of
    `mentions`, in any letter case and any order."""
    names = ' or '.join(e.__name__ for e in (error if isinstance(error, tuple) else (error,)))
    with test.assertRaises(error, msg=f'{what}: expected {names}') as caught:
        call()
    test.assertMessage(caught.exception, *mentions, msg=f'{what}: the message should mention {mentions!r}')


class CatalogAndStock(unittest.TestCase):
    """catalog and stock"""

    def test_new_items_in_stock(self):
        """[R1] adds new items in stock"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'view'), ('b', 'view')]})
        self.assertEqual(rec.similar_items('a'), [Recommendation('b', 1)], 'b was just added and is in stock')

    def test_readd_changes_category_only(self):
        """[R1] re-adding an item changes its category but keeps its stock state and interactions"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'cart'), ('b', 'cart')]})
        rec.set_in_stock('b', False)
        rec.add_item('b', 'y')
        self.assertEqual(rec.similar_items('a'), [], 're-adding does not put b back in stock')
        rec.set_in_stock('b', True)
        self.assertEqual(rec.similar_items('a', category='y'), [Recommendation('b', 3)],
                         'b is now in y with its interactions')
        self.assertEqual(rec.similar_items('a', category='x'), [], 'b has left x')

    def test_readd_keeps_in_stock(self):
        """[R1][R2] re-adding an in-stock item keeps it in stock"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'view'), ('b', 'view')]})
        rec.add_item('b', 'x')
        self.assertEqual(ids(rec.similar_items('a')), ['b'], 'b is still in stock')

    def test_out_of_stock_never_returned(self):
        """[R2] never returns an out-of-stock item, from either method, until it is back in stock"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'view'), ('b', 'view'), ('c', 'view')], 'v': [('a', 'view')]})
        rec.set_in_stock('b', False)
        self.assertEqual(ids(rec.similar_items('a')), ['c'], 'similar_items skips b')
        self.assertEqual(ids(rec.recommend_for('v')), ['c'], 'recommend_for skips b')
        rec.set_in_stock('b', True)
        self.assertEqual(ids(rec.similar_items('a')), ['b', 'c'], 'b is back')
        self.assertEqual(ids(rec.recommend_for('v')), ['b', 'c'], 'b is back for v too')

    def test_out_of_stock_still_counts(self):
        """[R3] an out-of-stock item can still be asked about and still counts among a user's items"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'purchase'), ('b', 'view')], 'v': [('a', 'view')]})
        rec.set_in_stock('a', False)
        self.assertEqual(rec.similar_items('a'), [Recommendation('b', 1)], 'a is out of stock but its neighbours are not')
        self.assertEqual(rec.recommend_for('v'), [Recommendation('b', 1)], "v's out-of-stock a still leads to b")

    def test_unknown_items_rejected(self):
        """[R4 record, set_in_stock, similar_items] rejects unknown items in record, set_in_stock and similar_items, naming the item"""
        _, rec = setup()
        assert_raises_naming(self, UnknownItemError, 'record', lambda: rec.record('u', 'sku-9', 'view'),
                             'unknown item', 'sku-9')
        assert_raises_naming(self, UnknownItemError, 'set_in_stock', lambda: rec.set_in_stock('sku-8', False),
                             'unknown item', 'sku-8')
        assert_raises_naming(self, UnknownItemError, 'similar_items', lambda: rec.similar_items('sku-7'),
                             'unknown item', 'sku-7')

    def test_unknown_item_error_class(self):
        """[R4] UnknownItemError is an Exception named UnknownItemError"""
        _, rec = setup()
        with self.assertRaises(Exception, msg='similar_items of an unknown item') as caught:
            rec.similar_items('ghost')
        self.assertIsInstance(caught.exception, UnknownItemError, 'an UnknownItemError')
        self.assertEqual(type(caught.exception).__name__, 'UnknownItemError', 'the class keeps its name')

    def test_known_once_added(self):
        """[R4] knows an item once it has been added"""
        _, rec = setup(items={})
        assert_raises_naming(self, UnknownItemError, 'before add_item', lambda: rec.record('u', 'late', 'view'),
                             'late')
        rec.add_item('late', 'x')
        rec.record('u', 'late', 'view')
        self.assertEqual(rec.similar_items('late'), [], 'known now, and nothing else was touched')

    def test_strangers_get_empty_lists(self):
        """[R4] returns [] for a user never seen, and for a known item nobody touched"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'view'), ('b', 'view')]})
        self.assertEqual(rec.recommend_for('stranger'), [], 'a user never seen')
        self.assertEqual(rec.similar_items('c'), [], 'an item nobody touched')


class InteractionsAndTime(unittest.TestCase):
    """interactions and time"""

    def test_counts_until_just_before_window(self):
        """[R5] counts an interaction until 1 ms before window_ms has passed"""
        clock, rec = setup()
        interact(rec, {'u': [('a', 'view'), ('b', 'view')]})
        clock.now = W - 1
        self.assertEqual(ids(rec.similar_items('a')), ['b'], 'at window_ms - 1 both still count')

    def test_stops_counting_at_window(self):
        """[R5] stops counting an interaction exactly window_ms after it"""
        clock, rec = setup()
        interact(rec, {'u': [('a', 'view'), ('b', 'view')]})
        clock.now = W
        self.assertEqual(rec.similar_items('a'), [], 'at window_ms neither counts')

    def test_times_each_interaction(self):
        """[R5] times each interaction by the clock when it is recorded"""
        clock, rec = setup()
        clock.now = 500
        rec.record('u', 'a', 'view')
        clock.now = 700
        rec.record('u', 'b', 'view')
        clock.now = 1499
        self.assertEqual(ids(rec.similar_items('b')), ['a'], 'a (at 500) counts until 1500')
        clock.now = 1500
        self.assertEqual(rec.similar_items('b'), [], 'a stopped counting at 1500; b still counts')
        self.assertEqual(rec.similar_items('a'), [], 'and the other way round')

    def test_fractional_window(self):
        """[R5] supports a fractional window"""
        clock, rec = setup(window_ms=1.5)
        interact(rec, {'u': [('a', 'view'), ('b', 'view')]})
        clock.now = 1
        self.assertEqual(ids(rec.similar_items('a')), ['b'], 'inside 1.5 ms')
        clock.now = 1.5
        self.assertEqual(rec.similar_items('a'), [], '1.5 ms have passed')

    def test_scores_computed_when_asked(self):
        """[R5] computes scores when asked: the same state answers differently as time passes"""
        clock, rec = setup()
        interact(rec, {'u': [('a', 'view'), ('b', 'view')]})
        clock.now = 600
        interact(rec, {'v': [('a', 'cart'), ('c', 'cart')]})
        self.assertEqual(rec.similar_items('a'), [Recommendation('c', 3), Recommendation('b', 1)], 'both users count')
        clock.now = 1000
        self.assertEqual(rec.similar_items('a'), [Recommendation('c', 3)], "u's interactions expired, v's still count")
        clock.now = 1600
        self.assertEqual(rec.similar_items('a'), [], 'everything expired')

    def test_repeats_do_not_add_up(self):
        """[R6] does not add up repeated interactions: ten views weigh one"""
        _, rec = setup()
        for _ in range(10):
            interact(rec, {'u': [('a', 'view'), ('b', 'view')]})
        self.assertEqual(rec.similar_items('a'), [Recommendation('b', 1)], 'ten views of each weigh 1')

    def test_strongest_not_latest(self):
        """[R6] takes the strongest counting interaction, not the latest"""
        clock, rec = setup()
        interact(rec, {'u': [('a', 'purchase'), ('b', 'purchase')]})
        clock.now = 50
        interact(rec, {'u': [('a', 'view')]})
        clock.now = 60
        self.assertEqual(rec.similar_items('b'), [Recommendation('a', 5)],
                         'the purchase of a (5) outweighs the later view (1)')

    def test_largest_weight_not_sum(self):
        """[R6] combines different kinds by their largest weight, not their sum"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'view'), ('a', 'cart'), ('b', 'purchase')]})
        self.assertEqual(rec.similar_items('b'), [Recommendation('a', 3)], 'a is worth max(1, 3) = 3, not 4')

    def test_falls_back_when_strongest_expires(self):
        """[R6] falls back to the strongest interaction still counting when the strongest expires"""
        clock, rec = setup()
        interact(rec, {'u': [('a', 'purchase'), ('b', 'purchase')]})
        clock.now = 50
        interact(rec, {'u': [('a', 'view'), ('b', 'cart')]})
        clock.now = W
        self.assertEqual(rec.similar_items('a'), [Recommendation('b', 1)], 'purchases expired: min(view 1, cart 3)')
        clock.now = W + 50
        self.assertEqual(rec.similar_items('a'), [], 'everything expired')

    def test_repeat_extends_window(self):
        """[R6] keeps a repeated interaction alive past the window of its first occurrence"""
        clock, rec = setup()
        interact(rec, {'u': [('a', 'cart')]})
        clock.now = 600
        interact(rec, {'u': [('a', 'cart'), ('b', 'cart')]})
        clock.now = 1200
        self.assertEqual(rec.similar_items('b'), [Recommendation('a', 3)], 'the cart of a at 600 counts until 1600')

    def test_configured_weights(self):
        """[R6] uses the configured weights"""
        _, rec = setup(weights={'view': 2, 'cart': 7, 'purchase': 11})
        interact(rec, {'u': [('a', 'purchase'), ('b', 'purchase'), ('c', 'cart'), ('d', 'view')]})
        self.assertEqual(rec.similar_items('a'), [
            Recommendation('b', 11),
            Recommendation('c', 7),
            Recommendation('d', 2),
        ], 'purchase 11, cart 7, view 2')


class Similarity(unittest.TestCase):
    """similarity"""

    def test_min_per_user_summed(self):
        """[R7] takes the weaker affinity of each user and sums over users"""
        _, rec = setup()
        interact(rec, {
            'u': [('a', 'purchase'), ('b', 'view')],  # min(5, 1) = 1
            'v': [('a', 'cart'), ('b', 'purchase')],  # min(3, 5) = 3
            'w': [('a', 'purchase'), ('b', 'purchase')],  # 5
        })
        self.assertEqual(rec.similar_items('a'), [Recommendation('b', 9)], '1 + 3 + 5')
        self.assertEqual(rec.similar_items('b'), [Recommendation('a', 9)], 'similarity is symmetric')

    def test_both_must_count(self):
        """[R7] a user contributes only while both of their interactions count"""
        clock, rec = setup()
        interact(rec, {'u': [('b', 'purchase')]})
        clock.now = 500
        interact(rec, {'u': [('a', 'purchase')], 'v': [('a', 'view'), ('c', 'view')]})
        clock.now = 1000
        self.assertEqual(rec.similar_items('a'), [Recommendation('c', 1)],
                         "u's b expired, so u adds nothing and b has score 0")

    def test_one_sided_users_add_nothing(self):
        """[R7] users who touched only one of the two items add nothing"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'purchase')], 'v': [('b', 'purchase')], 'w': [('a', 'view'), ('b', 'view')]})
        self.assertEqual(rec.similar_items('a'), [Recommendation('b', 1)], 'only w touched both')

    def test_never_lists_itself(self):
        """[R8] never lists the item asked about"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'purchase'), ('b', 'view')], 'v': [('a', 'purchase')]})
        self.assertEqual(ids(rec.similar_items('a')), ['b'], 'a is not similar to itself here')

    def test_zero_similarity_left_out(self):
        """[R8] leaves out items whose similarity is 0"""
        clock, rec = setup()
        interact(rec, {'u': [('a', 'view'), ('b', 'view')]})
        clock.now = 999
        interact(rec, {'v': [('a', 'view')]})
        clock.now = 1000
        self.assertEqual(rec.similar_items('a'), [], 'b only co-occurred through expired interactions')


class RecommendationsForAUser(unittest.TestCase):
    """recommendations for a user"""

    def test_sums_over_own_items(self):
        """[R9] sums the similarities to each of the user's items"""
        _, rec = setup()
        interact(rec, {
            'me': [('a', 'view'), ('b', 'view')],
            'u': [('a', 'cart'), ('c', 'cart')],  # sim(a, c) = 3
            'v': [('b', 'purchase'), ('c', 'purchase'), ('d', 'view')],  # sim(b, c) = 5, sim(b, d) = 1
        })
        self.assertEqual(rec.recommend_for('me'), [Recommendation('c', 8), Recommendation('d', 1)],
                         'c: 3 + 5, d: 1')

    def test_not_weighted_by_own_affinity(self):
        """[R9] does not weight the sum by the user's own affinity"""
        _, rec = setup()
        interact(rec, {'me': [('a', 'purchase')], 'u': [('a', 'view'), ('b', 'view')]})
        self.assertEqual(rec.recommend_for('me'), [Recommendation('b', 1)], 'similarity(a, b) is 1')

    def test_expired_items_are_not_own(self):
        """[R9] ignores items whose interactions stopped counting"""
        clock, rec = setup()
        interact(rec, {'me': [('a', 'view')]})
        clock.now = 500
        interact(rec, {'me': [('c', 'view')], 'u': [('a', 'view'), ('b', 'view'), ('c', 'view')]})
        clock.now = 1000
        self.assertEqual(rec.recommend_for('me'), [Recommendation('a', 1), Recommendation('b', 1)],
                         "a has left me's items: b comes from c only, and a is a candidate again")

    def test_all_expired_gives_empty(self):
        """[R9] gives [] to a user whose interactions all stopped counting"""
        clock, rec = setup()
        interact(rec, {'me': [('a', 'view')], 'u': [('a', 'view'), ('b', 'view')]})
        self.assertEqual(ids(rec.recommend_for('me')), ['b'], 'while a counts')
        clock.now = W
        self.assertEqual(rec.recommend_for('me'), [], 'once a has expired')

    def test_never_own_items(self):
        """[R10] never returns one of the user's own items"""
        _, rec = setup()
        interact(rec, {'me': [('a', 'view'), ('b', 'view')],
                       'u': [('a', 'purchase'), ('b', 'purchase'), ('c', 'view')]})
        self.assertEqual(ids(rec.recommend_for('me')), ['c'], 'a and b are her own')

    def test_never_bought_items(self):
        """[R10] never returns an item the user purchased, even after the purchase stopped counting"""
        clock, rec = setup()
        interact(rec, {'me': [('b', 'purchase')]})
        clock.now = 5000
        interact(rec, {'me': [('a', 'view')], 'u': [('a', 'view'), ('b', 'view'), ('c', 'view')]})
        self.assertEqual(ids(rec.recommend_for('me')), ['c'], 'b was bought at 0')

    def test_expired_view_or_cart_does_not_exclude(self):
        """[R10] an expired view or cart does not keep an item out"""
        clock, rec = setup()
        interact(rec, {'me': [('b', 'view'), ('c', 'cart')]})
        clock.now = 5000
        interact(rec, {'me': [('a', 'view')], 'u': [('a', 'view'), ('b', 'view'), ('c', 'view')]})
        self.assertEqual(ids(rec.recommend_for('me')), ['b', 'c'], 'b and c were only viewed and carted')

    def test_other_users_purchase_does_not_exclude(self):
        """[R10] another user's purchase does not keep the item out"""
        _, rec = setup()
        interact(rec, {'me': [('a', 'view')], 'u': [('a', 'view'), ('b', 'purchase')]})
        self.assertEqual(ids(rec.recommend_for('me')), ['b'], 'u bought b, not me')


class FiltersAndRanking(unittest.TestCase):
    """filters and ranking"""

    def test_category_at_query_time(self):
        """[R11 similar_items, recommend_for] filters by the category the item has at query time, in both methods"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'view'), ('b', 'view'), ('d', 'view')], 'me': [('a', 'view')]})
        self.assertEqual(ids(rec.similar_items('a', category='y')), ['d'], 'd is in y')
        self.assertEqual(ids(rec.recommend_for('me', category='x')), ['b'], 'b is in x')
        rec.add_item('d', 'x')
        self.assertEqual(ids(rec.similar_items('a', category='y')), [], 'd has moved to x')
        self.assertEqual(ids(rec.recommend_for('me', category='x')), ['b', 'd'], 'b and d are in x now')

    def test_category_keeps_scores(self):
        """[R11 similar_items] does not change the scores, and a category with no items gives []"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'cart'), ('b', 'cart'), ('d', 'view')]})
        self.assertEqual(rec.similar_items('a', category='x'), [Recommendation('b', 3)], 'b in x')
        self.assertEqual(rec.similar_items('a', category='y'), [Recommendation('d', 1)], 'd in y')
        self.assertEqual(rec.similar_items('a', category='garden'), [], 'nothing in garden')
        self.assertEqual(rec.similar_items('a', category=None), [Recommendation('b', 3), Recommendation('d', 1)],
                         'category None filters nothing')

    def test_sorted_by_score(self):
        """[R12 similar_items] sorts by score, highest first, whatever the ids"""
        _, rec = setup(items={'hub': 'x', 'a': 'x', 'b': 'x', 'c': 'x'})
        interact(rec, {'u': [('hub', 'purchase'), ('a', 'view'), ('b', 'purchase'), ('c', 'cart')]})
        self.assertEqual(rec.similar_items('hub'), [
            Recommendation('b', 5),
            Recommendation('c', 3),
            Recommendation('a', 1),
        ], 'purchase, cart, view')

    def test_ties_by_code_point(self):
        """[R12 similar_items] breaks ties by id with plain string order, not by insertion or case-insensitively"""
        _, rec = setup(items={'hub': 'x', 'item9': 'x', 'a': 'x', 'item10': 'x', 'B': 'x'})
        interact(rec, {'u': [('hub', 'view'), ('item9', 'view'), ('a', 'view'), ('item10', 'view'), ('B', 'view')]})
        self.assertEqual(ids(rec.similar_items('hub')), ['B', 'a', 'item10', 'item9'],
                         "'B' before 'a', 'item10' before 'item9'")

    def test_recommend_for_order_and_ties(self):
        """[R12 recommend_for] sorts picks by score, then ties by id in plain string order"""
        _, rec = setup(items={'hub': 'x', 'item9': 'x', 'a': 'x', 'item10': 'x', 'B': 'x', 'c': 'x'})
        interact(rec, {'u': [('hub', 'view'), ('item9', 'view'), ('a', 'view'), ('item10', 'view'), ('B', 'view')],
                       'v': [('hub', 'cart'), ('c', 'cart')], 'me': [('hub', 'view')]})
        self.assertEqual(rec.recommend_for('me'), [Recommendation('c', 3), Recommendation('B', 1), Recommendation('a', 1),
                                                   Recommendation('item10', 1), Recommendation('item9', 1)],
                         "c scores 3; the rest tie at 1: 'B' before 'a', 'item10' before 'item9'")

    def test_sum_against_single_signals(self):
        """[R12 similar_items] ranks a sum from several users against single strong signals correctly"""
        _, rec = setup(items={'hub': 'x', 'p': 'x', 'q': 'x', 'r': 'x'})
        interact(rec, {
            'u': [('hub', 'purchase'), ('p', 'purchase')],  # p: 5
            'v': [('hub', 'cart'), ('q', 'cart')],  # q: 3 + 3
            'w': [('hub', 'cart'), ('q', 'purchase'), ('r', 'view')],  # r: 1
        })
        self.assertEqual(rec.similar_items('hub'), [
            Recommendation('q', 6),
            Recommendation('p', 5),
            Recommendation('r', 1),
        ], 'q: 3 + 3 beats p: 5')

    def test_default_limit_ten(self):
        """[R13 similar_items] returns at most 10 by default, the first 10 of the order"""
        items = {'hub': 'x'}
        for i in range(12):
            items[f'i{i:02d}'] = 'x'
        _, rec = setup(items=items)
        for i in range(12):
            rec.record(f'u{i}', 'hub', 'purchase')
        for i in range(12):
            rec.record(f'u{i}', f'i{i:02d}', 'purchase' if i == 11 else 'view')
        result = rec.similar_items('hub')
        self.assertEqual(len(result), 10, 'ten results')
        self.assertEqual(result[0], Recommendation('i11', 5), 'the strongest first')
        self.assertEqual(ids(result[1:]), ['i00', 'i01', 'i02', 'i03', 'i04', 'i05', 'i06', 'i07', 'i08'],
                         'then the ties in id order')

    def test_limit_after_filters(self):
        """[R13 similar_items] cuts the list after the stock and category filters"""
        _, rec = setup(items={'hub': 'x', 'p': 'x', 'q': 'y', 'r': 'x', 's': 'x'})
        interact(rec, {'u': [('hub', 'purchase'), ('p', 'purchase'), ('q', 'cart'), ('r', 'view'), ('s', 'view')]})
        rec.set_in_stock('p', False)
        self.assertEqual(rec.similar_items('hub', limit=2), [Recommendation('q', 3), Recommendation('r', 1)],
                         'p is out of stock: q and r fill the two places')
        self.assertEqual(ids(rec.similar_items('hub', category='x', limit=1)), ['r'], 'the best in-stock item of x')

    def test_limit_bounds(self):
        """[R13 similar_items, recommend_for] honours limit 1 and limit 100, and returns fewer when fewer qualify"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'view'), ('b', 'cart'), ('c', 'view'), ('d', 'view')], 'me': [('a', 'view')]})
        self.assertEqual(rec.similar_items('a', limit=1), [Recommendation('b', 1)], 'limit 1')
        self.assertEqual(ids(rec.similar_items('a', limit=2)), ['b', 'c'], 'limit 2')
        self.assertEqual(ids(rec.similar_items('a', limit=100)), ['b', 'c', 'd'], 'limit 100: all three')
        self.assertEqual(ids(rec.recommend_for('me', limit=1)), ['b'], 'limit 1 in recommend_for')


class BadInput(unittest.TestCase):
    """bad input"""

    def test_bool_is_not_a_number(self):
        """[R14][R15][R19 similar_items, recommend_for] treats a bool as no number and a whole float as an integer"""
        assert_raises_naming(self, (TypeError, ValueError), 'window_ms True', lambda: Recommender(window_ms=True),
                             'window_ms')
        assert_raises_naming(self, (TypeError, ValueError), "weights {'cart': True}",
                             lambda: Recommender(window_ms=W, weights={'cart': True}), 'cart')
        _, rec = setup(weights={'cart': 2.0})
        interact(rec, {'u': [('a', 'cart'), ('b', 'cart'), ('c', 'view')], 'me': [('a', 'view')]})
        for name, call in (('similar_items', lambda limit: rec.similar_items('a', limit=limit)),
                           ('recommend_for', lambda limit: rec.recommend_for('me', limit=limit))):
            with self.subTest(method=name):
                assert_raises_naming(self, (TypeError, ValueError), f'{name}(limit=True)', lambda: call(True), 'limit')
                self.assertEqual(ids(call(1.0)), ['b'], f'{name}(limit=1.0) is limit 1')
        self.assertEqual(rec.similar_items('a'), [Recommendation('b', 2), Recommendation('c', 1)],
                         'a cart weight of 2.0 counts as 2')

    def test_bad_window(self):
        """[R14] rejects a window_ms that is not a positive finite number"""
        for bad in (0, -1, float('nan'), float('inf')):
            with self.subTest(window_ms=bad):
                assert_raises_naming(self, ValueError, f'window_ms {bad!r}', lambda: Recommender(window_ms=bad),
                                     'window_ms')
        for bad in ('1000', None):
            with self.subTest(window_ms=bad):
                assert_raises_naming(self, (TypeError, ValueError), f'window_ms {bad!r}',
                                     lambda: Recommender(window_ms=bad), 'window_ms')

    def test_bad_weight(self):
        """[R15] rejects a weight that is not a positive integer, naming its kind"""
        cases = [('view', 0), ('cart', -1), ('purchase', 1.5), ('view', float('nan')), ('purchase', float('inf'))]
        for kind, bad in cases:
            with self.subTest(kind=kind, weight=bad):
                assert_raises_naming(self, ValueError, f'{kind} {bad!r}',
                                     lambda: Recommender(window_ms=W, weights={kind: bad}), kind)
        with self.subTest(kind='cart', weight='2'):
            assert_raises_naming(self, (TypeError, ValueError), "cart '2'",
                                 lambda: Recommender(window_ms=W, weights={'cart': '2'}), 'cart')

    def test_default_weights_kept(self):
        """[R15] keeps the defaults for weights not given"""
        _, rec = setup(weights={'cart': 4})
        interact(rec, {'u': [('a', 'purchase'), ('b', 'purchase'), ('c', 'cart'), ('d', 'view')]})
        self.assertEqual(rec.similar_items('a'), [
            Recommendation('b', 5),
            Recommendation('c', 4),
            Recommendation('d', 1),
        ], 'purchase 5 and view 1 by default, cart 4 as given')

    def test_bad_clock_and_default_clock(self):
        """[R16] rejects a clock that is not callable, and defaults to the real time"""
        assert_raises_naming(self, TypeError, 'clock 5', lambda: Recommender(window_ms=W, clock=5), 'clock')
        rec = Recommender(window_ms=60_000)
        rec.add_item('a', 'x')
        rec.add_item('b', 'x')
        rec.record('u', 'a', 'view')
        rec.record('u', 'b', 'view')
        self.assertEqual(rec.similar_items('a'), [Recommendation('b', 1)], 'interactions made a moment ago count')

    def test_bad_names(self):
        """[R17 add_item, record, set_in_stock, similar_items, recommend_for] rejects empty or non-string user ids, item ids and categories, naming the argument"""
        _, rec = setup()
        for bad in ('', 7, None):
            with self.subTest(value=bad):
                assert_raises_naming(self, TypeError, f'record user_id {bad!r}',
                                     lambda: rec.record(bad, 'a', 'view'), 'user_id')
                assert_raises_naming(self, TypeError, f'recommend_for user_id {bad!r}',
                                     lambda: rec.recommend_for(bad), 'user_id')
                assert_raises_naming(self, TypeError, f'record item_id {bad!r}',
                                     lambda: rec.record('u', bad, 'view'), 'item_id')
                assert_raises_naming(self, TypeError, f'add_item item_id {bad!r}',
                                     lambda: rec.add_item(bad, 'x'), 'item_id')
                assert_raises_naming(self, TypeError, f'set_in_stock item_id {bad!r}',
                                     lambda: rec.set_in_stock(bad, True), 'item_id')
                assert_raises_naming(self, TypeError, f'similar_items item_id {bad!r}',
                                     lambda: rec.similar_items(bad), 'item_id')
                assert_raises_naming(self, TypeError, f'add_item category {bad!r}',
                                     lambda: rec.add_item('e', bad), 'category')
                if bad is not None:
                    assert_raises_naming(self, TypeError, f'similar_items category {bad!r}',
                                         lambda: rec.similar_items('a', category=bad), 'category')
        assert_raises_naming(self, TypeError, "recommend_for category ''",
                             lambda: rec.recommend_for('me', category=''), 'category')

    def test_bad_kind_and_stock_flag(self):
        """[R18] rejects an unknown interaction kind and a stock flag that is not a bool"""
        _, rec = setup()
        for bad in ('like', '', 'View'):
            with self.subTest(kind=bad):
                assert_raises_naming(self, ValueError, f'kind {bad!r}', lambda: rec.record('u', 'a', bad), 'kind')
        with self.subTest(kind=None):
            assert_raises_naming(self, (TypeError, ValueError), 'kind None', lambda: rec.record('u', 'a', None), 'kind')
        for bad in ('yes', 1, None):
            with self.subTest(in_stock=bad):
                assert_raises_naming(self, TypeError, f'in_stock {bad!r}', lambda: rec.set_in_stock('a', bad),
                                     'in_stock')

    def test_bad_limit(self):
        """[R19 similar_items, recommend_for] rejects a limit that is not an integer from 1 to 100"""
        _, rec = setup()
        for bad in (0, 101, -1, 1.5, float('nan'), float('inf')):
            with self.subTest(limit=bad):
                assert_raises_naming(self, ValueError, f'similar_items limit {bad!r}',
                                     lambda: rec.similar_items('a', limit=bad), 'limit')
                assert_raises_naming(self, ValueError, f'recommend_for limit {bad!r}',
                                     lambda: rec.recommend_for('u', limit=bad), 'limit')
        with self.subTest(limit='5'):
            assert_raises_naming(self, (TypeError, ValueError), "similar_items limit '5'",
                                 lambda: rec.similar_items('a', limit='5'), 'limit')
            assert_raises_naming(self, (TypeError, ValueError), "recommend_for limit '5'",
                                 lambda: rec.recommend_for('u', limit='5'), 'limit')

    def test_failed_call_changes_nothing(self):
        """[R20 add_item, set_in_stock, record] a call that raises records nothing and changes no item"""
        _, rec = setup()
        interact(rec, {'u': [('a', 'view')]})
        with self.assertRaises(ValueError, msg="record of kind 'like'"):
            rec.record('u', 'b', 'like')
        self.assertEqual(rec.similar_items('a'), [], 'the bad record of b was not kept')
        with self.assertRaises(TypeError, msg="add_item with category ''"):
            rec.add_item('e', '')
        assert_raises_naming(self, UnknownItemError, 'e was never added', lambda: rec.record('u', 'e', 'view'), 'e')
        interact(rec, {'u': [('b', 'view')]})
        with self.assertRaises(TypeError, msg="set_in_stock('b', 'no')"):
            rec.set_in_stock('b', 'no')
        self.assertEqual(ids(rec.similar_items('a')), ['b'], 'b is still in stock')


# ---------------------------------------------------------------------------------------------------------
# Model-based test: a brute-force model keeps every interaction in a list and recomputes everything from
# the statement's definitions at each query.

KINDS = ('view', 'cart', 'purchase')
DEFAULT_WEIGHTS = {'view': 1, 'cart': 3, 'purchase': 5}
ITEMS = ['a', 'B', 'i10', 'i9', 'c']  # all but the last start in the catalog
USERS = ['u1', 'u2', 'u3']
EVERYTHING = {'limit': 100}


class Expect(Exception):
    """Raised by the model: the call must raise one of these exception classes (several bad arguments: any)."""

    def __init__(self, *errors):
        super().__init__()
        self.errors = errors


def similarity(table, a, b):
    """Sum over all users of the smaller of their two affinities."""
    return sum(min(row.get(a, 0), row.get(b, 0)) for row in table.values())


class Model:
    """The statement, literally."""

    def __init__(self, window_ms, weights, clock):
        self.window_ms = window_ms
        self.weights = weights
        self.clock = clock
        self.items = {}  # item -> [category, in stock]
        self.events = []  # (user, item, kind, time)

    def add_item(self, item, category):
        if category == '':
            raise Expect(TypeError)
        in_stock = self.items[item][1] if item in self.items else True
        self.items[item] = [category, in_stock]

    def set_in_stock(self, item, in_stock):
        if item not in self.items:
            raise Expect(UnknownItemError)
        self.items[item][1] = in_stock

    def record(self, user, item, kind):
        errors = ([] if item in self.items else [UnknownItemError]) + ([] if kind in KINDS else [ValueError])
        if errors:
            raise Expect(*errors)
        self.events.append((user, item, kind, self.clock.now))

    def similar_items(self, item, limit=10, category=None):
        errors = ([] if item in self.items else [UnknownItemError]) + self.query_errors(limit, category)
        if errors:
            raise Expect(*errors)
        table = self.affinities()
        scored = [Recommendation(b, similarity(table, item, b)) for b in self.items if b != item]
        return self.finish(scored, limit, category)

    def recommend_for(self, user, limit=10, category=None):
        errors = self.query_errors(limit, category)
        if errors:
            raise Expect(*errors)
        table = self.affinities()
        own = [x for x in self.items if table.get(user, {}).get(x, 0) > 0]
        bought = {item for who, item, kind, _ in self.events if who == user and kind == 'purchase'}
        scored = [Recommendation(b, sum(similarity(table, a, b) for a in own))
                  for b in self.items if b not in own and b not in bought]
        return self.finish(scored, limit, category)

    def query_errors(self, limit, category):
        return ([] if 1 <= limit <= 100 else [ValueError]) + ([TypeError] if category == '' else [])

    def affinities(self):
        """user -> item -> the largest weight still counting now, else 0."""
        now = self.clock.now
        table = {}
        for user, item, kind, at in self.events:
            row = table.setdefault(user, {})
            row[item] = max(row.get(item, 0), self.weights[kind] if now - at < self.window_ms else 0)
        return table

    def finish(self, scored, limit, category):
        kept = [r for r in scored
                if r.score > 0 and self.items[r.item_id][1]
                and (category is None or self.items[r.item_id][0] == category)]
        kept.sort(key=lambda r: (-r.score, r.item_id))
        return kept[:limit]


def some_item(rnd):
    """One of the items, the one outside the catalog at the start less often."""
    return 'c' if rnd.random() < 1 / 9 else rnd.choice(ITEMS[:-1])


def some_query(rnd):
    """No keyword most of the time, sometimes a limit and a category, boundaries and bad values included."""
    query = {}
    if rnd.random() < 0.5:
        if rnd.random() < 0.5:
            query['limit'] = rnd.choice([0, 101]) if rnd.random() < 1 / 7 else rnd.choice([1, 2, 100])
        if rnd.random() < 0.5:
            query['category'] = '' if rnd.random() < 1 / 7 else rnd.choice(['c1', 'c2', 'c3'])
    return query


def some_operation(rnd):
    """(method name, positional arguments, keyword arguments), or ('wait', ms): records weigh the most."""
    pick = rnd.randrange(21)
    if pick < 1:
        return 'add_item', (rnd.choice(ITEMS), rnd.choice(['c1', 'c2', 'c1', 'c2', ''])), {}
    if pick < 2:
        return 'set_in_stock', (some_item(rnd), rnd.random() < 0.5), {}
    if pick < 12:
        kind = 'like' if rnd.random() < 1 / 21 else rnd.choice(KINDS)
        return 'record', (rnd.choice(USERS), some_item(rnd), kind), {}
    if pick < 15:
        # Mostly short steps, so that interactions overlap; longer ones land on the window's edges.
        return 'wait', rnd.randint(0, 2) if rnd.random() < 0.75 else rnd.randint(3, 13)
    if pick < 18:
        return 'similar_items', (some_item(rnd),), some_query(rnd)
    return 'recommend_for', (rnd.choice(USERS + ['nobody']),), some_query(rnd)


def call_text(name, args, kwargs):
    return f"{name}({', '.join([repr(a) for a in args] + [f'{k}={v!r}' for k, v in kwargs.items()])})"


def shown(value):
    """A list of recommendations as [(item_id, score), ...], anything else as repr."""
    try:
        return repr([(r.item_id, r.score) for r in value])
    except (TypeError, AttributeError):
        return repr(value)


def run_scenario(rnd):
    """Runs one random scenario on the solution and on the model; returns the divergence as a sentence, or None."""
    window_ms = rnd.choice([1, 1, 1, 0.5, 2.5] + list(range(2, 13)))
    weights = {kind: rnd.randint(1, 6) for kind in KINDS if rnd.random() < 0.5}
    catalog = {item: rnd.choice(['c1', 'c2']) for item in ITEMS[:-1]}
    clock = FakeClock()
    done = [f'Recommender(window_ms={window_ms!r}, weights={weights!r})']
    try:
        rec = Recommender(window_ms=window_ms, weights=weights, clock=clock)
        for item, category in catalog.items():
            rec.add_item(item, category)
    except Exception as err:  # noqa: BLE001 - any exception is a divergence
        return f'{done[0]} raised {err!r}'
    model = Model(window_ms, {**DEFAULT_WEIGHTS, **weights}, clock)
    for item, category in catalog.items():
        model.add_item(item, category)
        done.append(f'add_item({item!r}, {category!r})')

    def compare(name, args, kwargs):
        text = call_text(name, args, kwargs)
        try:
            expected, errors = getattr(model, name)(*args, **kwargs), None
        except Expect as expect:
            expected, errors = None, expect.errors
        try:
            actual, raised = getattr(rec, name)(*args, **kwargs), None
        except Exception as err:  # noqa: BLE001 - any exception is a divergence
            actual, raised = None, err
        got = f'raised {raised!r}' if raised is not None else f'got {shown(actual)}'
        if errors is not None:
            if not isinstance(raised, errors):
                names = ' or '.join(e.__name__ for e in errors)
                return f'{text} at {clock.now} ms expected it to raise {names}, {got}'
            done.append(f'{text} at {clock.now} ms raises {type(raised).__name__}')
        else:
            if raised is not None or actual != expected:
                return f'{text} at {clock.now} ms expected {shown(expected)}, {got}'
            done.append(f'{text} at {clock.now} ms → {shown(actual)}')
        return None

    for _ in range(rnd.randint(12, 30)):
        operation = some_operation(rnd)
        if operation[0] == 'wait':
            clock.now += operation[1]
            done.append(f'wait {operation[1]} ms')
        else:
            divergence = compare(*operation)
            if divergence:
                return ', '.join(done) + ': ' + divergence
            if operation[0] != 'add_item' and operation[0] != 'set_in_stock':
                continue
        # After time passes or the catalog changes, whole lists must agree too, so a divergence shows at once.
        checks = [('recommend_for', (rnd.choice(USERS),), EVERYTHING),
                  ('similar_items', (rnd.choice(list(model.items)),), EVERYTHING)]
        for check in checks:
            divergence = compare(*check)
            if divergence:
                return ', '.join(done) + ': ' + divergence
    return None


class ModelBased(unittest.TestCase):
    """[model] random interleavings agree with a brute-force model"""

    def test_matches_model(self):
        """[model] matches the model over every operation, weights, windows and time steps"""
        seed = 0x5EED14
        rnd = random.Random(seed)
        for scenario in range(100):
            divergence = run_scenario(rnd)
            if divergence:
                self.fail(f'{divergence} (seed {seed}, scenario {scenario})')


if __name__ == '__main__':
    unittest.main()
