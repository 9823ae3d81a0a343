import unittest

from solution import EventRecord, Topic


def values(records):
    return [r.value for r in records]


class ExamplesTest(unittest.TestCase):
    """event log: examples"""

    def test_routes_keys_and_numbers_offsets(self):
        """routes each key to its partition and numbers offsets per partition"""
        topic = Topic(4)
        self.assertEqual([topic.partition_for(k) for k in "abcd"], [0, 1, 2, 3], "fnv1a32(key) % 4")
        self.assertEqual(topic.publish("a", "a0"), (0, 0), "the first record of partition 0")
        self.assertEqual(topic.publish("a", "a1"), (0, 1), "the second record of partition 0")
        self.assertEqual(topic.publish("c", "c0"), (2, 0), "offsets start at 0 in every partition")
        self.assertEqual(topic.end_offset(0), 2, "the next record of partition 0 gets offset 2")

    def test_single_member_reads_everything(self):
        """lets a single member read every partition in order"""
        topic = Topic(4)
        topic.publish("c", "c0")
        topic.publish("a", "a0")
        topic.publish("a", "a1")
        g = topic.group("billing")
        g.join("m1")
        self.assertEqual(g.assignment("m1"), [0, 1, 2, 3], "a single member owns every partition")
        self.assertEqual(values(g.poll("m1", 10)), ["a0", "a1", "c0"], "partition 0 first, then 2")
        self.assertEqual(g.poll("m1", 10), [], "nothing new")

    def test_range_assignment_over_sorted_ids(self):
        """splits partitions between members by range over sorted ids"""
        g = Topic(4).group("g")
        g.join("m2")
        g.join("m1")
        self.assertEqual(g.members(), ["m1", "m2"], "members sorted")
        self.assertEqual(g.assignment("m1"), [0, 1], "m1 gets the first half")
        self.assertEqual(g.assignment("m2"), [2, 3], "m2 gets the second half")

    def test_full_records(self):
        """returns full records"""
        topic = Topic(4)
        topic.publish("b", "hello")
        g = topic.group("g")
        g.join("m1")
        self.assertEqual(
            g.poll("m1", 1), [EventRecord(partition=1, offset=0, key="b", value="hello")], "partition, offset, key, value"
        )

    def test_redelivers_after_rebalance(self):
        """redelivers uncommitted records after a rebalance"""
        topic = Topic(4)
        topic.publish("a", "a0")
        topic.publish("a", "a1")
        topic.publish("c", "c0")
        g = topic.group("billing")
        g.join("m1")
        g.poll("m1", 10)
        g.commit("m1", 0, 2)
        g.join("m2")
        self.assertEqual(values(g.poll("m2", 10)), ["c0"], "c0 was never committed")
        self.assertEqual(g.poll("m1", 10), [], "partition 0 resumes at its committed offset 2")
        self.assertEqual(g.committed(0), 2, "the committed offset of partition 0")


if __name__ == "__main__":
    unittest.main()
