# Mutant: the point count is rounded down (int()) instead of to the nearest integer
"""Consistent-hashing ring with virtual nodes and weights.

Every node owns several points on a 32-bit ring; a key belongs to the first point at or after its own
hash, wrapping around. Adding or removing a node only changes the owner of keys that fall on that node's
arcs, which is the whole point versus `hash % node_count`.
"""

import math
from bisect import bisect_left

FNV_OFFSET_BASIS = 0x811C9DC5
FNV_PRIME = 0x01000193
MASK32 = 0xFFFFFFFF


def fnv1a32(text: str) -> int:
    """32-bit FNV-1a over the UTF-8 bytes of text (as JavaScript's TextEncoder makes them), unsigned."""
    try:
        data = text.encode('utf-8')
    except UnicodeEncodeError:
        # Surrogate code points: pair them up as UTF-16 does, and turn lone ones into U+FFFD.
        data = text.encode('utf-16-le', 'surrogatepass').decode('utf-16-le', 'replace').encode('utf-8')
    h = FNV_OFFSET_BASIS
    for byte in data:
        h = ((h ^ byte) * FNV_PRIME) & MASK32
    return h


def hash32(text: str) -> int:
    """The ring's hash: FNV-1a followed by the MurmurHash3 32-bit finaliser.

    FNV-1a alone spreads similar strings ("a#1", "a#2", ...) poorly around the ring; the finaliser mixes
    every input bit into every output bit.
    """
    h = fnv1a32(text)
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & MASK32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & MASK32
    h ^= h >> 16
    return h


def _round_half_up(x: float) -> int:
    """JavaScript's Math.round: the nearest integer, halves upwards (Python's round() goes to even)."""
    whole = math.floor(x)
    return whole + (1 if x - whole >= 0.5 else 0)


def _check_node(node: str) -> None:
    if not isinstance(node, str) or node == '':
        raise TypeError(f'node must be a non-empty string, got {node!r}')


class HashRing:
    """Maps keys to nodes with a hash ring of weighted virtual nodes."""

    def __init__(self, *, vnodes: int = 160) -> None:
        # bool is an int subclass; True is not a count anyone means.
        if not isinstance(vnodes, int) or isinstance(vnodes, bool) or vnodes < 1:
            raise ValueError(f'vnodes must be a positive integer, got {vnodes!r}')
        self._vnodes = vnodes
        self._weights: dict[str, float] = {}
        # (hash, node) sorted: tuple order breaks a collision in favour of the smaller id, whatever the
        # insertion order. _hashes mirrors the first column for bisect.
        self._points: list[tuple[int, str]] = []
        self._hashes: list[int] = []

    def add_node(self, node: str, weight: float = 1) -> None:
        """Adds a node with weight (default 1): it gets max(1, round(vnodes * weight)) points."""
        _check_node(node)
        if not isinstance(weight, (int, float)) or isinstance(weight, bool) \
                or not math.isfinite(weight) or weight <= 0:
            raise ValueError(f'weight must be a positive finite number, got {weight!r}')
        if node in self._weights:
            raise ValueError(f'node {node!r} is already on the ring')
        # Weight scales the number of points, so a node's share of the ring grows in proportion.
        count = max(1, int(self._vnodes * weight))
        self._weights[node] = weight
        self._points.extend((hash32(f'{node}#{i}'), node) for i in range(count))
        # A full sort per join is O(n log n); joins are rare next to lookups, and it keeps the code obvious.
        self._points.sort()
        self._hashes = [h for h, _ in self._points]

    def remove_node(self, node: str) -> None:
        """Removes a node and all its points."""
        _check_node(node)
        if node not in self._weights:
            raise KeyError(f'unknown node {node!r}')
        del self._weights[node]
        # Filtering keeps every other point where it was, so only this node's keys move.
        self._points = [point for point in self._points if point[1] != node]
        self._hashes = [h for h, _ in self._points]

    def node_for(self, key: str) -> str:
        """The node owning key: the first point at or after hash32(key), wrapping around."""
        if not isinstance(key, str):
            raise TypeError(f'key must be a string, got {key!r}')
        if not self._points:
            raise RuntimeError('cannot look up a key: the ring is empty')
        i = bisect_left(self._hashes, hash32(key))
        # Past the last point the ring wraps around to the first.
        return self._points[i if i < len(self._points) else 0][1]

    def nodes(self) -> list[str]:
        """Node ids, sorted ascending."""
        return sorted(self._weights)

    def has(self, node: str) -> bool:
        """True exactly when node is on the ring now."""
        return node in self._weights
