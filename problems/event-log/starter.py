from __future__ import annotations

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


class Topic:
    def __init__(self, partitions: int) -> None:
        """A topic with `partitions` empty partitions; ValueError naming partitions unless a positive integer."""
        self.partitions = partitions

    def partition_for(self, key: str) -> int:
        """fnv1a32(key) % partitions."""
        raise NotImplementedError

    def publish(self, key: str, value: str) -> tuple[int, int]:
        """Appends the record to partition_for(key); returns (partition, offset), where it went."""
        raise NotImplementedError

    def end_offset(self, partition: int) -> int:
        """The offset the next record in that partition will get."""
        raise NotImplementedError

    def group(self, group_id: str) -> ConsumerGroup:
        """The consumer group with that id, the same object every time."""
        raise NotImplementedError


class ConsumerGroup:
    def __init__(self, topic: Topic, group_id: str) -> None:
        """Created only by Topic.group."""
        self.topic = topic
        self.id = group_id

    def join(self, member: str) -> None:
        """Adds a member and rebalances; joining again does nothing."""
        raise NotImplementedError

    def leave(self, member: str) -> None:
        """Removes a member and rebalances; UnknownMemberError for a non-member."""
        raise NotImplementedError

    def members(self) -> list[str]:
        """The member ids, sorted."""
        raise NotImplementedError

    def assignment(self, member: str) -> list[int]:
        """The partitions the member owns now, ascending."""
        raise NotImplementedError

    def poll(self, member: str, max_records: int) -> list[EventRecord]:
        """Up to max_records records from the member's read positions, partitions in ascending order."""
        raise NotImplementedError

    def commit(self, member: str, partition: int, offset: int) -> None:
        """Records that the group has processed everything before offset in that partition."""
        raise NotImplementedError

    def committed(self, partition: int) -> int:
        """The group's committed offset for the partition, 0 until something is committed."""
        raise NotImplementedError
