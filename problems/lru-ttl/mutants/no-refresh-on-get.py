# Mutant: get does not refresh recency, so a just-read entry can be evicted next
"""LRU cache with per-entry time-to-live.

A dict finds a key's node in O(1); a doubly linked list keeps the nodes in recency order (head = most recently
used, tail = least recently used), so moving and evicting are O(1) too. (collections.OrderedDict with
move_to_end and popitem(last=False) would do the same job.)
"""

import math
import time
from typing import Callable, Generic, Hashable, Optional, TypedDict, TypeVar

Clock = Callable[[], float]
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class CacheStats(TypedDict):
    hits: int
    misses: int
    evictions: int


def _is_number(value: object) -> bool:
    # bool is a subclass of int, but True is not a sensible size or TTL.
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_ttl(name: str, ttl: object) -> None:
    if not _is_number(ttl):
        raise TypeError(f"{name} must be a number, got {type(ttl).__name__}")
    # math.inf is allowed and means "never expires".
    if math.isnan(ttl) or ttl <= 0:
        raise ValueError(f"{name} must be a positive number of milliseconds, got {ttl!r}")


class _Node:
    __slots__ = ("key", "value", "expires_at", "prev", "next")

    def __init__(self, key, value, expires_at: float) -> None:
        self.key = key
        self.value = value
        self.expires_at = expires_at  # the clock reading from which the entry is expired
        self.prev: Optional[_Node] = None
        self.next: Optional[_Node] = None


class LRUCache(Generic[K, V]):
    """Holds at most ``capacity`` live entries, evicts the least recently used, expires entries after a TTL."""

    def __init__(self, capacity: int, default_ttl_ms: float, clock: Optional[Clock] = None) -> None:
        if not _is_number(capacity):
            raise TypeError(f"capacity must be a number, got {type(capacity).__name__}")
        if not math.isfinite(capacity) or capacity != int(capacity) or capacity <= 0:
            raise ValueError(f"capacity must be a positive integer, got {capacity!r}")
        _check_ttl("default_ttl_ms", default_ttl_ms)
        if clock is None:
            clock = lambda: time.time() * 1000  # noqa: E731 - the real clock only when none is given
        elif not callable(clock):
            raise TypeError("clock must be a function returning the time in milliseconds")
        self._capacity = int(capacity)
        self._default_ttl_ms = default_ttl_ms
        self._clock = clock
        self._nodes: dict = {}
        self._head: Optional[_Node] = None
        self._tail: Optional[_Node] = None
        self._hits = 0
        self._misses = 0
        self._evictions = 0

    def get(self, key: K) -> Optional[V]:
        """The value if present and not expired (a hit; it becomes most recently used), else None (a miss)."""
        node = self._live_node(key)
        if node is None:
            self._misses += 1
            return None
        self._hits += 1
        return node.value

    def put(self, key: K, value: V, ttl_ms: Optional[float] = None) -> None:
        """Inserts or replaces the entry, making it most recently used; its TTL restarts (ttl_ms, else the default)."""
        if ttl_ms is not None:
            _check_ttl("ttl_ms", ttl_ms)
        expires_at = self._clock() + (self._default_ttl_ms if ttl_ms is None else ttl_ms)
        existing = self._nodes.get(key)
        if existing is not None:
            existing.value = value
            existing.expires_at = expires_at
            self._move_to_front(existing)
            return
        if len(self._nodes) >= self._capacity:
            # Expired entries go first: they do not count toward the size, and dropping them is not an eviction.
            self._purge_expired()
            if len(self._nodes) >= self._capacity:
                self._remove(self._tail)
                self._evictions += 1
        node = _Node(key, value, expires_at)
        self._nodes[key] = node
        self._link_at_front(node)

    def delete(self, key: K) -> bool:
        """Removes the entry; True if a live entry was removed. Not a hit, a miss or an eviction."""
        node = self._live_node(key)
        if node is None:
            return False
        self._remove(node)
        return True

    @property
    def size(self) -> int:
        """Number of live (unexpired) entries."""
        self._purge_expired()
        return len(self._nodes)

    def keys(self) -> list:
        """Live keys, least recently used first (the order they would be evicted in). Not an access."""
        self._purge_expired()
        keys = []
        node = self._tail
        while node is not None:
            keys.append(node.key)
            node = node.prev
        return keys

    def stats(self) -> CacheStats:
        """A snapshot of the counters: a new dict with hits, misses and evictions."""
        return {"hits": self._hits, "misses": self._misses, "evictions": self._evictions}

    def _live_node(self, key) -> Optional[_Node]:
        """The node for ``key`` if it is live; an expired node is removed on the way."""
        node = self._nodes.get(key)
        if node is None:
            return None
        # An entry put at t with TTL d is visible while now < t + d and gone at exactly t + d.
        if self._clock() >= node.expires_at:
            self._remove(node)
            return None
        return node

    def _purge_expired(self) -> None:
        """O(n); runs only when the cache is full or when size or keys() are asked for."""
        now = self._clock()
        for node in [node for node in self._nodes.values() if now >= node.expires_at]:
            self._remove(node)

    def _link_at_front(self, node: _Node) -> None:
        node.prev = None
        node.next = self._head
        if self._head is not None:
            self._head.prev = node
        self._head = node
        if self._tail is None:
            self._tail = node

    def _detach(self, node: _Node) -> None:
        """Takes ``node`` out of the list (the dict still has it)."""
        if node.prev is not None:
            node.prev.next = node.next
        else:
            self._head = node.next
        if node.next is not None:
            node.next.prev = node.prev
        else:
            self._tail = node.prev
        node.prev = node.next = None

    def _remove(self, node: _Node) -> None:
        """Removes the entry entirely: from the list and from the dict."""
        self._detach(node)
        del self._nodes[node.key]

    def _move_to_front(self, node: _Node) -> None:
        self._detach(node)
        self._link_at_front(node)
