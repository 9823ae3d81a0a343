import functools
import math
import random
import unittest

from solution import HashRing, fnv1a32, hash32

# ---------------------------------------------------------------------------------------------------------
# An independent model of the specified ring, used to compute the exact expected owners.


def utf8_like_text_encoder(text):
    """The bytes JavaScript's TextEncoder gives for text: UTF-16 units, pairs joined, lone surrogates U+FFFD."""
    if text.isascii():
        return text.encode('ascii')
    units = []
    for ch in text:
        cp = ord(ch)
        if cp > 0xFFFF:
            units += [0xD800 + ((cp - 0x10000) >> 10), 0xDC00 + ((cp - 0x10000) & 0x3FF)]
        else:
            units.append(cp)
    out = []
    i = 0
    while i < len(units):
        cp = units[i]
        i += 1
        if 0xD800 <= cp < 0xDC00 and i < len(units) and 0xDC00 <= units[i] < 0xE000:
            cp = 0x10000 + ((cp - 0xD800) << 10) + (units[i] - 0xDC00)
            i += 1
        elif 0xD800 <= cp < 0xE000:
            cp = 0xFFFD
        if cp < 0x80:
            out.append(cp)
        elif cp < 0x800:
            out += [0xC0 | (cp >> 6), 0x80 | (cp & 0x3F)]
        elif cp < 0x10000:
            out += [0xE0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F)]
        else:
            out += [0xF0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3F), 0x80 | ((cp >> 6) & 0x3F), 0x80 | (cp & 0x3F)]
    return out


@functools.lru_cache(maxsize=None)  # virtual-node labels repeat across tests and scenarios
def model_hash(text):
    h = 0x811C9DC5
    for byte in utf8_like_text_encoder(text):
        h = ((h ^ byte) * 0x01000193) % 2**32
    h ^= h >> 16
    h = (h * 0x85EBCA6B) % 2**32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) % 2**32
    h ^= h >> 16
    return h


def js_round(x):
    """JavaScript's Math.round for the products the tests use: halves go up."""
    return math.floor(x + 0.5)


def model(nodes, vnodes):
    """The owner function of the specified ring (a linear scan: slow but obviously right)."""
    points = []
    for node, weight in nodes:
        for i in range(max(1, js_round(vnodes * weight))):
            points.append((model_hash(f'{node}#{i}'), node))
    points.sort()  # by hash, then by node id

    def owner(key):
        h = model_hash(key)
        for point_hash, node in points:
            if point_hash >= h:
                return node
        return points[0][1]

    return owner


def mismatches(ks, got, expected):
    """Keys whose owner differs from the expected one, as "key: got → expected" (the first five)."""
    wrong = []
    for k in ks:
        g, e = got(k), expected(k)
        if g != e and len(wrong) < 5:
            wrong.append(f'{k!r}: {g} → expected {e}')
    return wrong


def changed(ks, before, now):
    """Keys whose owner is no longer the one in before, as "key: before → now" (the first five)."""
    wrong = []
    for k, owner in zip(ks, before):
        n = now(k)
        if n != owner and len(wrong) < 5:
            wrong.append(f'{k!r}: {owner} → {n}')
    return wrong


def keys(n, prefix='user:'):
    return [f'{prefix}{i}' for i in range(n)]


def ring(nodes, vnodes=None):
    r = HashRing() if vnodes is None else HashRing(vnodes=vnodes)
    for n in nodes:
        if isinstance(n, str):
            r.add_node(n)
        else:
            r.add_node(n[0], n[1])
    return r


def counts(r, ks):
    c = {}
    for k in ks:
        owner = r.node_for(k)
        c[owner] = c.get(owner, 0) + 1
    return c


class HashFunctionsTest(unittest.TestCase):
    """hash functions (given)"""

    def test_fnv_vectors(self):
        """[R1] fnv1a32 matches the published FNV-1a test vectors"""
        self.assertEqual(fnv1a32(''), 0x811C9DC5, "the offset basis for ''")
        self.assertEqual(fnv1a32('a'), 0xE40C292C)
        self.assertEqual(fnv1a32('foobar'), 0xBF9CF968)

    def test_hash32(self):
        """[R1][R2] hash32 is FNV-1a over UTF-8 bytes followed by the murmur3 finaliser"""
        for s in ['', 'a', 'node-1#0', '\u00e9', '\u043a\u043b\u044e\u0447', '\U0001F511']:
            with self.subTest(s=s):
                self.assertEqual(hash32(s), model_hash(s), f'hash32({s!r})')

    def test_utf8_boundaries_and_surrogates(self):
        """[R1] hash32 encodes UTF-8 length boundaries and surrogate code points exactly as TextEncoder does"""
        cases = [
            ('\u007f', 'U+007F, the last 1-byte character'),
            ('\u0080', 'U+0080, the first 2-byte character'),
            ('\u07ff', 'U+07FF, the last 2-byte character'),
            ('\u0800', 'U+0800, the first 3-byte character'),
            ('\ud7ff', 'U+D7FF, just below the surrogates'),
            ('\ue000', 'U+E000, just above the surrogates'),
            ('\uffff', 'U+FFFF, the last 3-byte character'),
            ('\U00010000', 'U+10000, the first 4-byte character'),
            ('\U0010FFFF', 'U+10FFFF, the last character'),
            ('\ud800\udc00', 'a high and a low surrogate, which pair up as U+10000'),
            ('\udbff\udfff', 'the highest surrogate pair, U+10FFFF'),
            ('\ud800', 'a lone high surrogate at the end (U+FFFD)'),
            ('\ud800a', 'a high surrogate followed by an ordinary character'),
            ('\ud800\ue000', 'a high surrogate followed by U+E000, which is not a low surrogate'),
            ('a\udc00', 'a lone low surrogate after an ordinary character'),
            ('\udc00\udc00', 'two low surrogates, which are not a pair'),
            ('\udfff', 'a lone low surrogate'),
            ('x\ud800\udbff\udc00', 'a lone high surrogate followed by a pair'),
        ]
        for s, what in cases:
            with self.subTest(what=what):
                self.assertEqual(hash32(s), model_hash(s), f'hash32 of {what}')


class LookupTest(unittest.TestCase):
    """lookup"""

    def test_key_on_point(self):
        """[R4][R5] a key hashing exactly onto a virtual node belongs to that node"""
        r = ring(['a', 'b', 'c'], 1)
        for n in ['a', 'b', 'c']:
            with self.subTest(node=n):
                self.assertEqual(r.node_for(f'{n}#0'), n, f"key '{n}#0' sits on {n}'s point")

    def test_wrap(self):
        """[R6] wraps keys past the last point around to the first point"""
        nodes = ['a', 'b', 'c']
        r = ring(nodes, 1)
        pts = sorted((model_hash(f'{n}#0'), n) for n in nodes)
        last = pts[-1][0]
        beyond = [k for k in keys(2000, 'k') if model_hash(k) > last]
        self.assertGreater(len(beyond), 0, 'the test needs keys past the last point')
        self.assertEqual(mismatches(beyond, r.node_for, lambda k: pts[0][1]), [], 'keys past the last point')

    def test_exact_ring(self):
        """[R3][R4][R5] matches the specified ring exactly, including weights and vnode counts"""
        nodes = [('alpha', 1), ('beta', 1.5), ('gamma', 0.1), ('delta', 0.5)]
        for vnodes in [3, 5]:
            # vnodes 3: alpha 3, beta round(4.5)=5, gamma max(1, round(0.3))=1, delta round(1.5)=2 points
            # vnodes 5: alpha 5, beta round(7.5)=8, gamma max(1, round(0.5))=1, delta round(2.5)=3 points
            with self.subTest(vnodes=vnodes):
                r = ring(nodes, vnodes)
                wrong = mismatches(keys(600), r.node_for, model(nodes, vnodes))
                self.assertEqual(wrong, [], f'keys with the wrong owner (vnodes {vnodes})')

    def test_non_ascii(self):
        """[R1][R4] hashes non-ASCII keys and node ids as UTF-8"""
        nodes = [('n\u0153ud-1', 1), ('\u0443\u0437\u0435\u043b-2', 1), ('\u30ce\u30fc\u30c93', 1)]
        r = ring(nodes, 4)
        ks = ['\u043a\u043b\u044e\u0447', '\U0001F511', 'cl\u00e9', '\u9375', 'na\u00efve'] + keys(300, '\u00fc')
        self.assertEqual(mismatches(ks, r.node_for, model(nodes, 4)), [], 'keys with the wrong owner')

    def test_empty_key(self):
        """[R17] allows the empty string as a key"""
        r = ring(['a', 'b'], 5)
        self.assertEqual(r.node_for(''), model([('a', 1), ('b', 1)], 5)(''))

    def test_order_independent(self):
        """[R8] does not depend on the order nodes were added"""
        names = [f'node-{i}' for i in range(12)]
        forward = ring(names, 20)
        backward = ring(list(reversed(names)), 20)
        wrong = mismatches(keys(600), backward.node_for, forward.node_for)
        self.assertEqual(wrong, [], 'keys owned differently when nodes are added in reverse')

    def test_collision_smaller_id(self):
        """[R7] gives a point shared by two nodes to the smaller node id, whatever the order"""
        # 'ehalgp#0' and 'kmwzcc#0' have the same FNV-1a hash, so their points coincide.
        self.assertEqual(hash32('ehalgp#0'), hash32('kmwzcc#0'), 'test precondition: the two points collide')
        for order in [['kmwzcc', 'ehalgp'], ['ehalgp', 'kmwzcc']]:
            with self.subTest(order=order):
                r = ring(order + ['other'], 1)
                self.assertEqual(r.node_for('ehalgp#0'), 'ehalgp', f'added {" then ".join(order)}')
                self.assertEqual(r.node_for('kmwzcc#0'), 'ehalgp', 'same point, same owner')
                r.remove_node('ehalgp')
                self.assertEqual(r.node_for('ehalgp#0'), 'kmwzcc', 'the other node keeps its own point')


class BalanceTest(unittest.TestCase):
    """balance and weights"""

    def test_equal_nodes(self):
        """[R11] spreads the keys user:0 … user:9999 over equal nodes within ±20% of a fair share"""
        names = ['cache-1', 'cache-2', 'cache-3', 'cache-4', 'cache-5']
        c = counts(ring(names), keys(10000))
        for n in names:
            with self.subTest(node=n):
                got = c.get(n, 0)
                self.assertTrue(1600 <= got <= 2400, f'{n} should get about 2000 of 10000 keys, got {got}')

    def test_weighted_nodes(self):
        """[R3][R11] gives a node a share proportional to its weight (±20%)"""
        c = counts(ring([('small', 1), ('big', 3), ('mid', 2)]), keys(4200))
        for node, low, high, what in [('small', 560, 840, 'weight 1 of 6: about 700'),
                                      ('mid', 1120, 1680, 'weight 2 of 6: about 1400'),
                                      ('big', 1680, 2520, 'weight 3 of 6: about 2100')]:
            with self.subTest(node=node):
                got = c.get(node, 0)
                self.assertTrue(low <= got <= high, f'{node}, {what} of 4200 keys, got {got}')


class MembershipTest(unittest.TestCase):
    """membership changes"""

    def test_leave(self):
        """[R9] on leave, only keys of the leaving node move, and they spread over the others"""
        names = ['s1', 's2', 's3', 's4', 's5']
        r = ring(names)
        before = {k: r.node_for(k) for k in keys(1500)}
        r.remove_node('s3')
        receivers = set()
        wrong = []
        for k, owner in before.items():
            now = r.node_for(k)
            if owner == 's3':
                receivers.add(now)
            elif now != owner:
                wrong.append(f'{k}: {owner} → {now}')
        self.assertEqual(wrong[:5], [], "only s3's keys may move")
        self.assertNotIn('s3', receivers, 's3 owns nothing after leaving')
        self.assertGreaterEqual(len(receivers), 3, "s3's keys go to several nodes, not one neighbour")

    def test_join(self):
        """[R10] on join, keys move only to the new node, about 1/(n+1) of them"""
        r = ring(['s1', 's2', 's3', 's4'])
        ks = keys(1500)
        before = [r.node_for(k) for k in ks]
        r.add_node('s5')
        moved = 0
        wrong = []
        for k, owner in zip(ks, before):
            now = r.node_for(k)
            if now == owner:
                continue
            moved += 1
            if now != 's5':
                wrong.append(f'{k}: {owner} → {now}')
        self.assertEqual(wrong[:5], [], 'keys may only move to the new node s5')
        self.assertTrue(225 <= moved <= 375, f'about 1/5 of 1500 keys (300) move, got {moved}')

    def test_rejoin_restores(self):
        """[R8] removing and re-adding a node restores the original mapping"""
        r = ring(['a', 'b', 'c', 'd'], 50)
        ks = keys(600)
        before = [r.node_for(k) for k in ks]
        r.remove_node('b')
        r.add_node('b')
        self.assertEqual(changed(ks, before, r.node_for), [], 'keys whose owner changed')

    def test_last_node_then_empty(self):
        """[R9][R21] sends every key to the last node left, then refuses lookups when the ring is empty"""
        r = ring(['a', 'b'], 10)
        r.remove_node('a')
        self.assertEqual(mismatches(keys(200), r.node_for, lambda k: 'b'), [], 'all keys on b')
        r.remove_node('b')
        self.assertEqual(r.nodes(), [])
        with self.assertRaises(RuntimeError, msg='no nodes left') as cm:
            r.node_for('x')
        self.assertMessage(cm.exception, 'empty', msg='the message says the ring is empty')

    def test_nodes_and_has_through_changes(self):
        """[R12][R13] keeps nodes() sorted and has() accurate through changes"""
        r = ring(['m', 'z', 'a'], 5)
        self.assertEqual(r.nodes(), ['a', 'm', 'z'])
        r.remove_node('m')
        r.add_node('b', 2)
        self.assertEqual(r.nodes(), ['a', 'b', 'z'])
        self.assertEqual([r.has('m'), r.has('b')], [False, True])


class ErrorsTest(unittest.TestCase):
    """errors"""

    def test_duplicate(self):
        """[R19][R14 add_node] rejects a duplicate node and leaves the ring unchanged"""
        r = ring(['a', 'b'], 20)
        before = [r.node_for(k) for k in keys(500)]
        for weight in [1, 5]:
            with self.subTest(weight=weight):
                with self.assertRaises(ValueError, msg=f'adding a again with weight {weight}') as cm:
                    r.add_node('a', weight)
                self.assertMessage(cm.exception, 'already', msg='the message says "already"')
        self.assertEqual(changed(keys(500), before, r.node_for), [], 'the failed adds changed no owner')
        r.remove_node('a')
        self.assertEqual(mismatches(keys(200), r.node_for, lambda k: 'b'), [], 'no stray points of a remain')

    def test_unknown_node(self):
        """[R20][R14 remove_node] rejects removing an unknown node with KeyError, naming it"""
        r = ring(['a'])
        with self.assertRaises(KeyError, msg='removing ghost-7 raises KeyError') as cm:
            r.remove_node('ghost-7')
        self.assertMessage(cm.exception, 'unknown node', msg='the message says "unknown node"')
        self.assertMessage(cm.exception, 'ghost-7', msg='the message names the id')
        self.assertEqual(r.nodes(), ['a'], 'nothing removed')

    def test_bad_weight(self):
        """[R18][R14 add_node] rejects a weight that is not a positive finite number, adding nothing"""
        r = HashRing(vnodes=4)
        for bad in [0, -1, math.nan, math.inf]:
            with self.subTest(weight=bad):
                with self.assertRaises(ValueError, msg=f'weight {bad} raises ValueError') as cm:
                    r.add_node('n', bad)
                self.assertMessage(cm.exception, 'weight', msg='the message names weight')
        self.assertIs(r.has('n'), False, 'a rejected node is not added')
        with self.assertRaises(RuntimeError, msg='the ring is still empty'):
            r.node_for('k')

    def test_bad_node_and_key_types(self):
        """[R16 add_node, remove_node][R17] rejects empty or non-string node ids and non-string keys with TypeError"""
        r = ring(['a'])
        cases = [
            ('add_node(\'\')', lambda: r.add_node(''), 'node'),
            ('add_node(7)', lambda: r.add_node(7), 'node'),
            ('remove_node(\'\')', lambda: r.remove_node(''), 'node'),
            ('node_for(42)', lambda: r.node_for(42), 'key'),
        ]
        for what, call, word in cases:
            with self.subTest(call=what):
                with self.assertRaises(TypeError, msg=f'{what} raises TypeError') as cm:
                    call()
                self.assertMessage(cm.exception, word, msg=f'the message names {word}')

    def test_bad_vnodes(self):
        """[R15] rejects a vnodes option that is not a positive integer"""
        for bad in [0, -3, 2.5, math.nan]:
            with self.subTest(vnodes=bad):
                with self.assertRaises(ValueError, msg=f'vnodes {bad} raises ValueError') as cm:
                    HashRing(vnodes=bad)
                self.assertMessage(cm.exception, 'vnodes', msg='the message names vnodes')


class MoreRulesTest(unittest.TestCase):
    """more rules"""

    def test_defaults(self):
        """[R3] uses 160 points per unit of weight by default, and weight 1 by default"""
        r = ring(['cache-1', ('cache-2', 1), ('cache-3', 0.5)])
        expected = model([('cache-1', 1), ('cache-2', 1), ('cache-3', 0.5)], 160)
        self.assertEqual(mismatches(keys(300), r.node_for, expected), [], 'keys with the wrong owner')
        for label in ['cache-1#159', 'cache-3#79']:
            with self.subTest(label=label):
                self.assertEqual(r.node_for(label), label.split('#')[0], f'{label} is a point of its node')

    def test_rounding(self):
        """[R3] rounds the point count to the nearest integer, halves up (not to even), and gives at least one point"""
        # vnodes 4: p 0.6 → round(2.4) = 2, q 0.65 → round(2.6) = 3, r 0.125 → round(0.5) = 1, s 0.01 → max(1, 0) = 1,
        # t 1.3 → round(5.2) = 5, u 0.625 → round(2.5) = 3 (round-half-even would give 2), v 1.125 → round(4.5) = 5.
        nodes = [('p', 0.6), ('q', 0.65), ('r', 0.125), ('s', 0.01), ('t', 1.3), ('u', 0.625), ('v', 1.125)]
        r = ring(nodes, 4)
        self.assertEqual(mismatches(keys(1000), r.node_for, model(nodes, 4)), [], 'keys with the wrong owner')
        for label, node in [('q#2', 'q'), ('r#0', 'r'), ('s#0', 's'), ('u#2', 'u'), ('v#4', 'v')]:
            with self.subTest(label=label):
                self.assertEqual(r.node_for(label), node, f'{label} is a point of {node}')

    def test_empty_nodes(self):
        """[R12] lists no nodes on an empty ring and after the last one leaves"""
        r = HashRing(vnodes=2)
        self.assertEqual(r.nodes(), [], 'a new ring')
        r.add_node('only')
        r.remove_node('only')
        self.assertEqual(r.nodes(), [], 'after the last node left')

    def test_default_sort(self):
        """[R12] sorts node ids with the default sort (code points), not by locale or number"""
        r = ring(['b', 'B', 'node-10', 'node-9', '\u00e9', 'a'], 1)
        self.assertEqual(r.nodes(), ['B', 'a', 'b', 'node-10', 'node-9', '\u00e9'])

    def test_nodes_is_a_copy(self):
        """[R12][R13] returns a new list from nodes(): changing it does not change the ring"""
        r = ring(['a', 'b'], 2)
        listed = r.nodes()
        listed.append('zzz')
        listed.remove('a')
        self.assertEqual(r.nodes(), ['a', 'b'], 'the ring still lists a and b')
        self.assertEqual([r.has('a'), r.has('zzz')], [True, False], 'has() still sees the ring, not the list')

    def test_has(self):
        """[R13] has() is false for ids never added, removed, or differing only in case"""
        r = ring(['Alpha', 'beta'], 2)
        r.remove_node('beta')
        got = [r.has('Alpha'), r.has('alpha'), r.has('beta'), r.has('gamma'), r.has('')]
        self.assertEqual(got, [True, False, False, False, False])

    def test_rejected_calls_change_nothing(self):
        """[R14 add_node, remove_node][R16 add_node, remove_node] a rejected remove_node or add_node leaves every node and point in place"""
        r = ring(['a', 'b', 'c'], 10)
        before = [r.node_for(k) for k in keys(500)]
        cases = [
            ("remove_node('')", lambda: r.remove_node(''), TypeError, 'node'),
            ('remove_node(3)', lambda: r.remove_node(3), TypeError, 'node'),
            ('remove_node(None)', lambda: r.remove_node(None), TypeError, 'node'),
            ("remove_node('d')", lambda: r.remove_node('d'), KeyError, 'unknown node'),
            ('add_node(None)', lambda: r.add_node(None), TypeError, 'node'),
            ("add_node('d', -0.0)", lambda: r.add_node('d', -0.0), ValueError, 'weight'),
        ]
        for what, call, error, word in cases:
            with self.subTest(call=what):
                with self.assertRaises(error, msg=f'{what} raises {error.__name__}') as cm:
                    call()
                self.assertMessage(cm.exception, word, msg=f'the message names {word}')
        self.assertEqual(r.nodes(), ['a', 'b', 'c'], 'the same nodes')
        self.assertEqual(changed(keys(500), before, r.node_for), [], 'the same owners')

    def test_non_string_keys(self):
        """[R17] rejects keys that are not strings, even ones that print like a key"""

        class PrintsLikeAKey:
            def __str__(self):
                return 'k'

        r = ring(['a'], 3)
        for bad in [None, 0, ['k'], b'k', PrintsLikeAKey()]:
            with self.subTest(key=bad):
                with self.assertRaises(TypeError, msg=f'node_for({bad!r}) raises TypeError') as cm:
                    r.node_for(bad)
                self.assertMessage(cm.exception, 'key', msg='the message names key')

    def test_tiny_weight(self):
        """[R18] accepts a tiny positive weight (one point) and rejects a weight that is not a number"""
        r = HashRing(vnodes=3)
        r.add_node('tiny', 1e-9)
        self.assertEqual(r.node_for('tiny#0'), 'tiny', 'its single point')
        for bad in ['2', -math.inf]:
            with self.subTest(weight=bad):
                with self.assertRaises(ValueError, msg=f'weight {bad!r} raises ValueError') as cm:
                    r.add_node('s', bad)
                self.assertMessage(cm.exception, 'weight', msg='the message names weight')
        self.assertEqual(r.nodes(), ['tiny'], 'only the tiny node')

    def test_vnodes_bounds(self):
        """[R15] accepts vnodes 1 and rejects infinity or a numeric string"""
        r = HashRing(vnodes=1)
        r.add_node('a')
        self.assertEqual(r.node_for('a#0'), 'a', 'vnodes 1 gives a its single point')
        for bad in [math.inf, -math.inf, '4']:
            with self.subTest(vnodes=bad):
                with self.assertRaises(ValueError, msg=f'vnodes {bad!r} raises ValueError') as cm:
                    HashRing(vnodes=bad)
                self.assertMessage(cm.exception, 'vnodes', msg='the message names vnodes')

    def test_already_any_case(self):
        """[R19] says "already" for a duplicate id in any case of the message"""
        r = ring(['x'])
        with self.assertRaises(ValueError, msg='adding x twice raises ValueError') as cm:
            r.add_node('x', 2)
        self.assertMessage(cm.exception, 'already', msg='the message says "already"')
        self.assertEqual(r.nodes(), ['x'], 'still one x')

    def test_empty_message(self):
        """[R21] refuses lookups on an empty ring, saying it is empty"""
        with self.assertRaises(RuntimeError, msg='an empty ring raises RuntimeError') as cm:
            HashRing(vnodes=2).node_for('')
        self.assertMessage(cm.exception, 'empty', msg='the message says "empty"')


# ---------------------------------------------------------------------------------------------------------
# The [model] test: random sequences of every operation, on the solution and on the model.

# Node ids include a pair whose points collide ('ehalgp#0', 'kmwzcc#0'), a non-ASCII id and bad ids.
# 'n10' < 'n9' and 'B' < 'a' as strings, not as numbers or case-insensitively (R7, R12).
NODE_POOL = ['a', 'b', 'c', 'ehalgp', 'kmwzcc', '\u043a\u043b\u044e\u0447', 'n10', 'n9', 'B', '', 7, None]
GOOD_NODES = NODE_POOL[:9]
WEIGHTS = [1, 0.5, 0.1, 0.01, 1.5, 2.5, 3, 0.625, 0.125, 1.25, 1.125]  # x.5 products catch round-half-even
BAD_WEIGHTS = [0, -0.0, -1, math.nan, math.inf, '2']
KEY_CHARS = 'ab#:0\u00e9\u043a\u4e2d\U0001F511\ud800\udc00'
KEY_CONSTANTS = ['', 'user:1', 'ehalgp#0', 'kmwzcc#0', 42, None]


def random_op(rng):
    kind = rng.choices(['add', 'remove', 'node_for', 'nodes', 'has'], weights=[3, 2, 6, 1, 1])[0]
    if kind == 'add':
        node = rng.choice(GOOD_NODES) if rng.random() < 0.85 else rng.choice(NODE_POOL)
        r = rng.random()
        weight = (None if r < 0.3 else rng.choice(WEIGHTS) if r < 0.6 else rng.randint(1, 300) / 100 if r < 0.9
                  else rng.choice(BAD_WEIGHTS))
        return ('add_node', node, weight)
    if kind == 'remove':
        return ('remove_node', rng.choice(GOOD_NODES) if rng.random() < 0.85 else rng.choice(NODE_POOL))
    if kind == 'node_for':
        r = rng.random()
        if r < 0.4:
            key = ''.join(rng.choice(KEY_CHARS) for _ in range(rng.randint(0, 6)))
        elif r < 0.85:
            key = f'{rng.choice(GOOD_NODES)}#{rng.randint(0, 8)}'
        else:
            key = rng.choice(KEY_CONSTANTS)
        return ('node_for', key)
    if kind == 'nodes':
        return ('nodes',)
    return ('has', rng.choice(['a', 'b', 'ehalgp', '\u043a\u043b\u044e\u0447', '']))


def shown(op):
    if op[0] == 'add_node':
        return f'add_node({op[1]!r})' if op[2] is None else f'add_node({op[1]!r}, {op[2]!r})'
    return f'{op[0]}({", ".join(repr(a) for a in op[1:])})'


class Model:
    """The statement, literally: a dict of weights, and the owner function rebuilt from it."""

    def __init__(self, vnodes):
        self.vnodes = vnodes
        self.weights = {}
        self.owner = None

    def apply(self, op):
        """('value', v), or ('error', [(error class, words), ...]) where any one of the errors is allowed."""
        def bad_node(n):
            return not isinstance(n, str) or n == ''

        if op[0] == 'add_node':
            node, weight = op[1], 1 if op[2] is None else op[2]
            faults = []
            if bad_node(node):
                faults.append((TypeError, ['node']))
            if not (isinstance(weight, (int, float)) and math.isfinite(weight) and weight > 0):
                faults.append((ValueError, ['weight']))
            if not bad_node(node) and node in self.weights:
                faults.append((ValueError, ['already']))
            if faults:
                return ('error', faults)
            self.weights[node] = weight
            self.owner = None
            return ('value', None)
        if op[0] == 'remove_node':
            node = op[1]
            if bad_node(node):
                return ('error', [(TypeError, ['node'])])
            if node not in self.weights:
                return ('error', [(KeyError, ['unknown node', node])])
            del self.weights[node]
            self.owner = None
            return ('value', None)
        if op[0] == 'node_for':
            key = op[1]
            if not isinstance(key, str):
                return ('error', [(TypeError, ['key'])])
            if not self.weights:
                return ('error', [(RuntimeError, ['empty'])])
            if self.owner is None:
                self.owner = model(list(self.weights.items()), self.vnodes)
            return ('value', self.owner(key))
        if op[0] == 'nodes':
            return ('value', sorted(self.weights))
        return ('value', op[1] in self.weights)


def run_op(r, op):
    if op[0] == 'add_node':
        return r.add_node(op[1]) if op[2] is None else r.add_node(op[1], op[2])
    return getattr(r, op[0])(*op[1:])


def matches(err, faults):
    text = str(err).lower()
    return any(isinstance(err, cls) and all(w.lower() in text for w in words) for cls, words in faults)


def describe(faults):
    return ' or '.join(f'{cls.__name__} mentioning {", ".join(repr(w) for w in words)}' for cls, words in faults)


class ModelTest(unittest.TestCase):
    """[model] random sequences of every operation agree with a small model"""

    def test_model(self):
        """[model] add_node, remove_node, node_for, nodes and has match the model, errors included"""
        seed = 14
        rng = random.Random(seed)
        for scenario in range(100):
            # Every 20th scenario uses the default 160 points per unit of weight; the others 1 to 4.
            vnodes = None if scenario % 20 == 7 else rng.randint(1, 4)
            r = HashRing() if vnodes is None else HashRing(vnodes=vnodes)
            m = Model(160 if vnodes is None else vnodes)
            done = ['HashRing()' if vnodes is None else f'HashRing(vnodes={vnodes})']
            for _ in range(rng.randint(5, 30)):
                op = random_op(rng)
                expected = m.apply(op)
                where = f'{", ".join(done)}, {shown(op)}'
                suffix = f'(seed {seed}, scenario {scenario})'
                try:
                    got = run_op(r, op)
                except Exception as err:  # noqa: BLE001 - every error is compared with the model's
                    if expected[0] == 'value':
                        self.fail(f'{where} expected {expected[1]!r}, got {type(err).__name__}: {err} {suffix}')
                    if not matches(err, expected[1]):
                        self.fail(f'{where} expected {describe(expected[1])}, got {type(err).__name__}: {err} {suffix}')
                    done.append(f'{shown(op)} → {type(err).__name__}')
                    continue
                if expected[0] == 'error':
                    self.fail(f'{where} expected {describe(expected[1])}, got {got!r} {suffix}')
                if got != expected[1] or type(got) is not type(expected[1]):
                    self.fail(f'{where} expected {expected[1]!r}, got {got!r} {suffix}')
                done.append(f'{shown(op)} → {got!r}')


if __name__ == '__main__':
    unittest.main()
