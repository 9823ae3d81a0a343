import unittest

from solution import QuorumError, ReplicatedStore

# Test hash: ring tokens come from the table, and a key "name@N" sits at position N.
POSITIONS = {'A#0': 100, 'B#0': 200, 'C#0': 300, 'D#0': 400}


def position_hash(s):
    """The table's position for a token, or the number after the last '@' of a key."""
    if s in POSITIONS:
        return POSITIONS[s]
    return int(s[s.rindex('@') + 1:])


def cluster():
    """Four nodes A..D at 100..400, three replicas per key, quorums of two."""
    return ReplicatedStore(['A', 'B', 'C', 'D'], n=3, r=2, w=2, hash=position_hash)


class ExamplesTest(unittest.TestCase):
    """replicated kv: examples"""

    def test_next_n_clockwise(self):
        """places a key on the next n nodes clockwise"""
        self.assertEqual(cluster().preference_list('k@150'), ['B', 'C', 'D'], 'the first token >= 150 is B at 200')

    def test_wraps(self):
        """wraps around the end of the ring"""
        self.assertEqual(cluster().preference_list('k@450'), ['A', 'B', 'C'], 'past D at 400: wrap to A')

    def test_write_and_read(self):
        """writes to every replica and reads the value back with its version"""
        store = cluster()
        self.assertEqual(store.put('k@150', 'v1'), 1, 'the first version is 1')
        for node in ['B', 'C', 'D']:
            self.assertEqual(store.peek(node, 'k@150'), {'value': 'v1', 'version': 1}, f'replica {node}')
        self.assertEqual(store.get('k@150'), {'value': 'v1', 'version': 1}, 'the value read back')

    def test_quorum_writes(self):
        """keeps writing while a quorum is up, and refuses without one"""
        store = cluster()
        store.put('k@150', 'v1')
        store.fail('D')
        self.assertEqual(store.put('k@150', 'v2'), 2, 'B and C are enough for w = 2')
        store.fail('C')
        with self.assertRaises(QuorumError, msg='only B is up, w = 2'):
            store.put('k@150', 'v3')

    def test_newest_live(self):
        """reads the newest version among the live replicas"""
        store = cluster()
        store.put('k@150', 'v1')
        store.fail('D')
        store.put('k@150', 'v2')
        store.recover('D')
        self.assertEqual(store.get('k@150'), {'value': 'v2', 'version': 2}, 'D still has v1, B and C have v2')
