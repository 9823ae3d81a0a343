# Mutant: committed offsets are kept on the topic, shared by all its groups
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class EventRecord:
    """One record as poll returns it."""

    partition: int
    offset: int
    key: str
    value: str


class UnknownMemberError(Exception):
    """Raised for a member id that is not in the group; the message names the member."""


class NotAssignedError(Exception):
    """Raised by commit for a partition the member does not own; the message names the member and the partition."""


def fnv1a32(s: str) -> int:
    """32-bit FNV-1a over the UTF-16 code units of s (the units JavaScript's charCodeAt sees)."""
    h = 0x811C9DC5
    data = s.encode("utf-16-le", "surrogatepass")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def _is_whole(n: object) -> bool:
    """An int, or a float with no fractional part (2.0); never NaN, an infinity, a string or a bool."""
    if isinstance(n, bool):
        return False
    if isinstance(n, int):
        return True
    return isinstance(n, float) and math.isfinite(n) and n.is_integer()


def _require_positive_integer(n: object, what: str) -> int:
    if not _is_whole(n) or n < 1:
        raise ValueError(f"{what} must be a positive integer, got {n!r}")
    return int(n)


class Topic:
    def __init__(self, partitions: int) -> None:
        """A topic with `partitions` empty partitions; ValueError naming partitions unless a positive integer."""
        self.partitions = _require_positive_integer(partitions, "partitions")
        self._logs: list[list[EventRecord]] = [[] for _ in range(self.partitions)]
        self._groups: dict[str, ConsumerGroup] = {}

    def partition_for(self, key: str) -> int:
        """fnv1a32(key) % partitions."""
        # Same key -> same partition, the only place where order is kept.
        return fnv1a32(key) % self.partitions

    def publish(self, key: str, value: str) -> tuple[int, int]:
        """Appends the record to partition_for(key); returns (partition, offset), where it went."""
        partition = self.partition_for(key)
        log = self._logs[partition]
        offset = len(log)
        log.append(EventRecord(partition, offset, key, value))
        return partition, offset

    def end_offset(self, partition: int) -> int:
        """The offset the next record in that partition will get."""
        return len(self._logs[self._check_partition(partition)])

    def group(self, group_id: str) -> ConsumerGroup:
        """The consumer group with that id, the same object every time."""
        group = self._groups.get(group_id)
        if group is None:
            group = self._groups[group_id] = ConsumerGroup(self, group_id)
        return group

    def _read(self, partition: int, start: int, count: int) -> list[EventRecord]:
        # Records are frozen, so handing out the stored objects cannot change the log.
        return self._logs[partition][start : start + count]

    def _check_partition(self, partition: object) -> int:
        # Check the type and both ends explicitly: a list would take -1 as the last partition.
        if not _is_whole(partition) or not 0 <= partition < self.partitions:
            raise ValueError(f"partition must be an integer in [0, {self.partitions - 1}], got {partition!r}")
        return int(partition)


class ConsumerGroup:
    def __init__(self, topic: Topic, group_id: str) -> None:
        """Created only by Topic.group."""
        self.topic = topic
        self.id = group_id
        self._member_ids: list[str] = []  # sorted: the assignment is a function of this list
        self._positions: dict[str, dict[int, int]] = {}  # member -> {partition: next offset it reads}
        if not hasattr(topic, "_shared_committed"):
            topic._shared_committed = {}
        self._committed: dict[int, int] = topic._shared_committed

    def join(self, member: str) -> None:
        """Adds a member and rebalances; joining again does nothing."""
        if not isinstance(member, str) or member == "":
            raise ValueError(f"member id must be a non-empty string, got {member!r}")
        if member in self._positions:
            return  # already in: nothing changes, no rebalance
        self._member_ids = sorted(self._member_ids + [member])
        self._rebalance()

    def leave(self, member: str) -> None:
        """Removes a member and rebalances; UnknownMemberError for a non-member."""
        self._require_member(member)
        self._member_ids = [m for m in self._member_ids if m != member]
        self._rebalance()

    def members(self) -> list[str]:
        """The member ids, sorted."""
        return list(self._member_ids)

    def assignment(self, member: str) -> list[int]:
        """The partitions the member owns now, ascending."""
        return list(self._require_member(member))

    def poll(self, member: str, max_records: int) -> list[EventRecord]:
        """Up to max_records records from the member's read positions, partitions in ascending order."""
        positions = self._require_member(member)
        max_records = _require_positive_integer(max_records, "max_records")
        out: list[EventRecord] = []
        for partition, position in positions.items():  # built in ascending order
            if len(out) == max_records:
                break
            batch = self.topic._read(partition, position, max_records - len(out))
            positions[partition] = position + len(batch)
            out.extend(batch)
        return out

    def commit(self, member: str, partition: int, offset: int) -> None:
        """Records that the group has processed everything before offset in that partition."""
        positions = self._require_member(member)
        partition = self.topic._check_partition(partition)
        # Fencing: after a rebalance the old owner must not overwrite the new owner's progress.
        if partition not in positions:
            raise NotAssignedError(f'partition {partition} is not assigned to "{member}"')
        end = self.topic.end_offset(partition)
        current = self.committed(partition)
        if not _is_whole(offset) or not current <= offset <= end:
            raise ValueError(f"offset for partition {partition} must be an integer in [{current}, {end}], got {offset!r}")
        # The read position is left alone: committing records progress, it does not seek.
        self._committed[partition] = int(offset)

    def committed(self, partition: int) -> int:
        """The group's committed offset for the partition, 0 until something is committed."""
        return self._committed.get(self.topic._check_partition(partition), 0)

    def _require_member(self, member: str) -> dict[int, int]:
        positions = self._positions.get(member)
        if positions is None:
            raise UnknownMemberError(f'"{member}" is not a member of this group')
        return positions

    def _rebalance(self) -> None:
        """Range assignment over the sorted members. Every member restarts every partition it owns from the
        committed offset: whatever was polled but not committed is delivered again (at-least-once)."""
        self._positions.clear()
        p, m = self.topic.partitions, len(self._member_ids)
        next_partition = 0
        for i, member in enumerate(self._member_ids):
            count = p // m + (1 if i < p % m else 0)
            mine: dict[int, int] = {}
            for _ in range(count):
                mine[next_partition] = self.committed(next_partition)
                next_partition += 1
            self._positions[member] = mine
