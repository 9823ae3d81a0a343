import unittest

from solution import HashRing, fnv1a32, hash32


def keys(n):
    return [f'user:{i}' for i in range(n)]


class ExamplesTest(unittest.TestCase):
    """HashRing — examples"""

    def test_hash_functions(self):
        """uses the specified hash functions"""
        self.assertEqual(fnv1a32('a'), 0xE40C292C, 'the FNV-1a test vector')
        self.assertEqual(hash32('a'), hash32('a'), 'FNV-1a then the murmur finaliser, the same every time')
        self.assertTrue(0 <= hash32('a') <= 0xFFFFFFFF, 'an unsigned 32-bit integer')

    def test_single_node(self):
        """sends every key to the only node"""
        ring = HashRing()
        ring.add_node('cache-1')
        self.assertEqual({ring.node_for(k) for k in keys(100)}, {'cache-1'})

    def test_stable(self):
        """returns the same node for the same key every time"""
        ring = HashRing()
        for n in ['cache-1', 'cache-2', 'cache-3']:
            ring.add_node(n)
        first = [ring.node_for(k) for k in keys(200)]
        differ = [k for k, owner in zip(keys(200), first) if ring.node_for(k) != owner]
        self.assertEqual(differ[:5], [], 'keys that got another node the second time')
        self.assertEqual(len(set(first)), 3, 'keys spread over all three nodes')

    def test_leave_moves_only_its_keys(self):
        """moves only the removed node's keys when a node leaves"""
        ring = HashRing()
        for n in ['cache-1', 'cache-2', 'cache-3', 'cache-4']:
            ring.add_node(n)
        before = {k: ring.node_for(k) for k in keys(1000)}
        ring.remove_node('cache-2')
        wrong = []
        for key, owner in before.items():
            now = ring.node_for(key)
            if (now == 'cache-2') if owner == 'cache-2' else (now != owner):
                wrong.append(f'{key}: {owner} → {now}')
        self.assertEqual(wrong[:5], [], "only cache-2's keys move, and all of them do")

    def test_nodes_sorted(self):
        """lists nodes in sorted order"""
        ring = HashRing(vnodes=10)
        ring.add_node('b')
        ring.add_node('a', 2)
        ring.add_node('c')
        self.assertEqual(ring.nodes(), ['a', 'b', 'c'])
        self.assertIs(ring.has('a'), True)
        self.assertIs(ring.has('z'), False)

    def test_empty_ring(self):
        """refuses to look up a key on an empty ring"""
        ring = HashRing()
        with self.assertRaises(RuntimeError, msg='an empty ring raises RuntimeError') as cm:
            ring.node_for('anything')
        self.assertIn('empty', str(cm.exception).lower(), 'the message says the ring is empty')


if __name__ == '__main__':
    unittest.main()
