"""LRU cache with per-entry TTL. The statement has the rules; replace each body."""

from typing import Callable, Generic, Hashable, Optional, TypedDict, TypeVar

Clock = Callable[[], float]  # returns the current time in milliseconds
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class CacheStats(TypedDict):
    hits: int
    misses: int
    evictions: int


class LRUCache(Generic[K, V]):
    """Holds at most ``capacity`` live entries, evicts the least recently used, expires entries after a TTL."""

    def __init__(self, capacity: int, default_ttl_ms: float, clock: Optional[Clock] = None) -> None:
        """Validates the arguments; ``clock`` defaults to the real time in milliseconds."""
        # TODO: validate the arguments and set up your data structures.
        pass

    def get(self, key: K) -> Optional[V]:
        """The value if present and not expired (a hit; it becomes most recently used), else None (a miss)."""
        raise NotImplementedError

    def put(self, key: K, value: V, ttl_ms: Optional[float] = None) -> None:
        """Inserts or replaces the entry, making it most recently used; its TTL restarts."""
        raise NotImplementedError

    def delete(self, key: K) -> bool:
        """Removes the entry; True if a live entry was removed."""
        raise NotImplementedError

    @property
    def size(self) -> int:
        """Number of live (unexpired) entries."""
        raise NotImplementedError

    def keys(self) -> list:
        """Live keys, least recently used first. Not an access."""
        raise NotImplementedError

    def stats(self) -> CacheStats:
        """A snapshot of the counters: a new dict with the keys hits, misses and evictions."""
        return {"hits": 0, "misses": 0, "evictions": 0}
