import random
import unittest

from solution import EventRecord, NotAssignedError, Topic, UnknownMemberError


# With 4 partitions: 'a' -> 0, 'b' -> 1, 'c' -> 2, 'd' -> 3. With 2: 'a' -> 0, 'b' -> 1.
def topic_with(partitions, records):
    topic = Topic(partitions)
    for key, value in records:
        topic.publish(key, value)
    return topic


def values(records):
    return [r.value for r in records]


class TopicTest(unittest.TestCase):
    """event log: topic"""

    def test_partition_for(self):
        """[R2] partitions by fnv1a32(key) % partitions"""
        t3 = Topic(3)
        self.assertEqual([t3.partition_for(k) for k in ["g", "a", "c", "user-3", ""]], [0, 1, 2, 2, 1], "3 partitions")
        t4 = Topic(4)
        self.assertEqual([t4.partition_for(k) for k in ["k3", "order-17", "user-2"]], [3, 2, 1], "4 partitions")
        t7 = Topic(7)
        self.assertEqual(
            [t7.partition_for(k) for k in ["naïve", "😀", "key-😀"]], [5, 2, 1], "keys outside ASCII, 7 partitions"
        )
        self.assertEqual(Topic(1).partition_for("anything"), 0, "one partition takes everything")

    def test_same_key_keeps_order(self):
        """[R3][R16] keeps the order of records with the same key"""
        topic = Topic(4)
        for i in range(5):
            topic.publish("user-1", f"u1-{i}")
            topic.publish("a", f"a-{i}")  # 'a' shares partition 0 with 'user-1'
        g = topic.group("g")
        g.join("m")
        for_user = [r for r in g.poll("m", 100) if r.key == "user-1"]
        self.assertEqual(values(for_user), ["u1-0", "u1-1", "u1-2", "u1-3", "u1-4"], "the order they were published in")
        self.assertEqual([r.offset for r in for_user], [0, 2, 4, 6, 8], 'interleaved with key "a" in partition 0')

    def test_bad_partition_count(self):
        """[R1] rejects a partition count that is not a positive integer"""
        for n in (0, -1, 1.5, float("nan")):
            with self.subTest(partitions=n):
                with self.assertRaises(ValueError, msg=f"Topic({n}): a ValueError") as caught:
                    Topic(n)
                self.assertMessage(caught.exception, "partitions", msg=f"Topic({n}): the message names partitions")

    def test_publish_returns_position(self):
        """[R3][R4] returns the partition and offset each published record went to"""
        topic = Topic(4)
        self.assertEqual(topic.publish("c", "c0"), (2, 0), "first record of partition 2")
        self.assertEqual(topic.publish("a", "a0"), (0, 0), "first record of partition 0")
        self.assertEqual(topic.publish("c", "c1"), (2, 1), "second record of partition 2")
        self.assertEqual(topic.end_offset(2), 2, "the next record of partition 2 gets offset 2")

    def test_partition_error_message(self):
        """[R5] names the partition argument, the bad value and the highest valid partition in the ValueError"""
        topic = Topic(4)
        g = topic.group("g")
        g.join("m")
        calls = [
            ("end_offset(7)", lambda: topic.end_offset(7)),
            ("committed(7)", lambda: g.committed(7)),
            ("commit('m', 7, 0)", lambda: g.commit("m", 7, 0)),
        ]
        for what, call in calls:
            with self.subTest(what):
                with self.assertRaises(ValueError, msg=f"{what}: a ValueError") as caught:
                    call()
                self.assertMessage(caught.exception, "partition", 7, 3,
                                   msg=f"{what}: the message names partition, the bad value 7 and the highest valid partition, 3")

    def test_partition_out_of_range(self):
        """[R5] rejects partition numbers outside [0, partitions), including -1, which a list would take as the last"""
        topic = topic_with(4, [("d", "d0")])
        g = topic.group("g")
        for what, call in (
            ("end_offset(4)", lambda: topic.end_offset(4)),
            ("end_offset(-1)", lambda: topic.end_offset(-1)),
            ("committed(-1)", lambda: g.committed(-1)),
            ("committed(1.5)", lambda: g.committed(1.5)),
        ):
            with self.subTest(what):
                with self.assertRaises(ValueError, msg=f"{what}: a ValueError"):
                    call()

    def test_same_group_object(self):
        """[R6] returns the same group object for the same id"""
        topic = Topic(2)
        self.assertIs(topic.group("g"), topic.group("g"), "one object per group id")

    def test_groups_independent(self):
        """[R7] keeps groups independent: each reads everything and has its own offsets"""
        topic = topic_with(2, [("a", "a0"), ("a", "a1"), ("b", "b0")])
        billing = topic.group("billing")
        audit = topic.group("audit")
        billing.join("m")
        audit.join("m")
        self.assertEqual(values(billing.poll("m", 10)), ["a0", "a1", "b0"], "billing reads everything")
        billing.commit("m", 0, 2)
        self.assertEqual(audit.committed(0), 0, "a commit in one group is invisible to another")
        self.assertEqual(values(audit.poll("m", 10)), ["a0", "a1", "b0"], "audit reads everything too")


class AssignmentTest(unittest.TestCase):
    """event log: assignment"""

    def test_extra_partitions_to_first_members(self):
        """[R12 join][R13] gives the first P % M members one extra partition"""
        g5 = Topic(5).group("g")
        g5.join("a")
        g5.join("b")
        self.assertEqual([g5.assignment("a"), g5.assignment("b")], [[0, 1, 2], [3, 4]], "5 partitions, 2 members")
        g7 = Topic(7).group("g")
        for m in ("x", "y", "z"):
            g7.join(m)
        self.assertEqual(
            [g7.assignment("x"), g7.assignment("y"), g7.assignment("z")],
            [[0, 1, 2], [3, 4], [5, 6]],
            "7 partitions, 3 members",
        )

    def test_assigns_by_sorted_id(self):
        """[R12 join][R11] assigns by sorted member id, not join order"""
        g = Topic(6).group("g")
        for m in ("zed", "amy", "Bob"):
            g.join(m)
        self.assertEqual(g.members(), ["Bob", "amy", "zed"], 'sorted() puts "Bob" before "amy"')
        self.assertEqual(g.assignment("Bob"), [0, 1], "Bob first")
        self.assertEqual(g.assignment("amy"), [2, 3], "amy second")
        self.assertEqual(g.assignment("zed"), [4, 5], "zed last")

    def test_more_members_than_partitions(self):
        """[R12 join][R13] leaves the last members idle when there are more members than partitions"""
        topic = topic_with(2, [("a", "a0")])
        g = topic.group("g")
        for m in ("m1", "m2", "m3"):
            g.join(m)
        self.assertEqual([g.assignment("m1"), g.assignment("m2"), g.assignment("m3")], [[0], [1], []], "m3 is idle")
        self.assertEqual(g.poll("m3", 5), [], "an idle member polls nothing")

    def test_second_join_is_noop(self):
        """[R9] treats a second join of the same member as a no-op, without rebalancing"""
        topic = topic_with(2, [("a", "a0"), ("a", "a1")])
        g = topic.group("g")
        g.join("m")
        g.poll("m", 10)
        g.join("m")
        self.assertEqual(g.members(), ["m"], "still one member")
        self.assertEqual(g.poll("m", 10), [], "no rebalance, so nothing is redelivered")

    def test_leaving_member_partitions_from_committed(self):
        """[R12 leave][R14 leave] hands a leaving member's partitions to the others, from the committed offset"""
        topic = topic_with(4, [("a", "a0"), ("c", "c0"), ("c", "c1"), ("d", "d0")])
        g = topic.group("g")
        g.join("m1")
        g.join("m2")
        self.assertEqual(values(g.poll("m2", 10)), ["c0", "c1", "d0"], "m2 reads partitions 2 and 3")
        g.commit("m2", 2, 1)
        g.leave("m2")
        self.assertEqual(g.assignment("m1"), [0, 1, 2, 3], "m1 owns everything")
        self.assertEqual(values(g.poll("m1", 10)), ["a0", "c1", "d0"], "c1 and d0 were not committed by m2")

    def test_rejoin_resumes_from_committed(self):
        """[R14 join][R18] resumes from the committed offsets when the group empties and a member rejoins"""
        topic = topic_with(2, [("a", "a0"), ("a", "a1"), ("a", "a2")])
        g = topic.group("g")
        g.join("m")
        g.poll("m", 10)
        g.commit("m", 0, 2)
        g.leave("m")
        self.assertEqual(g.members(), [], "nobody left")
        g.join("n")
        self.assertEqual(values(g.poll("n", 10)), ["a2"], "from committed offset 2")

    def test_non_member_calls(self):
        """[R10][R22 poll, commit, assignment] raises UnknownMemberError for leave, poll, commit and assignment by a non-member"""
        g = topic_with(2, [("a", "a0")]).group("g")
        g.join("m")
        g.leave("m")
        for what, call in (
            ("leave twice", lambda: g.leave("m")),
            ("poll after leaving", lambda: g.poll("m", 1)),
            ("commit by a stranger", lambda: g.commit("ghost", 0, 0)),
            ("assignment of a stranger", lambda: g.assignment("ghost")),
        ):
            with self.subTest(what):
                with self.assertRaises(UnknownMemberError, msg=f"{what}: an UnknownMemberError"):
                    call()

    def test_empty_member_id(self):
        """[R8] rejects an empty member id"""
        with self.assertRaises(ValueError, msg='join(""): a ValueError'):
            Topic(2).group("g").join("")

    def test_non_string_member_id(self):
        """[R8] rejects a member id that is not a string with a ValueError naming "member", and adds nobody"""
        g = Topic(2).group("g")
        for bad in (42, None, b"m1"):
            with self.subTest(member=bad):
                with self.assertRaises(ValueError, msg=f"join({bad!r}): a ValueError") as caught:
                    g.join(bad)
                self.assertMessage(caught.exception, "member", msg=f"join({bad!r}): the message names member")
        self.assertEqual(g.members(), [], "no member was added by a rejected join")

    def test_unknown_member_error_names_member(self):
        """[R23] names the unknown member in UnknownMemberError, whose class name is UnknownMemberError"""
        g = Topic(2).group("g")
        g.join("m")
        for what, call in (
            ("leave", lambda: g.leave("ghost-7")),
            ("poll", lambda: g.poll("ghost-7", 1)),
            ("commit", lambda: g.commit("ghost-7", 0, 0)),
            ("assignment", lambda: g.assignment("ghost-7")),
        ):
            with self.subTest(what):
                with self.assertRaises(UnknownMemberError, msg=f"{what}: an UnknownMemberError") as caught:
                    call()
                self.assertEqual(type(caught.exception).__name__, "UnknownMemberError", f"{what}: the class name")
                self.assertMessage(caught.exception, "ghost-7", msg=f'{what}: the message names the member "ghost-7"')


class PollingTest(unittest.TestCase):
    """event log: polling"""

    def test_max_in_total_and_continues(self):
        """[R16][R17] returns at most max records in total and continues where it stopped, across partitions"""
        topic = topic_with(2, [("a", "a0"), ("a", "a1"), ("a", "a2"), ("b", "b0"), ("b", "b1")])
        g = topic.group("g")
        g.join("m")
        self.assertEqual(values(g.poll("m", 2)), ["a0", "a1"], "the first two of partition 0")
        self.assertEqual(values(g.poll("m", 2)), ["a2", "b0"], "fills up from the next partition")
        self.assertEqual(values(g.poll("m", 2)), ["b1"], "what is left")
        self.assertEqual(g.poll("m", 2), [], "nothing new")

    def test_picks_up_new_records(self):
        """[R17] picks up records published after the previous poll"""
        topic = topic_with(2, [("a", "a0")])
        g = topic.group("g")
        g.join("m")
        g.poll("m", 10)
        topic.publish("b", "b0")
        topic.publish("a", "a1")
        self.assertEqual(values(g.poll("m", 10)), ["a1", "b0"], "partition 0 first, then 1")

    def test_bad_max(self):
        """[R15] rejects a max that is not a positive integer with a ValueError naming max"""
        g = Topic(2).group("g")
        g.join("m")
        for max_records in (0, -1, 1.5, float("nan")):
            with self.subTest(max_records=max_records):
                with self.assertRaises(ValueError, msg=f"poll('m', {max_records}): a ValueError") as caught:
                    g.poll("m", max_records)
                self.assertMessage(caught.exception, "max", msg=f"poll('m', {max_records}): the message names max")

    def test_polling_commits_nothing(self):
        """[R18] does not commit anything by polling"""
        topic = topic_with(2, [("a", "a0"), ("a", "a1")])
        g = topic.group("g")
        g.join("m")
        g.poll("m", 10)
        self.assertEqual(g.committed(0), 0, "still 0 after polling")


class CommittingTest(unittest.TestCase):
    """event log: committing and redelivery"""

    def test_commit_does_not_seek(self):
        """[R21] does not move the read position when committing"""
        topic = topic_with(2, [("a", "a0"), ("a", "a1"), ("a", "a2"), ("a", "a3")])
        g = topic.group("g")
        g.join("m")
        g.poll("m", 3)
        g.commit("m", 0, 1)
        self.assertEqual(values(g.poll("m", 10)), ["a3"], "continues after a2, not from the committed offset")

    def test_offset_range(self):
        """[R20] accepts offsets up to end_offset and rejects beyond, negative, fractional or backwards ones"""
        topic = topic_with(2, [("a", "a0"), ("a", "a1")])
        g = topic.group("g")
        g.join("m")
        for what, offset in (("past the end", 3), ("negative", -1), ("fractional", 0.5)):
            with self.subTest(what):
                with self.assertRaises(ValueError, msg=f"{what}: a ValueError"):
                    g.commit("m", 0, offset)
        g.commit("m", 0, 2)
        self.assertEqual(g.committed(0), 2, "end_offset itself is allowed")
        with self.assertRaises(ValueError, msg="backwards: a ValueError"):
            g.commit("m", 0, 1)
        self.assertEqual(g.committed(0), 2, "a rejected commit changes nothing")

    def test_offset_error_names_offset(self):
        """[R20] names "offset" in the ValueError for an offset out of range"""
        topic = topic_with(2, [("a", "a0")])
        g = topic.group("g")
        g.join("m")
        for offset in (2, -1, 0.5):
            with self.subTest(offset=offset):
                with self.assertRaises(ValueError, msg=f"commit offset {offset}: a ValueError") as caught:
                    g.commit("m", 0, offset)
                self.assertMessage(caught.exception, "offset", msg=f"commit offset {offset}: the message names offset")

    def test_recommit_same_offset(self):
        """[R20] accepts committing the current committed offset again, changing nothing"""
        topic = topic_with(2, [("a", "a0"), ("a", "a1"), ("a", "a2")])
        g = topic.group("g")
        g.join("m")
        g.commit("m", 0, 0)
        self.assertEqual(g.committed(0), 0, "committing 0 before anything was committed")
        g.commit("m", 0, 2)
        g.commit("m", 0, 2)
        self.assertEqual(g.committed(0), 2, "still 2 after committing 2 again")

    def test_stale_owner_commit_refused(self):
        """[R19][R23] refuses a commit for a partition the member no longer owns"""
        topic = topic_with(4, [("c", "c0"), ("c", "c1")])
        g = topic.group("g")
        g.join("m1")
        g.poll("m1", 10)
        g.join("m2")
        with self.assertRaises(NotAssignedError, msg="a stale owner") as caught:
            g.commit("m1", 2, 2)
        self.assertEqual(type(caught.exception).__name__, "NotAssignedError", "the class name")
        self.assertMessage(caught.exception, "2", msg="the message names the partition")
        self.assertMessage(caught.exception, "m1", msg='the message names the member "m1"')
        self.assertEqual(g.committed(2), 0, "the stale commit was not applied")
        self.assertEqual(values(g.poll("m2", 10)), ["c0", "c1"], "the new owner reads from the start")

    def test_commit_check_order(self):
        """[R19] checks membership, then the partition number, then ownership"""
        g = Topic(4).group("g")
        g.join("m1")
        g.join("m2")
        with self.assertRaises(UnknownMemberError, msg="a stranger with a bad partition"):
            g.commit("ghost", 9, 0)
        with self.assertRaises(ValueError, msg="a member with a bad partition"):
            g.commit("m1", 9, 0)
        with self.assertRaises(NotAssignedError, msg="a member with a valid partition owned by m2"):
            g.commit("m1", 3, 0)

    def test_redelivers_on_kept_partition(self):
        """[R14 join] redelivers uncommitted records even on a partition the member keeps"""
        topic = topic_with(4, [("a", "a0"), ("a", "a1"), ("a", "a2")])
        g = topic.group("g")
        g.join("m1")
        self.assertEqual(values(g.poll("m1", 10)), ["a0", "a1", "a2"], "m1 reads everything")
        g.commit("m1", 0, 1)
        g.join("m2")
        self.assertEqual(g.assignment("m1"), [0, 1], "m1 keeps partition 0")
        self.assertEqual(values(g.poll("m1", 10)), ["a1", "a2"], "back to committed offset 1")

    def test_at_least_once(self):
        """[R14 leave][R18] loses nothing when a member leaves without committing (at-least-once)"""
        topic = Topic(4)
        published = []
        for i in range(12):
            topic.publish(f"key-{i}", f"v{i}")
            published.append(f"v{i}")
        g = topic.group("g")
        g.join("m1")
        g.join("m2")
        seen = {r.value for r in g.poll("m1", 100)}
        m2_first = g.poll("m2", 2)
        for r in m2_first:
            g.commit("m2", r.partition, r.offset + 1)
        g.poll("m2", 100)
        g.leave("m2")
        seen |= {r.value for r in g.poll("m1", 100)}
        seen |= {r.value for r in m2_first}
        self.assertEqual(sorted(seen), sorted(published), "every record was delivered at least once")


class MoreRulesTest(unittest.TestCase):
    """event log: more rules"""

    def test_end_offset_counts(self):
        """[R4] gives end_offset 0 for an empty partition and one more per record"""
        topic = Topic(2)
        self.assertEqual([topic.end_offset(0), topic.end_offset(1)], [0, 0], "empty topic")
        topic.publish("a", "a0")
        topic.publish("a", "a1")
        self.assertEqual([topic.end_offset(0), topic.end_offset(1)], [2, 0], "two records of 'a' in partition 0")

    def test_bad_partitions_everywhere(self):
        """[R5 end_offset, commit, committed] rejects a partition equal to the partition count, negative, fractional or not a number in every method"""
        topic = Topic(3)
        g = topic.group("g")
        g.join("m")
        for bad in (3, -1, 1.5, float("nan"), float("inf"), "1"):
            for what, call in (
                (f"end_offset({bad!r})", lambda: topic.end_offset(bad)),
                (f"committed({bad!r})", lambda: g.committed(bad)),
                (f"commit('m', {bad!r}, 0)", lambda: g.commit("m", bad, 0)),
            ):
                with self.subTest(what):
                    with self.assertRaises(ValueError, msg=f"{what}: a ValueError"):
                        call()
        self.assertEqual(topic.end_offset(2), 0, "the highest valid partition")

    def test_members_sorted(self):
        """[R11] lists members sorted with sorted(), [] when there are none"""
        g = Topic(2).group("g")
        self.assertEqual(g.members(), [], "nobody yet")
        for m in ("m9", "m10", "B", "a"):
            g.join(m)
        self.assertEqual(g.members(), ["B", "a", "m10", "m9"], "code-point order")
        g.leave("a")
        self.assertEqual(g.members(), ["B", "m10", "m9"], "after a left")

    def test_assignment_sorted_ids_idle_member(self):
        """[R12][R13] sorts ids with sorted() when assigning, and gives an idle member []"""
        g = Topic(3).group("g")
        for m in ("m9", "m10", "x", "m1"):
            g.join(m)
        # sorted: m1, m10, m9, x
        self.assertEqual(
            [g.assignment(m) for m in ("m1", "m10", "m9", "x")], [[0], [1], [2], []], "one partition each, x idle"
        )

    def test_rebalance_after_leaves(self):
        """[R10][R12 leave] rebalances without the member that left, down to a single member and to nobody"""
        g = Topic(5).group("g")
        g.join("a")
        g.join("b")
        g.join("c")
        g.leave("b")
        self.assertEqual([g.assignment("a"), g.assignment("c")], [[0, 1, 2], [3, 4]], "a and c split 5 partitions")
        g.leave("a")
        self.assertEqual(g.assignment("c"), [0, 1, 2, 3, 4], "c alone owns everything")
        g.leave("c")
        self.assertEqual(g.members(), [], "nobody left")
        with self.assertRaises(UnknownMemberError, msg="leaving twice"):
            g.leave("c")

    def test_full_records(self):
        """[R16] returns each record with its partition, offset, key and value"""
        topic = topic_with(4, [("a", "a0"), ("c", "c0"), ("a", "a1")])
        g = topic.group("g")
        g.join("m")
        self.assertEqual(
            g.poll("m", 10),
            [
                EventRecord(partition=0, offset=0, key="a", value="a0"),
                EventRecord(partition=0, offset=1, key="a", value="a1"),
                EventRecord(partition=2, offset=0, key="c", value="c0"),
            ],
            "partition 0 in offset order, then partition 2",
        )
        self.assertEqual(g.poll("m", 10), [], "nothing new")

    def test_max_one(self):
        """[R15] accepts max 1 and returns exactly one record at a time"""
        topic = topic_with(2, [("a", "a0"), ("a", "a1"), ("b", "b0")])
        g = topic.group("g")
        g.join("m")
        polls = [values(g.poll("m", 1)) for _ in range(4)]
        self.assertEqual(polls, [["a0"], ["a1"], ["b0"], []], "one record per poll")

    def test_rejoin_keeps_position(self):
        """[R9][R17] keeps the read position when a member joins again"""
        topic = topic_with(2, [("a", "a0"), ("a", "a1")])
        g = topic.group("g")
        g.join("m")
        self.assertEqual(values(g.poll("m", 1)), ["a0"], "the first record")
        g.join("m")
        self.assertEqual(values(g.poll("m", 5)), ["a1"], "continues after a0")

    def test_error_messages_name_member_and_partition(self):
        """[R23] names the member and the partition in NotAssignedError, and the member when leave fails"""
        g = Topic(4).group("g")
        g.join("alpha")
        g.join("omega")
        with self.assertRaises(NotAssignedError, msg="partition 3 belongs to omega") as caught:
            g.commit("alpha", 3, 0)
        self.assertMessage(caught.exception, "alpha", msg="names the member")
        self.assertMessage(caught.exception, '3', msg="names the partition")
        with self.assertRaises(UnknownMemberError, msg="leave by a stranger") as caught:
            g.leave("zeta-9")
        self.assertMessage(caught.exception, "zeta-9", msg="names the member")

    def test_non_number_offset_and_recommit(self):
        """[R20] rejects an offset that is not a number, and recommits the same offset after more records"""
        topic = topic_with(1, [("a", "a0")])
        g = topic.group("g")
        g.join("m")
        for bad in ("1", None, float("nan")):
            with self.subTest(offset=bad):
                with self.assertRaises(ValueError, msg=f"offset {bad!r}: a ValueError"):
                    g.commit("m", 0, bad)
        g.commit("m", 0, 1)
        topic.publish("a", "a1")
        g.commit("m", 0, 1)
        g.commit("m", 0, 2)
        self.assertEqual(g.committed(0), 2, "committed up to the end")


# ---------------------------------------------------------------------------------------------
# The model: the statement, literally.

SEED = 14
SCENARIOS = 100
KEY_CHARS = "ab-é😀Z0"


def fnv(s):
    """FNV-1a over UTF-16 code units, as problem.md gives it."""
    h = 0x811C9DC5
    units = []
    for ch in s:
        cp = ord(ch)
        if cp > 0xFFFF:
            units += [0xD800 + ((cp - 0x10000) >> 10), 0xDC00 + ((cp - 0x10000) & 0x3FF)]
        else:
            units.append(cp)
    for unit in units:
        h = ((h ^ unit) * 0x01000193) % 2**32
    return h


def is_integer(n):
    return not isinstance(n, bool) and (isinstance(n, int) or (isinstance(n, float) and n == n and n % 1 == 0))


class ModelGroup:
    """A consumer group as the model sees it."""

    def __init__(self, partitions):
        self.partitions = partitions
        self.members = []
        self.positions = {}  # member -> {partition: next offset}
        self.committed = {}

    def rebalance(self):
        self.positions = {}
        p, m = self.partitions, len(self.members)
        owned = []
        for i in range(m):
            owned.append(p // m + (1 if i < p % m else 0))
        first = 0
        for member, count in zip(self.members, owned):
            self.positions[member] = {q: self.committed.get(q, 0) for q in range(first, first + count)}
            first += count


class Expected:
    """What a call should do: return `value`, or raise an error that `accepts` takes."""

    def __init__(self, value=None, error=None, accepts=None):
        self.value = value
        self.error = error
        self.accepts = accepts


def value_error(word):
    return Expected(error=f"ValueError naming {word}", accepts=lambda e: isinstance(e, ValueError) and word in str(e))


def unknown_member(member):
    return Expected(
        error=f"UnknownMemberError naming {member!r}",
        accepts=lambda e: type(e).__name__ == "UnknownMemberError" and isinstance(e, UnknownMemberError) and member in str(e),
    )


class Model:
    """The topic and its groups, straight from the statement."""

    def __init__(self, partitions):
        self.partitions = partitions
        self.logs = [[] for _ in range(partitions)]
        self.groups = {}
        self.published = 0

    def group(self, group_id):
        if group_id not in self.groups:
            self.groups[group_id] = ModelGroup(self.partitions)
        return self.groups[group_id]

    def valid_partition(self, p):
        return is_integer(p) and 0 <= p < self.partitions

    def member_of(self, op):
        """A member op names a member, or a pick among the group's current members (m1 when it has none)."""
        member = op.get("member")
        if not isinstance(member, int):
            return member
        current = self.group(op["group"]).members
        return current[member % len(current)] if current else "m1"

    def partition_of(self, op):
        """'owned' is the member's first partition with uncommitted records, else its first, else 0."""
        if op["partition"] != "owned":
            return op["partition"]
        g = self.group(op["group"])
        owned = sorted(g.positions.get(self.member_of(op), {}))
        behind = [p for p in owned if g.committed.get(p, 0) < len(self.logs[p])]
        return (behind or owned or [0])[0]

    def offset_of(self, op):
        """A commit's offset is its delta from the committed offset."""
        p = self.partition_of(op)
        base = self.group(op["group"]).committed.get(p, 0) if self.valid_partition(p) else 0
        return base + op["delta"]

    def apply(self, op, member, partition, offset):
        kind = op["op"]
        if kind == "publish":
            p = fnv(op["key"]) % self.partitions
            self.logs[p].append((op["key"], f"v{self.published}"))
            self.published += 1
            return Expected(value=(p, len(self.logs[p]) - 1))
        if kind == "partition_for":
            return Expected(value=fnv(op["key"]) % self.partitions)
        if kind == "end_offset":
            if not self.valid_partition(op["partition"]):
                return value_error("partition")
            return Expected(value=len(self.logs[op["partition"]]))
        g = self.group(op["group"])
        if kind == "members":
            return Expected(value=list(g.members))
        if kind == "committed":
            if not self.valid_partition(op["partition"]):
                return value_error("partition")
            return Expected(value=g.committed.get(op["partition"], 0))
        if kind == "join":
            if member == "":
                return value_error("member")
            if member not in g.members:
                g.members = sorted(g.members + [member])
                g.rebalance()
            return Expected(value=None)
        mine = g.positions.get(member)
        if kind == "poll" and not (is_integer(op["max"]) and op["max"] > 0):
            if mine is None:
                either = lambda e: unknown_member(member).accepts(e) or value_error("max").accepts(e)  # noqa: E731
                return Expected(error="UnknownMemberError or ValueError naming max", accepts=either)
            return value_error("max")
        if mine is None:
            return unknown_member(member)
        if kind == "leave":
            g.members = [m for m in g.members if m != member]
            g.rebalance()
            return Expected(value=None)
        if kind == "assignment":
            return Expected(value=sorted(mine))
        if kind == "poll":
            out = []
            for p in sorted(mine):
                start = mine[p]
                batch = self.logs[p][start : start + op["max"] - len(out)]
                out += [EventRecord(p, start + i, key, value) for i, (key, value) in enumerate(batch)]
                mine[p] = start + len(batch)
            return Expected(value=out)
        # commit
        if not self.valid_partition(partition):
            return value_error("partition")
        if partition not in mine:
            return Expected(
                error=f"NotAssignedError naming {member!r} and {partition}",
                accepts=lambda e: isinstance(e, NotAssignedError)
                and type(e).__name__ == "NotAssignedError"
                and member in str(e)
                and str(partition) in str(e),
            )
        current = g.committed.get(partition, 0)
        if not (is_integer(offset) and current <= offset <= len(self.logs[partition])):
            return value_error("offset")
        g.committed[partition] = offset
        return Expected(value=None)


def random_key(rng):
    if rng.random() < 0.8:
        return rng.choice("abcdef")
    return "".join(rng.choice(KEY_CHARS) for _ in range(rng.randint(0, 4)))


def random_partition(rng):
    return rng.randint(-1, 5) if rng.random() < 8 / 9 else rng.choice([0.5, "1"])


def random_member(rng):
    return rng.choice(["m1", "m2", "m10"]) if rng.random() < 12 / 13 else rng.choice(["", "m3", "Zed"])


def random_op(rng):
    kind = rng.choices(
        ["publish", "partition_for", "end_offset", "join", "leave", "assignment", "members", "poll", "commit", "committed"],
        weights=[6, 1, 1, 5, 2, 1, 1, 5, 6, 1],
    )[0]
    group = "g1" if rng.random() < 0.8 else "g2"
    if kind in ("publish", "partition_for"):
        return {"op": kind, "key": random_key(rng)}
    if kind == "end_offset":
        return {"op": kind, "partition": random_partition(rng)}
    if kind == "members":
        return {"op": kind, "group": group}
    if kind == "committed":
        return {"op": kind, "group": group, "partition": random_partition(rng)}
    # Besides joins, half the member ops pick one of the group's current members (an index the model resolves).
    member = random_member(rng) if kind == "join" or rng.random() < 0.5 else rng.randint(0, 2)
    op = {"op": kind, "group": group, "member": member}
    if kind == "poll":
        op["max"] = rng.randint(1, 4) if rng.random() < 8 / 9 else rng.choice([0, -1, 1.5])
    if kind == "commit":
        op["partition"] = "owned" if rng.random() < 2 / 3 else random_partition(rng)
        op["delta"] = rng.randint(-1, 4) if rng.random() < 8 / 9 else 0.5
    return op


def call_text(op, member, partition, offset, value):
    kind = op["op"]
    if kind == "publish":
        return f"publish({op['key']!r}, {value!r})"
    if kind == "partition_for":
        return f"partition_for({op['key']!r})"
    if kind == "end_offset":
        return f"end_offset({op['partition']!r})"
    on = f"group({op['group']!r})"
    if kind == "members":
        return f"{on}.members()"
    if kind == "committed":
        return f"{on}.committed({op['partition']!r})"
    if kind == "poll":
        return f"{on}.poll({member!r}, {op['max']!r})"
    if kind == "commit":
        return f"{on}.commit({member!r}, {partition!r}, {offset!r})"
    return f"{on}.{kind}({member!r})"


def call_solution(topic, op, member, partition, offset, value):
    kind = op["op"]
    if kind == "publish":
        return topic.publish(op["key"], value)
    if kind == "partition_for":
        return topic.partition_for(op["key"])
    if kind == "end_offset":
        return topic.end_offset(op["partition"])
    g = topic.group(op["group"])
    if kind == "members":
        return g.members()
    if kind == "committed":
        return g.committed(op["partition"])
    if kind == "poll":
        return g.poll(member, op["max"])
    if kind == "commit":
        return g.commit(member, partition, offset)
    return getattr(g, kind)(member)


def check_scenario(partitions, ops):
    """Runs one scenario on the solution and the model; returns None, or (index of the step, the divergence)."""
    steps = [f"Topic({partitions})"]
    try:
        topic = Topic(partitions)
    except Exception as err:
        return 0, f"Topic({partitions}) raised {type(err).__name__}: {err}"
    model = Model(partitions)
    for index, op in enumerate(ops):
        member = model.member_of(op)
        partition = model.partition_of(op) if op["op"] == "commit" else None
        offset = model.offset_of(op) if op["op"] == "commit" else None
        value = f"v{model.published}"
        text = call_text(op, member, partition, offset, value)
        expected = model.apply(op, member, partition, offset)
        where = f"{', '.join(steps)}: {text}"
        try:
            got = call_solution(topic, op, member, partition, offset, value)
        except Exception as err:
            if expected.error is None:
                return index, f"{where} expected {expected.value!r}, got {type(err).__name__}: {err}"
            if not expected.accepts(err):
                return index, f"{where} expected {expected.error}, got {type(err).__name__}: {err}"
            steps.append(text)
            continue
        if expected.error is not None:
            return index, f"{where} expected {expected.error}, got {got!r}"
        if got != expected.value:
            return index, f"{where} expected {expected.value!r}, got {got!r}"
        steps.append(text)
    return None


def shrink(ops, fails, budget=300):
    """Drops steps one at a time while the scenario still diverges, so the report stays short."""
    changed = True
    while changed and budget > 0:
        changed = False
        for i in reversed(range(len(ops))):
            if budget == 0:
                break
            budget -= 1
            candidate = ops[:i] + ops[i + 1 :]
            if fails(candidate):
                ops = candidate
                changed = True
    return ops


class ModelTest(unittest.TestCase):
    """event log: random sequences of every operation agree with a small model"""

    def test_model(self):
        """[model] publish, partition_for, end_offset, join, leave, members, assignment, poll, commit and committed match the model"""
        rng = random.Random(SEED)
        for scenario in range(SCENARIOS):
            partitions = rng.randint(1, 5)
            ops = [random_op(rng) for _ in range(rng.randint(10, 60))]
            diff = check_scenario(partitions, ops)
            if diff is not None:
                failing = ops[: diff[0] + 1]
                short = shrink(failing, lambda candidate: check_scenario(partitions, candidate) is not None)
                _, sentence = check_scenario(partitions, short)
                shrunk = f"shrunk from {len(failing)} steps to {len(short)}"
                self.fail(f"{sentence} (seed {SEED}, scenario {scenario}, {shrunk})")


if __name__ == "__main__":
    unittest.main()
