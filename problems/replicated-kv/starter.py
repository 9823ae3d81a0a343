from __future__ import annotations

from typing import Callable, Literal, TypedDict


class Versioned(TypedDict):
    """A replica's copy of a key (a plain dict): {'value': ..., 'version': ...}."""

    value: str
    version: int


class ConfigError(Exception):
    """A constructor argument is out of range; the message names the field at fault."""


class UnknownNodeError(Exception):
    """A node id that is not in the cluster; the message contains the id."""

    def __init__(self, node: str) -> None:
        super().__init__(f'unknown node {node!r}')


class QuorumError(Exception):
    """Fewer live replicas than the read or write quorum needs."""

    def __init__(self, op: Literal['read', 'write'], needed: int, live: int) -> None:
        super().__init__(f'{op} quorum not met: needed {needed} live replicas, {live} up')
        self.op = op
        self.needed = needed
        self.live = live


def fnv1a32(s: str) -> int:
    """32-bit FNV-1a over UTF-16 code units, like the TypeScript version (the default hash)."""
    h = 0x811C9DC5
    units = s.encode('utf-16-le', 'surrogatepass')
    for i in range(0, len(units), 2):
        h ^= units[i] | (units[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


class ReplicatedStore:
    def __init__(
        self,
        nodes: list[str],
        *,
        n: int,
        r: int,
        w: int,
        vnodes: int = 1,
        read_repair: bool = False,
        hash: Callable[[str], int] | None = None,
    ) -> None:
        """nodes: the node ids. n: replication factor; r: read quorum; w: write quorum; vnodes: tokens per
        node; read_repair: repair stale live replicas after a read; hash: str -> int in [0, 2**32),
        fnv1a32 when None."""
        # TODO
        pass

    def preference_list(self, key: str) -> list[str]:
        """The key's n replicas, in ring order."""
        raise NotImplementedError

    def put(self, key: str, value: str) -> int:
        """Writes the value on every live replica and returns the new version."""
        raise NotImplementedError

    def get(self, key: str) -> Versioned | None:
        """The newest copy among the live replicas, or None."""
        raise NotImplementedError

    def fail(self, node: str) -> None:
        """Marks a node down."""
        raise NotImplementedError

    def recover(self, node: str) -> None:
        """Marks a node up."""
        raise NotImplementedError

    def is_up(self, node: str) -> bool:
        """Whether the node is up."""
        raise NotImplementedError

    def peek(self, node: str, key: str) -> Versioned | None:
        """That node's local copy of the key, whether the node is up or down, or None."""
        raise NotImplementedError
