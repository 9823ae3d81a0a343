import math
import random
import time
import unittest

from solution import LRUCache


class ManualClock:
    """A clock the test moves by hand: call it for the current time in milliseconds."""

    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> float:
        return self.now


class Construction(unittest.TestCase):
    """construction"""

    def test_rejects_a_bad_capacity(self):
        """[R19] rejects capacity 0, -1, 1.5, nan and inf with a ValueError naming capacity"""
        for capacity in [0, -1, 1.5, float("nan"), float("inf")]:
            with self.subTest(capacity=capacity):
                with self.assertRaises(ValueError, msg=f"capacity {capacity} should be rejected") as caught:
                    LRUCache(capacity, 1000, ManualClock())
                self.assertMessage(caught.exception, "capacity", msg="the error names capacity")

    def test_rejects_a_bad_default_ttl(self):
        """[R20 constructor] rejects default_ttl_ms 0, -1, nan and -inf with a ValueError naming default_ttl_ms"""
        for ttl in [0, -1, float("nan"), float("-inf")]:
            with self.subTest(default_ttl_ms=ttl):
                with self.assertRaises(ValueError, msg=f"default_ttl_ms {ttl} should be rejected") as caught:
                    LRUCache(2, ttl, ManualClock())
                self.assertMessage(caught.exception, "default_ttl_ms", msg="the error names default_ttl_ms")

    def test_rejects_arguments_of_the_wrong_type(self):
        """[R18 constructor][R21] rejects arguments of the wrong type with a TypeError naming the argument"""
        with self.assertRaises(TypeError, msg='capacity "2" should be rejected') as caught:
            LRUCache("2", 1000, ManualClock())
        self.assertMessage(caught.exception, "capacity", msg="the error names capacity")
        with self.assertRaises(TypeError, msg='default_ttl_ms "1000" should be rejected') as caught:
            LRUCache(2, "1000", ManualClock())
        self.assertMessage(caught.exception, "default_ttl_ms", msg="the error names default_ttl_ms")
        with self.assertRaises(TypeError, msg="clock 5 should be rejected") as caught:
            LRUCache(2, 1000, 5)
        self.assertMessage(caught.exception, "clock", msg="the error names clock")

    def test_capacity_1_and_the_real_clock(self):
        """[R17][R3] works with capacity 1 and the real clock when none is given"""
        cache = LRUCache(1, 60_000)
        cache.put("a", 1)
        self.assertEqual(cache.get("a"), 1, "a minute has not passed")
        cache.put("b", 2)
        self.assertEqual(cache.get("a"), None, "capacity 1 keeps only the newest")
        self.assertEqual(cache.get("b"), 2, "the newest entry is there")
        self.assertEqual(cache.size, 1, "one entry")

    def test_expires_by_the_real_clock(self):
        """[R17] expires entries by the real clock, in milliseconds, when none is given"""
        cache = LRUCache(2, 60_000)
        cache.put("a", 1, 1)
        start = time.time()
        while time.time() < start + 0.003:
            pass  # Busy-wait 3 ms of real time: longer than the 1 ms TTL.
        self.assertEqual(cache.get("a"), None, "a 1 ms TTL has passed on the real clock")


class RecencyAndEviction(unittest.TestCase):
    """recency and eviction"""

    def test_evicts_the_least_recently_used(self):
        """[R3][R12][R15] evicts the least recently used entry, not the most recent"""
        cache = LRUCache(3, 1000, ManualClock())
        cache.put("a", 1)
        cache.put("b", 2)
        cache.put("c", 3)
        cache.put("d", 4)
        self.assertEqual(cache.keys(), ["b", "c", "d"], '"a" evicted, the rest in order of use')
        self.assertEqual(cache.stats()["evictions"], 1, "one eviction")

    def test_refreshes_recency_on_get(self):
        """[R1] refreshes recency on get"""
        cache = LRUCache(3, 1000, ManualClock())
        cache.put("a", 1)
        cache.put("b", 2)
        cache.put("c", 3)
        self.assertEqual(cache.get("a"), 1, 'the value of "a"')
        cache.put("d", 4)
        self.assertEqual(cache.keys(), ["c", "a", "d"], '"b" is evicted because "a" was just used')

    def test_replacing_a_key(self):
        """[R1][R4] updates the value and recency when putting an existing key, without evicting"""
        cache = LRUCache(2, 1000, ManualClock())
        cache.put("a", 1)
        cache.put("b", 2)
        cache.put("a", 10)
        self.assertEqual(cache.size, 2, "replacing a key does not add an entry")
        self.assertEqual(cache.stats()["evictions"], 0, "replacing a key evicts nothing")
        self.assertEqual(cache.keys(), ["b", "a"], '"a" is now most recent')
        cache.put("c", 3)
        self.assertEqual(cache.get("b"), None, '"b" was least recent')
        self.assertEqual(cache.get("a"), 10, "the replaced value")

    def test_queries_keep_recency(self):
        """[R2 get, keys, size, stats] does not change recency on a miss, keys(), size or stats()"""
        cache = LRUCache(2, 1000, ManualClock())
        cache.put("a", 1)
        cache.put("b", 2)
        cache.get("zzz")
        cache.keys()
        _ = cache.size
        cache.stats()
        cache.put("c", 3)
        self.assertEqual(cache.keys(), ["b", "c"], '"a" was still the least recent')


class TimeToLive(unittest.TestCase):
    """time to live"""

    def test_expires_exactly_at_the_ttl(self):
        """[R5][R9 get] keeps an entry live until just before its TTL and drops it exactly at it"""
        clock = ManualClock()
        cache = LRUCache(2, 1000, clock)
        clock.now = 500
        cache.put("a", 1)
        clock.now = 1499
        self.assertEqual(cache.get("a"), 1, "live at 1499 ms")
        clock.now = 1500
        self.assertEqual(cache.get("a"), None, "expired at exactly 500 + 1000")

    def test_per_put_ttl(self):
        """[R6] uses a per-put TTL instead of the default, shorter or longer"""
        clock = ManualClock()
        cache = LRUCache(3, 1000, clock)
        cache.put("short", 1, 100)
        cache.put("long", 2, 5000)
        cache.put("default", 3)
        clock.now = 100
        self.assertEqual(cache.get("short"), None, "a 100 ms TTL has passed")
        clock.now = 1000
        self.assertEqual(cache.get("default"), None, "the default 1000 ms TTL has passed")
        self.assertEqual(cache.get("long"), 2, "a 5000 ms TTL outlives the default")

    def test_put_again_restarts_the_ttl(self):
        """[R7] restarts the TTL when a key is put again, even with a shorter TTL"""
        clock = ManualClock()
        cache = LRUCache(2, 1000, clock)
        cache.put("a", 1)
        clock.now = 800
        cache.put("a", 2)
        clock.now = 1500
        self.assertEqual(cache.get("a"), 2, "the second put lives until 1800")
        cache.put("a", 3, 10)
        clock.now = 1510
        self.assertEqual(cache.get("a"), None, "the latest TTL (10 ms) wins")

    def test_get_does_not_extend_the_ttl(self):
        """[R7] does not extend the TTL on get"""
        clock = ManualClock()
        cache = LRUCache(2, 1000, clock)
        cache.put("a", 1)
        clock.now = 900
        self.assertEqual(cache.get("a"), 1, "live at 900 ms")
        clock.now = 1000
        self.assertEqual(cache.get("a"), None, "a read refreshes recency, not lifetime")

    def test_infinite_ttl(self):
        """[R8] accepts an infinite TTL (math.inf) as never expiring"""
        clock = ManualClock()
        cache = LRUCache(2, math.inf, clock)
        cache.put("a", 1)
        cache.put("b", 2, math.inf)
        clock.now = 1e15
        self.assertEqual(cache.get("a"), 1, "the default TTL is infinite")
        self.assertEqual(cache.get("b"), 2, "the per-put TTL is infinite")

    def test_rejects_a_bad_per_put_ttl(self):
        """[R20 put] rejects a per-put ttl_ms of 0, -5 or nan with a ValueError and stores nothing"""
        for ttl in [0, -5, float("nan")]:
            with self.subTest(ttl_ms=ttl):
                cache = LRUCache(2, 1000, ManualClock())
                with self.assertRaises(ValueError, msg=f"ttl_ms {ttl} should be rejected") as caught:
                    cache.put("a", 1, ttl)
                self.assertMessage(caught.exception, "ttl_ms", msg="the error names ttl_ms")
                self.assertEqual(cache.size, 0, "the rejected put added nothing")

    def test_rejects_a_per_put_ttl_that_is_not_a_number(self):
        """[R18 put] rejects a per-put ttl_ms that is not a number with a TypeError"""
        cache = LRUCache(2, 1000, ManualClock())
        with self.assertRaises(TypeError, msg='ttl_ms "10" should be rejected') as caught:
            cache.put("a", 1, "10")
        self.assertMessage(caught.exception, "ttl_ms", msg="the error names ttl_ms")
        self.assertEqual(cache.size, 0, "the rejected put added nothing")

    def test_expired_entries_are_not_counted(self):
        """[R9 keys, size] does not count expired entries in size or keys()"""
        clock = ManualClock()
        cache = LRUCache(3, 1000, clock)
        cache.put("a", 1, 100)
        cache.put("b", 2, 200)
        cache.put("c", 3)
        self.assertEqual(cache.size, 3, "three live entries")
        clock.now = 100
        self.assertEqual(cache.size, 2, '"a" expired without being read')
        self.assertEqual(cache.keys(), ["b", "c"], '"a" is not listed')
        clock.now = 200
        self.assertEqual(cache.size, 1, '"b" expired too')

    def test_expired_room_is_used_first(self):
        """[R10] fills the room of an expired entry before evicting a live one"""
        clock = ManualClock()
        cache = LRUCache(3, 1000, clock)
        cache.put("a", 1)
        cache.put("b", 2, 10)
        cache.put("c", 3)
        clock.now = 10
        cache.put("d", 4)
        self.assertEqual(cache.get("a"), 1, "the least recent live entry survives")
        self.assertEqual(cache.stats()["evictions"], 0, "dropping an expired entry is not an eviction")
        self.assertEqual(cache.keys(), ["c", "d", "a"], "the live keys, least recent first")

    def test_an_expired_key_put_again(self):
        """[R9][R10] gives an expired key a fresh entry when it is put again"""
        clock = ManualClock()
        cache = LRUCache(2, 100, clock)
        cache.put("a", 1)
        clock.now = 150
        cache.put("a", 2)
        clock.now = 249
        self.assertEqual(cache.get("a"), 2, "the new entry lives 100 ms from 150")


class Delete(unittest.TestCase):
    """delete"""

    def test_delete_frees_room_and_keeps_order(self):
        """[R14][R2 delete] removes an entry, frees its room and keeps the order of the rest"""
        cache = LRUCache(3, 1000, ManualClock())
        cache.put("a", 1)
        cache.put("b", 2)
        cache.put("c", 3)
        self.assertEqual(cache.delete("b"), True, "a live entry")
        self.assertEqual(cache.keys(), ["a", "c"], '"b" is gone')
        cache.put("d", 4)
        self.assertEqual(cache.stats()["evictions"], 0, "deleting made room")
        cache.put("e", 5)
        self.assertEqual(cache.keys(), ["c", "d", "e"], '"a" is evicted next')
        self.assertEqual(cache.delete("e"), True, "the most recent entry")
        self.assertEqual(cache.delete("c"), True, "the least recent entry")
        self.assertEqual(cache.keys(), ["d"], "only d is left")

    def test_delete_of_a_missing_or_expired_key(self):
        """[R14] returns False for a missing or expired key"""
        clock = ManualClock()
        cache = LRUCache(2, 100, clock)
        self.assertEqual(cache.delete("nope"), False, "never put")
        cache.put("a", 1)
        clock.now = 100
        self.assertEqual(cache.delete("a"), False, "already expired")


class StatsAndValues(unittest.TestCase):
    """stats and values"""

    def test_expired_reads_are_misses(self):
        """[R11 get, delete] counts expired reads as misses and delete as neither"""
        clock = ManualClock()
        cache = LRUCache(2, 100, clock)
        cache.put("a", 1)
        cache.get("a")
        cache.get("a")
        cache.delete("a")
        cache.put("b", 2)
        clock.now = 100
        cache.get("b")
        cache.get("never")
        self.assertEqual(cache.stats(), {"hits": 2, "misses": 2, "evictions": 0}, "two hits, two misses")

    def test_put_keys_and_size_are_not_reads(self):
        """[R11 put, keys, size] counts neither a hit nor a miss for put, replace, keys() or size"""
        cache = LRUCache(2, 1000, ManualClock())
        cache.put("a", 1)
        cache.put("a", 2)
        cache.put("b", 3)
        cache.keys()
        _ = cache.size
        cache.delete("nope")
        self.assertEqual(cache.stats(), {"hits": 0, "misses": 0, "evictions": 0}, "nothing was read")

    def test_dropping_and_deleting_are_not_evictions(self):
        """[R12][R10] does not count dropping expired entries or deleting as evictions"""
        clock = ManualClock()
        cache = LRUCache(2, 100, clock)
        cache.put("a", 1)
        cache.put("b", 2)
        clock.now = 100
        cache.put("c", 3)
        cache.put("d", 4)
        self.assertEqual(cache.stats()["evictions"], 0, "a and b had expired: dropped, not evicted")
        cache.delete("c")
        cache.put("e", 5)
        self.assertEqual(cache.stats()["evictions"], 0, "delete made room")
        cache.put("f", 6)
        self.assertEqual(cache.stats()["evictions"], 1, "d, the least recent live entry, is evicted")
        self.assertEqual(cache.keys(), ["e", "f"], "the live keys, least recent first")

    def test_counts_every_eviction(self):
        """[R12] counts every eviction"""
        cache = LRUCache(2, 1000, ManualClock())
        for i in range(7):
            cache.put(i, i)
        self.assertEqual(cache.stats()["evictions"], 5, "7 puts into 2 slots")

    def test_stats_is_a_snapshot(self):
        """[R13] returns a snapshot from stats()"""
        cache = LRUCache(2, 1000, ManualClock())
        stats = cache.stats()
        stats["hits"] = 99
        cache.get("x")
        self.assertEqual(cache.stats(), {"hits": 0, "misses": 1, "evictions": 0}, "the returned dict is not live state")

    def test_falsy_values(self):
        """[R16] stores falsy values and reports them as hits"""
        cache = LRUCache(5, 1000, ManualClock())
        cache.put("zero", 0)
        cache.put("empty", "")
        cache.put("false", False)
        cache.put("none", None)
        cache.put("list", [])
        self.assertEqual(cache.get("zero"), 0, "the stored 0")
        self.assertEqual(cache.get("empty"), "", "the stored empty string")
        self.assertIs(cache.get("false"), False, "the stored False")
        self.assertEqual(cache.get("none"), None, "the stored None")
        self.assertEqual(cache.get("list"), [], "the stored empty list")
        self.assertEqual(cache.stats()["hits"], 5, "five hits, the stored None included")
        self.assertEqual(cache.stats()["misses"], 0, "no misses")


# ---------------------------------------------------------------------------------------------------------
# The model-based test


class ModelCache:
    """The statement, literally: live entries in a list, least recently used first."""

    def __init__(self, capacity, default_ttl_ms):
        self.capacity = capacity
        self.default_ttl_ms = default_ttl_ms
        self.entries = []  # [key, value, expires_at], least recently used first
        self.counts = {"hits": 0, "misses": 0, "evictions": 0}

    def at(self, now):
        """Expired entries are invisible to every operation, so drop them before each one."""
        self.entries = [entry for entry in self.entries if now < entry[2]]

    def find(self, key):
        for i, entry in enumerate(self.entries):
            if entry[0] == key:
                return i
        return -1

    def get(self, key):
        i = self.find(key)
        if i < 0:
            self.counts["misses"] += 1
            return None
        self.counts["hits"] += 1
        entry = self.entries.pop(i)
        self.entries.append(entry)
        return entry[1]

    def put(self, key, value, ttl, now):
        i = self.find(key)
        if i >= 0:
            self.entries.pop(i)
        elif len(self.entries) >= self.capacity:
            self.entries.pop(0)
            self.counts["evictions"] += 1
        self.entries.append([key, value, now + (self.default_ttl_ms if ttl is None else ttl)])

    def delete(self, key):
        i = self.find(key)
        if i >= 0:
            self.entries.pop(i)
        return i >= 0

    def size(self):
        return len(self.entries)

    def keys(self):
        return [entry[0] for entry in self.entries]

    def stats(self):
        return dict(self.counts)


MODEL_SEED = 14
OPS = ["get", "get", "put", "put", "put", "delete", "size", "keys", "stats"]
KEYS = ["a", "b", "c", "d", "e"]
TTLS = [1, 2, 5, 20, math.inf]
FALSY = [0, "", False, None]


def random_scenario(rng):
    """A capacity, a default TTL and up to 30 steps of (operation, key, value, ttl_ms or None, clock step)."""
    capacity = rng.randint(1, 4)
    default_ttl_ms = rng.choice(TTLS)
    steps = []
    for _ in range(rng.randint(1, 30)):
        value = rng.randint(1, 99) if rng.random() < 0.5 else rng.choice(FALSY)
        ttl = None if rng.random() < 0.4 else rng.choice(TTLS)
        # Mostly several operations in the same millisecond, so the cache fills up before entries expire.
        dt = 0 if rng.random() < 0.75 else rng.randint(1, 25)
        steps.append((rng.choice(OPS), rng.choice(KEYS), value, ttl, dt))
    return capacity, default_ttl_ms, steps


def show_ttl(ttl):
    return "math.inf" if ttl == math.inf else repr(ttl)


def same(got, want):
    """Values must match in type too (0 is not False); None is only equal to None."""
    return type(got) is type(want) and got == want


def divergence(capacity, default_ttl_ms, steps):
    """Runs a scenario on the solution and the model.

    Returns None if they agree, else (index of the first differing step, that step described after the ones before).
    """
    clock = ManualClock()
    start = f"LRUCache({capacity}, {show_ttl(default_ttl_ms)}, clock)"
    try:
        cache = LRUCache(capacity, default_ttl_ms, clock)
    except Exception as err:  # noqa: BLE001 - any exception is a divergence
        return 0, f"{start} raised {type(err).__name__}: {err}"
    model = ModelCache(capacity, default_ttl_ms)
    done = []
    for index, (op, key, value, ttl, dt) in enumerate(steps):
        clock.now += dt
        now = clock.now
        model.at(now)
        if op == "put":
            call = f"put({key!r}, {value!r})" if ttl is None else f"put({key!r}, {value!r}, {show_ttl(ttl)})"
            model.put(key, value, ttl, now)
            want = None
            answer = (lambda: cache.put(key, value)) if ttl is None else (lambda: cache.put(key, value, ttl))
        elif op == "get":
            call, want, answer = f"get({key!r})", model.get(key), lambda: cache.get(key)
        elif op == "delete":
            call, want, answer = f"delete({key!r})", model.delete(key), lambda: cache.delete(key)
        elif op == "size":
            call, want, answer = "size", model.size(), lambda: cache.size
        elif op == "keys":
            call, want, answer = "keys()", model.keys(), cache.keys
        else:
            call, want, answer = "stats()", model.stats(), cache.stats
        here = f"{call} at {now} ms"
        before = f"after {', '.join(done)}: " if done else ""
        try:
            got = answer()
        except Exception as err:  # noqa: BLE001 - any exception is a divergence
            return index, f"{start}, {before}{here} expected {want!r}, got {type(err).__name__}: {err}"
        if op == "put":
            done.append(here)  # put's return value is not part of the API
            continue
        if not same(got, want):
            return index, f"{start}, {before}{here} expected {want!r}, got {got!r}"
        done.append(f"{here} → {got!r}")
    return None


def shrink(capacity, default_ttl_ms, steps):
    """Drops every step the divergence does not need (keeping the clock's readings), so the failure reads short."""
    index, _ = divergence(capacity, default_ttl_ms, steps)
    steps = steps[: index + 1]
    changed = True
    while changed:
        changed = False
        for i in reversed(range(len(steps) - 1)):
            dt = steps[i][4]
            op, key, value, ttl, nxt_dt = steps[i + 1]
            candidate = steps[:i] + [(op, key, value, ttl, dt + nxt_dt)] + steps[i + 2 :]
            found = divergence(capacity, default_ttl_ms, candidate)
            if found is not None:
                steps = candidate[: found[0] + 1]
                changed = True
                break
    return divergence(capacity, default_ttl_ms, steps)[1]


class Model(unittest.TestCase):
    """model"""

    def test_model(self):
        """[model] agrees with a model over random interleaved operations, keys, TTLs and clock steps"""
        rng = random.Random(MODEL_SEED)
        for number in range(1, 101):
            capacity, default_ttl_ms, steps = random_scenario(rng)
            if divergence(capacity, default_ttl_ms, steps) is not None:
                sentence = shrink(capacity, default_ttl_ms, steps)
                self.fail(f"{sentence} (seed {MODEL_SEED}, scenario {number}, shrunk to the steps that matter)")


if __name__ == "__main__":
    unittest.main()
