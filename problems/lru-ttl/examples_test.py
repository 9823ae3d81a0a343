import unittest

from solution import LRUCache


class ManualClock:
    """A clock the test moves by hand: call it for the current time in milliseconds."""

    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> float:
        return self.now


class LRUCacheExamples(unittest.TestCase):
    """LRUCache (examples)"""

    def test_returns_what_was_put(self):
        """returns what was put and None for a key never put"""
        cache = LRUCache(2, 1000, ManualClock())
        cache.put("a", 1)
        self.assertEqual(cache.get("a"), 1, 'the value put under "a"')
        self.assertEqual(cache.get("zzz"), None, "a key never put")

    def test_evicts_the_least_recently_used(self):
        """evicts the least recently used entry when full"""
        cache = LRUCache(2, 1000, ManualClock())
        cache.put("a", 1)
        cache.put("b", 2)
        cache.put("c", 3)
        self.assertEqual(cache.get("a"), None, '"a" was the oldest and is evicted')
        self.assertEqual(cache.get("b"), 2, '"b" is still there')
        self.assertEqual(cache.get("c"), 3, '"c" is still there')

    def test_a_get_is_a_use(self):
        """treats a get as a use, so the other entry is evicted"""
        cache = LRUCache(2, 1000, ManualClock())
        cache.put("a", 1)
        cache.put("b", 2)
        cache.get("a")
        cache.put("c", 3)
        self.assertEqual(cache.get("b"), None, '"b" is now the least recently used')
        self.assertEqual(cache.keys(), ["a", "c"], "least recently used first")

    def test_stops_returning_an_expired_entry(self):
        """stops returning an entry once its TTL has passed"""
        clock = ManualClock()
        cache = LRUCache(10, 1000, clock)
        cache.put("session", "xyz")
        clock.now = 999
        self.assertEqual(cache.get("session"), "xyz", "still live at 999 ms")
        clock.now = 1000
        self.assertEqual(cache.get("session"), None, "expired at 1000 ms")

    def test_counts_hits_misses_and_evictions(self):
        """counts hits, misses and evictions"""
        cache = LRUCache(1, 1000, ManualClock())
        cache.put("a", 1)
        cache.get("a")
        cache.put("b", 2)
        cache.get("a")
        self.assertEqual(cache.stats(), {"hits": 1, "misses": 1, "evictions": 1}, "one of each")


if __name__ == "__main__":
    unittest.main()
