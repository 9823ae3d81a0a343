# Mutant: Writes check the read quorum r instead of w.
from __future__ import annotations

import math
from typing import Callable, Literal, TypedDict


class Versioned(TypedDict):
    """A replica's copy of a key (a plain dict)."""

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
    """32-bit FNV-1a over UTF-16 code units, like the TypeScript version."""
    h = 0x811C9DC5
    units = s.encode('utf-16-le', 'surrogatepass')
    for i in range(0, len(units), 2):
        h ^= units[i] | (units[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def _require_count(value: object, name: str, minimum: int, maximum: float) -> int:
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not is_number or not math.isfinite(value) or value != int(value) or not minimum <= value <= maximum:
        raise ConfigError(f'{name} must be an integer in [{minimum}, {maximum}], got {value!r}')
    return int(value)


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
        if not isinstance(nodes, (list, tuple)) or len(nodes) == 0:
            raise ConfigError('nodes must be a non-empty list')
        # Each node's local storage. It survives fail(): a crashed node comes back with what it had.
        self._data: dict[str, dict[str, Versioned]] = {}
        for node in nodes:
            if not isinstance(node, str) or node == '':
                raise ConfigError('nodes must contain only non-empty string ids')
            if node in self._data:
                raise ConfigError(f'nodes must be unique: {node!r} appears more than once')
            self._data[node] = {}
        self._n = _require_count(n, 'n', 1, len(nodes))
        self._r = _require_count(r, 'r', 1, self._n)
        self._w = _require_count(w, 'w', 1, self._n)
        vnodes = _require_count(vnodes, 'vnodes', 1, math.inf)
        self._read_repair = bool(read_repair)
        self._hash = hash if hash is not None else fnv1a32
        self._down: set[str] = set()
        # The coordinator's per-key counter. Only successful writes advance it.
        self._versions: dict[str, int] = {}

        # Sorted by position, ties by node id then index, so the ring never depends on the listing order.
        tokens = [(self._hash(f'{node}#{i}'), node, i) for node in nodes for i in range(vnodes)]
        tokens.sort()
        self._ring = [(position, node) for position, node, _ in tokens]

    def preference_list(self, key: str) -> list[str]:
        h = self._hash(key)
        # The first token at or after the key; past the last token, wrap around to the first.
        start = next((i for i, (position, _) in enumerate(self._ring) if position >= h), 0)
        chosen: list[str] = []
        # With vnodes one node owns many tokens; replicas must land on distinct machines. Every node has a
        # token and n <= len(nodes), so one lap of the ring always collects n nodes.
        step = 0
        while len(chosen) < self._n:
            node = self._ring[(start + step) % len(self._ring)][1]
            if node not in chosen:
                chosen.append(node)
            step += 1
        return chosen

    def put(self, key: str, value: str) -> int:
        # Strict quorum: the replicas are the preference list; down members are not replaced by other nodes.
        live = [node for node in self.preference_list(key) if node not in self._down]
        # Checked up front, so a rejected write leaves no partial copies behind.
        if len(live) < self._r:
            raise QuorumError('write', self._r, len(live))
        version = self._versions.get(key, 0) + 1
        self._versions[key] = version
        for node in live:
            self._data[node][key] = {'value': value, 'version': version}
        return version

    def get(self, key: str) -> Versioned | None:
        live = [node for node in self.preference_list(key) if node not in self._down]
        if len(live) < self._r:
            raise QuorumError('read', self._r, len(live))
        copies = [self._data[node][key] for node in live if key in self._data[node]]
        if not copies:
            return None
        # A version is only ever written with one value, so the highest version names a single copy.
        newest = max(copies, key=lambda copy: copy['version'])
        if self._read_repair:
            for node in live:
                local = self._data[node].get(key)
                if local is None or local['version'] < newest['version']:
                    self._data[node][key] = dict(newest)
        return dict(newest)

    def fail(self, node: str) -> None:
        self._require_node(node)
        self._down.add(node)

    def recover(self, node: str) -> None:
        self._require_node(node)
        self._down.discard(node)

    def is_up(self, node: str) -> bool:
        self._require_node(node)
        return node not in self._down

    def peek(self, node: str, key: str) -> Versioned | None:
        copy = self._require_node(node).get(key)
        return dict(copy) if copy is not None else None

    def _require_node(self, node: str) -> dict[str, Versioned]:
        local = self._data.get(node) if isinstance(node, str) else None
        if local is None:
            raise UnknownNodeError(node)
        return local
