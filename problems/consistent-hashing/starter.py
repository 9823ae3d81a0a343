"""Consistent-hashing ring. The two hash functions are given (the statement specifies them): use hash32
for every position on the ring. Replace each body that raises NotImplementedError.
"""

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


class HashRing:
    """Maps keys to nodes with a hash ring of weighted virtual nodes."""

    def __init__(self, *, vnodes: int = 160) -> None:
        """vnodes: virtual nodes (points) per unit of weight, default 160."""
        # TODO: validate the options and keep what you need.
        pass

    def add_node(self, node: str, weight: float = 1) -> None:
        """Adds a node with weight (default 1): it gets max(1, round(vnodes * weight)) points."""
        raise NotImplementedError

    def remove_node(self, node: str) -> None:
        """Removes a node and all its points."""
        raise NotImplementedError

    def node_for(self, key: str) -> str:
        """The node owning key: the first point at or after hash32(key), wrapping around."""
        raise NotImplementedError

    def nodes(self) -> list[str]:
        """Node ids, sorted ascending."""
        raise NotImplementedError

    def has(self, node: str) -> bool:
        """True exactly when node is on the ring now."""
        raise NotImplementedError
