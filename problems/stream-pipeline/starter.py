"""Windowed stream aggregation on event time. The statement has the rules; replace each body."""
from __future__ import annotations

from typing import NamedTuple


class StreamEvent(NamedTuple):
    """One measurement: `id` is unique per event (a retried send reuses it), `time` is its event time in ms."""

    id: str
    key: str
    time: int
    value: float


class WindowResult(NamedTuple):
    """The summary of one key's window [start, end)."""

    key: str
    start: int
    end: int
    count: int
    sum: float
    min: float
    max: float


class PipelineStats(NamedTuple):
    """Counters since construction, open (key, window) pairs and remembered ids."""

    accepted: int
    duplicates: int
    late: int
    refused: int
    open_windows: int
    tracked_ids: int


class StreamPipeline:
    """Per-key tumbling windows on event time, with a watermark, deduplication and a bounded output buffer."""

    def __init__(self, *, window_ms: int, allowed_lateness_ms: int, dedup_horizon_ms: int, capacity: int) -> None:
        """window_ms: length of each window; allowed_lateness_ms: how far behind the newest event time an event
        may still arrive; dedup_horizon_ms: how long, in event time, an id is remembered; capacity: results the
        output buffer holds before push refuses input."""
        # TODO: validate the options and keep what you need.
        pass

    @property
    def watermark(self) -> float:
        """The newest event time minus allowed_lateness_ms; float('-inf') before any."""
        raise NotImplementedError

    @property
    def backlog(self) -> int:
        """Results waiting to be polled."""
        raise NotImplementedError

    def push(self, event: StreamEvent) -> str:
        """Accepts the event into its window ('accepted'), or says why not: 'duplicate', 'late' or 'full'."""
        raise NotImplementedError

    def advance_to(self, time: int) -> None:
        """Heartbeat: the source's event time has reached `time`."""
        raise NotImplementedError

    def poll(self, max_results: int) -> list[WindowResult]:
        """Removes and returns up to `max_results` results, oldest first."""
        raise NotImplementedError

    def stats(self) -> PipelineStats:
        """Counters since construction, open windows and remembered ids."""
        raise NotImplementedError
