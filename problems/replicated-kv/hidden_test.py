import random
import re
import unittest

from solution import ConfigError, QuorumError, ReplicatedStore, UnknownNodeError


def table_hash(table):
    """Test hash: ring tokens come from the table, and a key "name@N" sits at position N."""
    def position(s):
        if s in table:
            return table[s]
        if '@' not in s:
            raise AssertionError(f'the test hash has no position for {s!r}')
        return int(s[s.rindex('@') + 1:])
    return position


FIVE = {'A#0': 100, 'B#0': 200, 'C#0': 300, 'D#0': 400, 'E#0': 500}


def five(**options):
    """Five nodes A..E at 100..500; n = 3, r = 2, w = 2 unless overridden."""
    settings = {'n': 3, 'r': 2, 'w': 2, 'hash': table_hash(FIVE)}
    settings.update(options)
    return ReplicatedStore(['A', 'B', 'C', 'D', 'E'], **settings)


def utf16_fnv(s):
    """FNV-1a over UTF-16 code units, written out here so the default hash can be compared with it."""
    h = 0x811C9DC5
    units = s.encode('utf-16-le', 'surrogatepass')
    for i in range(0, len(units), 2):
        h = ((h ^ (units[i] + 256 * units[i + 1])) * 0x01000193) % 2**32
    return h


def expect_raise(test, fn, error_class, what):
    """Runs fn and returns the error it raises; fails unless it is an error_class."""
    try:
        fn()
    except error_class as err:
        return err
    except Exception as err:  # noqa: BLE001 - reported as a failure with what was raised
        test.fail(f'{what}: expected a {error_class.__name__}, got {type(err).__name__}: {err}')
    test.fail(f'{what}: expected a {error_class.__name__}, but nothing was raised')


def expect_quorum(test, fn, op, needed, live):
    """fn must raise a QuorumError with these fields, whose message names op, needed and live."""
    err = expect_raise(test, fn, QuorumError, f'{op} without quorum')
    test.assertEqual({'op': err.op, 'needed': err.needed, 'live': err.live},
                     {'op': op, 'needed': needed, 'live': live}, 'QuorumError fields')
    test.assertEqual(type(err).__name__, 'QuorumError', 'the error class is named QuorumError')
    test.assertMessage(err, op, needed, live, msg=f'the QuorumError message names the operation "{op}", needed = {needed} and live = {live}')


BAD_COUNTS = [
    ('r > n', {'n': 2, 'r': 3, 'w': 1}, 'r'),
    ('w > n', {'n': 2, 'r': 1, 'w': 3}, 'w'),
    ('r = 0', {'n': 2, 'r': 0, 'w': 1}, 'r'),
    ('w = 0', {'n': 2, 'r': 1, 'w': 0}, 'w'),
    ('n > nodes', {'n': 4, 'r': 1, 'w': 1}, 'n'),
    ('n = 0', {'n': 0, 'r': 0, 'w': 0}, 'n'),
    ('fractional r', {'n': 3, 'r': 1.5, 'w': 2}, 'r'),
    ('vnodes = 0', {'n': 2, 'r': 1, 'w': 1, 'vnodes': 0}, 'vnodes'),
]


class RingTest(unittest.TestCase):
    """replicated kv: the ring"""

    def test_key_on_token(self):
        """[R9] gives a key sitting exactly on a token to that token's node"""
        self.assertEqual(five().preference_list('k@300'), ['C', 'D', 'E'], 'k@300 sits on C#0')

    def test_wraps(self):
        """[R9][R10] wraps around for keys before the first or after the last token"""
        store = five()
        self.assertEqual(store.preference_list('k@50'), ['A', 'B', 'C'], 'before the first token')
        self.assertEqual(store.preference_list('k@450'), ['E', 'A', 'B'], 'E, then wrap to A and B')
        self.assertEqual(store.preference_list('k@501'), ['A', 'B', 'C'], 'past the last token')

    def test_distinct_nodes(self):
        """[R10] skips further tokens of a node already chosen, so replicas are on distinct nodes"""
        hash_ = table_hash({'A#0': 100, 'A#1': 150, 'B#0': 200, 'B#1': 250, 'C#0': 300, 'C#1': 350})
        store = ReplicatedStore(['A', 'B', 'C'], n=3, r=1, w=1, vnodes=2, hash=hash_)
        self.assertEqual(store.preference_list('k@120'), ['A', 'B', 'C'], 'A#1, B#0, B#1, C#0')
        self.assertEqual(store.preference_list('k@260'), ['C', 'A', 'B'], 'C#0, C#1, then wrap to A and B')

    def test_tie_by_node_id(self):
        """[R8] breaks position ties by node id, whatever order the nodes were listed in"""
        hash_ = table_hash({'B#0': 100, 'A#0': 100, 'C#0': 200})
        store = ReplicatedStore(['C', 'B', 'A'], n=2, r=1, w=1, hash=hash_)
        self.assertEqual(store.preference_list('k@50'), ['A', 'B'], 'A and B tie at 100: A first')

    def test_tie_every_order(self):
        """[R8] orders tied tokens by node id for every listing order, including already sorted"""
        hash_ = table_hash({'A#0': 100, 'B#0': 100, 'C#0': 100, 'D#0': 100, 'E#0': 300})
        orders = [
            ['A', 'B', 'C', 'D', 'E'],
            ['B', 'A', 'D', 'C', 'E'],
            ['E', 'D', 'C', 'B', 'A'],
            ['C', 'A', 'E', 'B', 'D'],
        ]
        for order in orders:
            with self.subTest(order=order):
                store = ReplicatedStore(order, n=5, r=1, w=1, hash=hash_)
                self.assertEqual(store.preference_list('k@50'), ['A', 'B', 'C', 'D', 'E'],
                                 f"nodes listed {','.join(order)}: A-D tie at 100, E at 300")
                self.assertEqual(store.preference_list('k@200'), ['E', 'A', 'B', 'C', 'D'],
                                 f"nodes listed {','.join(order)}: from E, wrap to the tie")

    def test_tie_same_node_index(self):
        """[R8] orders tied tokens by node id before the token index"""
        hash_ = table_hash({'A#0': 50, 'A#1': 100, 'B#0': 100, 'B#1': 400, 'C#0': 200, 'C#1': 300})
        store = ReplicatedStore(['B', 'C', 'A'], n=2, r=1, w=1, vnodes=2, hash=hash_)
        self.assertEqual(store.preference_list('k@100'), ['A', 'B'], 'A#1 and B#0 tie at 100: A first')

    def test_n_equals_cluster(self):
        """[R10][R2] lists every node when n equals the cluster size"""
        self.assertEqual(five(n=5, r=3, w=3).preference_list('k@250'), ['C', 'D', 'E', 'A', 'B'],
                         'all five nodes, from C round to B')

    def test_default_fnv(self):
        """[R7] hashes "<node>#<i>" and the key with FNV-1a by default"""
        nodes = ['node-a', 'node-b', 'node-c', 'node-d', 'node-e']
        one = ReplicatedStore(nodes, n=3, r=2, w=2)
        self.assertEqual(one.preference_list('user:0'), ['node-e', 'node-a', 'node-b'], "preference_list('user:0')")
        self.assertEqual(one.preference_list('user:10'), ['node-a', 'node-b', 'node-d'],
                         "preference_list('user:10')")
        self.assertEqual(one.preference_list('user:48'), ['node-c', 'node-e', 'node-a'],
                         "preference_list('user:48')")
        four = ReplicatedStore(nodes, n=3, r=2, w=2, vnodes=4)
        self.assertEqual(four.preference_list('user:48'), ['node-d', 'node-c', 'node-e'], 'with 4 vnodes per node')


class ConfigurationTest(unittest.TestCase):
    """replicated kv: configuration"""

    def test_out_of_range(self):
        """[R2][R3][R4][R5] rejects quorum, replication and vnode counts out of range"""
        for what, options, _ in BAD_COUNTS:
            with self.subTest(what):
                expect_raise(self, lambda: ReplicatedStore(['A', 'B', 'C'], **options), ConfigError, what)

    def test_names_field(self):
        """[R2][R3][R4][R5][R25] names the field at fault in a ConfigError"""
        for what, options, field in BAD_COUNTS:
            with self.subTest(what):
                err = expect_raise(self, lambda: ReplicatedStore(['A', 'B', 'C'], **options), ConfigError, what)
                self.assertEqual(type(err).__name__, 'ConfigError', f'{what}: the error class is named ConfigError')
                self.assertMessage(err, field, msg=f'{what}: the message names the field {field}')

    def test_bad_node_lists(self):
        """[R1] rejects an empty cluster, empty ids and duplicate ids"""
        expect_raise(self, lambda: ReplicatedStore([], n=1, r=1, w=1), ConfigError, 'no nodes')
        expect_raise(self, lambda: ReplicatedStore(['A', ''], n=1, r=1, w=1), ConfigError, 'empty id')
        expect_raise(self, lambda: ReplicatedStore(['A', 'B', 'A'], n=1, r=1, w=1), ConfigError, 'duplicate id')

    def test_names_nodes(self):
        """[R1] rejects a missing or empty node list, and ids that are not non-empty strings, naming "nodes\""""
        lists = [
            ('no nodes', []),
            ('nodes None', None),
            ('nodes a string', 'ABC'),
            ('empty id', ['A', '']),
            ('numeric id', ['A', 42]),
            ('None id', [None, 'B']),
        ]
        for what, nodes in lists:
            with self.subTest(what):
                err = expect_raise(self, lambda: ReplicatedStore(nodes, n=1, r=1, w=1), ConfigError, what)
                self.assertMessage(err, 'nodes', msg=f'{what}: the message names "nodes"')

    def test_names_duplicate(self):
        """[R1] names "nodes" and the repeated id when ids are duplicated"""
        nodes = ['node-x', 'B', 'node-x']
        err = expect_raise(self, lambda: ReplicatedStore(nodes, n=1, r=1, w=1), ConfigError, 'duplicate id')
        self.assertMessage(err, 'nodes', msg='the message names "nodes"')
        self.assertMessage(err, 'node-x', msg='the message names the repeated id')

    def test_weak_quorums(self):
        """[R6] accepts weak quorums where r + w <= n"""
        store = ReplicatedStore(['A', 'B', 'C'], n=3, r=1, w=1)
        self.assertEqual(store.put('key', 'v'), 1, 'a store with r = w = 1 and n = 3 works')


class WritesTest(unittest.TestCase):
    """replicated kv: writes"""

    def test_preference_list_only(self):
        """[R15] stores the write on the preference list only"""
        store = five()
        store.put('k@150', 'v')
        self.assertIsNone(store.peek('A', 'k@150'), 'A is not a replica')
        self.assertIsNone(store.peek('E', 'k@150'), 'E is not a replica')
        for node in ['B', 'C', 'D']:
            self.assertEqual(store.peek(node, 'k@150'), {'value': 'v', 'version': 1}, f'replica {node}')

    def test_versions_per_key(self):
        """[R14] counts versions per key"""
        store = five()
        versions = [store.put('k@150', 'a'), store.put('k@150', 'b'), store.put('j@150', 'x'), store.put('k@150', 'c')]
        self.assertEqual(versions, [1, 2, 1, 3], 'k@150 counts 1, 2, 3 and j@150 starts at 1')

    def test_exactly_w(self):
        """[R13][R15] succeeds with exactly w live replicas and skips the down one"""
        store = five(w=3, r=1)
        store.put('k@150', 'v1')
        store.fail('C')
        expect_quorum(self, lambda: store.put('k@150', 'v2'), 'write', 3, 2)
        two = five(w=2)
        two.fail('C')
        self.assertEqual(two.put('k@150', 'v1'), 1, 'B and D are exactly w = 2')
        self.assertIsNone(two.peek('C', 'k@150'), 'a down replica misses the write')
        self.assertEqual(two.peek('D', 'k@150'), {'value': 'v1', 'version': 1}, 'D has the write')

    def test_nothing_written(self):
        """[R13] writes nothing and uses up no version when the quorum is not met"""
        store = five()
        store.fail('C')
        store.fail('D')
        expect_quorum(self, lambda: store.put('k@150', 'lost'), 'write', 2, 1)
        self.assertIsNone(store.peek('B', 'k@150'), 'no partial write on the live replica')
        store.recover('C')
        self.assertEqual(store.put('k@150', 'kept'), 1, 'the failed write did not take version 1')

    def test_no_stand_ins(self):
        """[R12] does not let nodes outside the preference list stand in for down replicas"""
        store = five()
        store.fail('C')
        store.fail('D')
        expect_quorum(self, lambda: store.put('k@150', 'v'), 'write', 2, 1)
        self.assertIsNone(store.peek('E', 'k@150'), 'E must not take a hinted copy')
        self.assertIsNone(store.peek('A', 'k@150'), 'A must not take a hinted copy')
        weak = five(w=1)
        weak.fail('C')
        weak.put('k@150', 'v')
        self.assertIsNone(weak.peek('E', 'k@150'), 'a successful write does not fill in for C either')


class ReadsTest(unittest.TestCase):
    """replicated kv: reads"""

    def test_never_written(self):
        """[R17] returns None for a key that was never written"""
        self.assertIsNone(five().get('k@150'), 'no replica has the key')

    def test_newest_copy(self):
        """[R17] returns the newest copy even when the first live replica is stale"""
        store = five()
        store.put('k@150', 'v1')
        store.fail('B')
        store.put('k@150', 'v2')
        store.recover('B')
        self.assertEqual(store.get('k@150'), {'value': 'v2', 'version': 2},
                         'B (first in the list) has v1, C and D have v2')

    def test_read_quorum(self):
        """[R16][R26] refuses a read with fewer than r live replicas and allows exactly r"""
        store = five(r=3, w=1)
        store.put('k@150', 'v')
        self.assertEqual(store.get('k@150'), {'value': 'v', 'version': 1}, 'three live replicas, r = 3')
        store.fail('D')
        expect_quorum(self, lambda: store.get('k@150'), 'read', 3, 2)

    def test_only_live_replicas_count(self):
        """[R16] counts only live replicas toward the read quorum, even if other nodes are up"""
        store = five()
        store.put('k@150', 'v')
        store.fail('B')
        store.fail('C')
        expect_quorum(self, lambda: store.get('k@150'), 'read', 2, 1)

    def test_stale_weak_read(self):
        """[R17][R6] answers from the live replicas only, so r + w <= n can read stale data"""
        store = five(r=1, w=1)
        store.put('k@150', 'v1')
        store.fail('C')
        store.fail('D')
        store.put('k@150', 'v2')
        store.recover('C')
        store.recover('D')
        store.fail('B')
        self.assertEqual(store.get('k@150'), {'value': 'v1', 'version': 1}, 'only C and D are asked, and they hold v1')

    def test_recovered_stale(self):
        """[R21][R19] brings a recovered node back with the data it had, stale until repaired"""
        store = five()
        store.put('k@150', 'v1')
        store.fail('D')
        store.put('k@150', 'v2')
        store.recover('D')
        self.assertEqual(store.peek('D', 'k@150'), {'value': 'v1', 'version': 1}, 'D comes back with v1')
        store.get('k@150')
        self.assertEqual(store.peek('D', 'k@150'), {'value': 'v1', 'version': 1}, 'read repair is off by default')

    def test_get_copies(self):
        """[R24 get] returns copies that cannot change the stored data"""
        store = five()
        store.put('k@150', 'v')
        got = store.get('k@150')
        got['value'] = 'hacked'
        got['version'] = 99
        self.assertEqual(store.get('k@150'), {'value': 'v', 'version': 1}, 'the next read is unchanged')
        self.assertEqual(store.peek('B', 'k@150'), {'value': 'v', 'version': 1}, 'the replica is unchanged')


class ReadRepairTest(unittest.TestCase):
    """replicated kv: read repair"""

    def test_repairs_stale_and_missing(self):
        """[R18] updates stale and missing live replicas with the newest copy"""
        store = five(read_repair=True, w=1)
        store.fail('D')
        store.put('k@150', 'v1')  # B and C
        store.fail('C')
        store.put('k@150', 'v2')  # B only
        store.recover('C')
        store.recover('D')
        self.assertEqual(store.get('k@150'), {'value': 'v2', 'version': 2}, 'the newest copy, from B')
        self.assertEqual(store.peek('C', 'k@150'), {'value': 'v2', 'version': 2}, 'stale C repaired')
        self.assertEqual(store.peek('D', 'k@150'), {'value': 'v2', 'version': 2},
                         'D, which never had the key, repaired')

    def test_leaves_down_and_outside(self):
        """[R18] leaves down replicas and nodes outside the preference list alone"""
        store = five(read_repair=True)
        store.put('k@150', 'v1')
        store.fail('D')
        store.put('k@150', 'v2')
        store.get('k@150')
        self.assertEqual(store.peek('D', 'k@150'), {'value': 'v1', 'version': 1}, 'D is down, so it keeps v1')
        self.assertIsNone(store.peek('E', 'k@150'), 'E is not a replica')

    def test_repaired_copy_is_separate(self):
        """[R18][R24] gives repaired replicas copies that a caller's changes cannot reach"""
        store = five(read_repair=True, w=1)
        store.fail('C')
        store.fail('D')
        store.put('k@150', 'v1')  # B only
        store.recover('C')
        store.recover('D')
        got = store.get('k@150')
        got['value'] = 'hacked'
        for node in ['B', 'C', 'D']:
            self.assertEqual(store.peek(node, 'k@150'), {'value': 'v1', 'version': 1}, f'replica {node}')


class NodesTest(unittest.TestCase):
    """replicated kv: nodes"""

    def test_idempotent(self):
        """[R20 fail, recover, is_up] tracks up and down idempotently"""
        store = five()
        store.fail('B')
        store.fail('B')
        self.assertEqual(store.is_up('B'), False, 'B failed twice is down')
        store.recover('B')
        store.recover('B')
        self.assertEqual(store.is_up('B'), True, 'B recovered twice is up')

    def test_unknown_node(self):
        """[R23 fail, recover, is_up, peek] raises UnknownNodeError for ids outside the cluster"""
        store = five()
        expect_raise(self, lambda: store.fail('Z'), UnknownNodeError, 'fail')
        expect_raise(self, lambda: store.recover('Z'), UnknownNodeError, 'recover')
        expect_raise(self, lambda: store.is_up('Z'), UnknownNodeError, 'is_up')
        expect_raise(self, lambda: store.peek('Z', 'k@1'), UnknownNodeError, 'peek')

    def test_unknown_node_named(self):
        """[R23 fail, recover, is_up, peek][R25] names the unknown id in UnknownNodeError"""
        store = five()
        calls = [
            ('fail', lambda: store.fail('node-zz')),
            ('recover', lambda: store.recover('node-zz')),
            ('is_up', lambda: store.is_up('node-zz')),
            ('peek', lambda: store.peek('node-zz', 'k@1')),
        ]
        for what, fn in calls:
            with self.subTest(what):
                err = expect_raise(self, fn, UnknownNodeError, what)
                self.assertEqual(type(err).__name__, 'UnknownNodeError', f'{what}: the error class')
                self.assertMessage(err, 'node-zz', msg=f'{what}: the message names "node-zz"')


class MoreRulesTest(unittest.TestCase):
    """replicated kv: more rules"""

    def test_list_ignores_down(self):
        """[R11] keeps the preference list the same while its nodes are down"""
        store = five()
        store.fail('B')
        store.fail('C')
        self.assertEqual(store.preference_list('k@150'), ['B', 'C', 'D'], 'B and C are down but still replicas')

    def test_given_hash_and_utf16(self):
        """[R7] uses the given hash for keys and tokens, and FNV-1a over UTF-16 code units by default"""
        nodes = ['n1', 'n2', 'n3', 'n4']
        default = ReplicatedStore(nodes, n=2, r=1, w=1, vnodes=3)
        given = ReplicatedStore(nodes, n=2, r=1, w=1, vnodes=3, hash=utf16_fnv)
        for key in ['\U0001F511', 'clé', '鍵', '', 'user:7', '\ud800']:
            with self.subTest(key=key):
                self.assertEqual(default.preference_list(key), given.preference_list(key),
                                 f'preference_list({key!r}) with the default hash')
        reversed_ = ReplicatedStore(nodes, n=2, r=1, w=1, vnodes=3, hash=lambda x: 0xFFFFFFFF - utf16_fnv(x))
        self.assertNotEqual([','.join(reversed_.preference_list(k)) for k in 'abcde'],
                            [','.join(given.preference_list(k)) for k in 'abcde'], 'another hash gives another ring')

    def test_version_after_last_put(self):
        """[R14] numbers a write after the last successful put of the key, even when the live replicas hold older versions"""
        store = five(r=1, w=1)
        self.assertEqual(store.put('k@150', 'v1'), 1, 'first write')  # B, C, D
        store.fail('B')
        store.fail('C')
        self.assertEqual(store.put('k@150', 'v2'), 2, 'second write, D only')
        store.recover('B')
        store.recover('C')
        store.fail('D')
        self.assertEqual(store.put('k@150', 'v3'), 3, 'B and C hold version 1, but the last put was 2')
        self.assertEqual(store.peek('B', 'k@150'), {'value': 'v3', 'version': 3}, 'B has the third write')

    def test_no_fill_without_repair(self):
        """[R19] does not fill replicas that miss a key when read repair is off"""
        store = five(w=2)
        store.fail('D')
        store.put('k@150', 'v1')
        store.recover('D')
        self.assertEqual(store.get('k@150'), {'value': 'v1', 'version': 1}, 'B and C have v1')
        self.assertIsNone(store.peek('D', 'k@150'), 'D still misses the key')

    def test_repair_nothing(self):
        """[R18] repairs nothing when no live replica has the key, or when the read is refused"""
        store = five(read_repair=True, r=3)
        self.assertIsNone(store.get('k@150'), 'never written')
        self.assertEqual([store.peek(n, 'k@150') for n in ['B', 'C', 'D']], [None, None, None],
                         'no replica gained a copy')
        store.fail('D')
        store.put('k@150', 'v1')  # B and C
        store.recover('D')
        store.fail('C')
        expect_quorum(self, lambda: store.get('k@150'), 'read', 3, 2)
        self.assertIsNone(store.peek('D', 'k@150'), 'a refused read repairs nothing')

    def test_start_up_and_peek_down(self):
        """[R20][R22] starts every node up, and peeks at a down node's copy"""
        store = five()
        self.assertEqual([store.is_up(n) for n in 'ABCDE'], [True] * 5, 'all up at start')
        store.put('k@150', 'v')
        store.fail('C')
        self.assertEqual(store.is_up('C'), False, 'C is down')
        self.assertEqual(store.peek('C', 'k@150'), {'value': 'v', 'version': 1}, 'a down node still shows its copy')
        self.assertIsNone(store.peek('C', 'j@150'), 'a key it never had')

    def test_peek_copies(self):
        """[R24 peek] returns peek copies that cannot change the replica"""
        store = five()
        store.put('k@150', 'v')
        copy = store.peek('C', 'k@150')
        copy['value'] = 'hacked'
        copy['version'] = 7
        self.assertEqual(store.peek('C', 'k@150'), {'value': 'v', 'version': 1}, 'the replica is unchanged')
        self.assertEqual(store.put('k@150', 'w'), 2, 'the version counter is untouched')

    def test_bad_count_types(self):
        """[R2][R3][R4][R5] rejects counts that are None, fractional, not numbers or infinite"""
        bad = [
            ('n None', {'n': None, 'r': 1, 'w': 1}, 'n'),
            ('n fractional', {'n': 1.5, 'r': 1, 'w': 1}, 'n'),
            ('n a string', {'n': '2', 'r': 1, 'w': 1}, 'n'),
            ('r nan', {'n': 2, 'r': float('nan'), 'w': 1}, 'r'),
            ('w None', {'n': 2, 'r': 1, 'w': None}, 'w'),
            ('w inf', {'n': 2, 'r': 1, 'w': float('inf')}, 'w'),
            ('vnodes fractional', {'n': 2, 'r': 1, 'w': 1, 'vnodes': 1.5}, 'vnodes'),
            ('vnodes negative', {'n': 2, 'r': 1, 'w': 1, 'vnodes': -1}, 'vnodes'),
            ('vnodes inf', {'n': 2, 'r': 1, 'w': 1, 'vnodes': float('inf')}, 'vnodes'),
        ]
        for what, options, field in bad:
            with self.subTest(what):
                err = expect_raise(self, lambda: ReplicatedStore(['A', 'B', 'C'], **options), ConfigError, what)
                self.assertMessage(err, field, msg=f'{what}: the message names the field {field}')
        store = ReplicatedStore(['A', 'B', 'C'], n=3, r=3, w=3, vnodes=1)
        self.assertEqual(sorted(store.preference_list('k')), ['A', 'B', 'C'], 'n = r = w = the number of nodes is allowed')


# ---------- the model-based test ----------

NODES = ['A', 'B', 'C', 'D', 'E']
BUSY_KEYS = [3, 7]


def key_name(k):
    """The key at ring position k."""
    return f'k@{k}'


class StoreModel:
    """The statement, written as plainly as possible."""

    def __init__(self, nodes, n, r, w, vnodes, read_repair, tokens):
        self.n, self.r, self.w, self.read_repair = n, r, w, read_repair
        self.data = {node: {} for node in nodes}
        self.down = set()
        self.last = {}
        self.ring = []  # (position, node, i)
        for j, node in enumerate(nodes):
            for i in range(vnodes):
                self.ring.append((tokens[j * vnodes + i], node, i))
        self.ring.sort()

    def pref(self, k):
        starts = [index for index, token in enumerate(self.ring) if token[0] >= k]
        start = starts[0] if starts else 0
        out = []
        step = 0
        while len(out) < self.n:
            node = self.ring[(start + step) % len(self.ring)][1]
            if node not in out:
                out.append(node)
            step += 1
        return out

    def apply(self, op):
        """('ok', value), ('QuorumError', fields) or ('UnknownNodeError', node) for one operation."""
        kind = op[0]
        if kind == 'preference_list':
            return ('ok', self.pref(op[1]))
        if kind in ('put', 'get'):
            key = key_name(op[1])
            live = [x for x in self.pref(op[1]) if x not in self.down]
            needed = self.w if kind == 'put' else self.r
            if len(live) < needed:
                return ('QuorumError', {'op': 'write' if kind == 'put' else 'read', 'needed': needed, 'live': len(live)})
            if kind == 'put':
                version = self.last.get(key, 0) + 1
                self.last[key] = version
                for x in live:
                    self.data[x][key] = {'value': op[2], 'version': version}
                return ('ok', version)
            newest = None
            for x in live:
                c = self.data[x].get(key)
                if c is not None and (newest is None or c['version'] > newest['version']):
                    newest = c
            if newest is not None and self.read_repair:
                for x in live:
                    if self.data[x].get(key, {'version': 0})['version'] < newest['version']:
                        self.data[x][key] = newest
            return ('ok', newest)
        node = op[1]
        if node not in self.data:
            return ('UnknownNodeError', node)
        if kind == 'fail':
            self.down.add(node)
        if kind == 'recover':
            self.down.discard(node)
        if kind == 'is_up':
            return ('ok', node not in self.down)
        if kind == 'peek':
            return ('ok', self.data[node].get(key_name(op[2])))
        return ('ok', None)


def random_setup(rng):
    """A cluster: mostly 3 to 5 nodes, tokens in 0..12 so that keys land on, between and past them, with ties."""
    size = rng.randint(1, 2) if rng.random() < 1 / 6 else rng.randint(3, 5)
    vnodes = rng.randint(1, 2)
    read_repair = rng.random() < 0.5
    n = 1 if rng.random() < 1 / 5 else rng.randint(min(2, size), size)
    setup = {
        'size': size, 'n': n, 'r': rng.randint(1, n), 'w': rng.randint(1, n), 'vnodes': vnodes,
        'read_repair': read_repair,
        # The order the nodes are listed in must not matter (ties are broken by id).
        'order': rng.sample(NODES[:size], size),
        'tokens': [rng.randint(0, 12) for _ in range(size * vnodes)],
        # Now and then one setting is out of range, and the constructor must refuse it.
        'bad': None if rng.random() < 10 / 13 else rng.choice(['n', 'r', 'w', 'vnodes', 'nodes']),
    }
    return setup


def random_op(rng, size):
    """One operation on this cluster's nodes, now and then on an id outside it; mostly the two busy keys."""
    def key():
        return rng.choice(BUSY_KEYS) if rng.random() < 0.8 else rng.randint(0, 13)

    def node():
        return rng.choice(NODES[:size]) if rng.random() < 12 / 13 else 'Z'

    kind = rng.choices(['put', 'get', 'fail', 'recover', 'is_up', 'peek', 'preference_list'],
                       [4, 4, 3, 3, 1, 3, 1])[0]
    if kind == 'put':
        return ('put', key(), rng.choice(['x', 'y', 'z']))
    if kind in ('get', 'preference_list'):
        return (kind, key())
    if kind == 'peek':
        return ('peek', node(), key())
    return (kind, node())


def show_op(op):
    """An operation as the call the test made."""
    if op[0] == 'put':
        return f"put('{key_name(op[1])}', '{op[2]}')"
    if op[0] in ('get', 'preference_list'):
        return f"{op[0]}('{key_name(op[1])}')"
    if op[0] == 'peek':
        return f"peek('{op[1]}', '{key_name(op[2])}')"
    return f"{op[0]}('{op[1]}')"


def run_op(store, op):
    """Runs one operation on the solution."""
    kind = op[0]
    if kind == 'put':
        return store.put(key_name(op[1]), op[2])
    if kind == 'get':
        return store.get(key_name(op[1]))
    if kind == 'preference_list':
        return store.preference_list(key_name(op[1]))
    if kind == 'peek':
        return store.peek(op[1], key_name(op[2]))
    return getattr(store, kind)(op[1])


def outcome_of(store, op):
    """What the solution answered, in the model's terms; other exceptions are reported as they are."""
    try:
        return ('ok', run_op(store, op))
    except QuorumError as err:
        return ('QuorumError', {'op': getattr(err, 'op', None), 'needed': getattr(err, 'needed', None),
                                'live': getattr(err, 'live', None)})
    except UnknownNodeError as err:
        return ('UnknownNodeError', op[1] if op[1] in str(err) else f'a message without the id: {err}')
    except Exception as err:  # noqa: BLE001 - reported as a divergence
        return ('raised', f'{type(err).__name__}: {err}')


def show_outcome(outcome):
    """An answer as a phrase."""
    status, value = outcome
    if status == 'ok':
        return repr(value)
    if status == 'raised':
        return value
    if status == 'UnknownNodeError':
        return f'UnknownNodeError naming {value!r}'
    return f'QuorumError {value}'


def run_store_scenarios(test, seed, scenarios):
    """Runs seeded random scenarios on the solution and on StoreModel and fails on the first divergence."""
    rng = random.Random(seed)
    for scenario in range(1, scenarios + 1):
        setup = random_setup(rng)
        ops = [random_op(rng, setup['size']) for _ in range(rng.randint(15, 30))]
        where = f'(seed {seed}, scenario {scenario})'
        nodes = NODES[:setup['size']]
        vnodes = setup['vnodes']
        table = {f'{node}#{i}': setup['tokens'][j * vnodes + i] for j, node in enumerate(nodes) for i in range(vnodes)}
        args = {k: setup[k] for k in ('n', 'r', 'w', 'vnodes', 'read_repair')}
        listed = list(setup['order'])
        # Each bad setting sits just outside its range: 0 or one too many, or a repeated id.
        bad = setup['bad']
        if bad == 'n':
            args['n'] = 0 if setup['read_repair'] else setup['size'] + 1
        elif bad in ('r', 'w'):
            args[bad] = 0 if setup['read_repair'] else setup['n'] + 1
        elif bad == 'vnodes':
            args['vnodes'] = 0
        elif bad == 'nodes':
            listed.append(listed[0])
        created = (f"ReplicatedStore({listed!r}, {', '.join(f'{k}={v!r}' for k, v in args.items())}, "
                   f'hash=<tokens {table}>)')
        if bad is not None:
            try:
                ReplicatedStore(listed, hash=table_hash(table), **args)
            except ConfigError as err:
                test.assertMessage(err, bad, *([listed[0]] if bad == 'nodes' else []),
                                   msg=f"{created}: the ConfigError should name {bad}{' and ' + listed[0] if bad == 'nodes' else ''} {where}")
                continue
            except Exception as err:  # noqa: BLE001
                test.fail(f'{created}: expected a ConfigError naming {bad}, got {type(err).__name__}: {err} {where}')
            test.fail(f'{created}: expected a ConfigError naming {bad}, but the store was created {where}')
        try:
            store = ReplicatedStore(listed, hash=table_hash(table), **args)
        except Exception as err:  # noqa: BLE001
            test.fail(f'{created} raised {type(err).__name__}: {err} {where}')
        model = StoreModel(nodes, setup['n'], setup['r'], setup['w'], vnodes, setup['read_repair'], setup['tokens'])
        done = [created]
        for op in ops:
            expected = model.apply(op)
            actual = outcome_of(store, op)
            if actual != expected:
                test.fail(f"{', '.join(done)}: {show_op(op)} expected {show_outcome(expected)}, "
                          f'got {show_outcome(actual)} {where}')
            # Scribbling on a returned copy must never reach a replica.
            if isinstance(actual[1], dict) and actual[0] == 'ok':
                actual[1].update(value='scribbled', version=999)
            done.append(f'{show_op(op)} → {show_outcome(expected)}')
            # Every replica's copy of the two busy keys must match too, so a stray write shows at once.
            for node in nodes:
                for k in BUSY_KEYS:
                    want = model.data[node].get(key_name(k))
                    have = outcome_of(store, ('peek', node, k))
                    if have != ('ok', want):
                        test.fail(f"{', '.join(done)}: peek('{node}', '{key_name(k)}') expected {want!r}, "
                                  f'got {show_outcome(have)} {where}')


class ModelTest(unittest.TestCase):
    """replicated kv: random sequences of every operation agree with a small model"""

    def test_model(self):
        """[model] put, get, fail, recover, is_up, peek and preference_list match the model, errors included"""
        run_store_scenarios(self, seed=14, scenarios=100)
