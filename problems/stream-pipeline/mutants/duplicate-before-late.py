# Mutant: checks duplication before lateness, so a remembered late event counts as a duplicate
"""Windowed stream aggregation on event time.

Open windows are kept per window start (then per key), so closing is a scan over the few starts that are still
open: at most allowed_lateness_ms / window_ms + 2 of them. Remembered ids live in a dict id -> event time that
is pruned whenever the newest event time moves; a min-heap or per-window buckets would make pruning cheaper at
scale (see the follow-ups).
"""
from __future__ import annotations

import math
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


def _is_integer(value: object) -> bool:
    """True for an int, or a float with no fraction (not for a bool, NaN or infinity)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and value == int(value)


def _require_integer(value: object, name: str, minimum: int) -> int:
    if not _is_integer(value) or value < minimum:
        raise ValueError(f'{name} must be an integer of at least {minimum}, got {value!r}')
    return int(value)


def _check_event(event: object) -> StreamEvent:
    """Checks every field before the pipeline looks at the event, so a bad event never changes anything."""
    if not isinstance(event, StreamEvent):
        raise TypeError(f'event must be a StreamEvent, got {event!r}')
    event_id, key, time, value = event
    if not isinstance(event_id, str) or event_id == '':
        raise TypeError(f'event id must be a non-empty string, got {event_id!r}')
    if not isinstance(key, str) or key == '':
        raise TypeError(f'key of event {event_id} must be a non-empty string, got {key!r}')
    time = _require_integer(time, f'time of event {event_id}', 0)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f'value of event {event_id} must be a finite number, got {value!r}')
    return StreamEvent(event_id, key, time, value)


class _Window:
    """The running summary of one open window."""

    def __init__(self, value: float) -> None:
        self.count = 1
        self.sum = value
        self.min = value
        self.max = value

    def add(self, value: float) -> None:
        self.count += 1
        self.sum += value
        self.min = min(self.min, value)
        self.max = max(self.max, value)


class StreamPipeline:
    """Per-key tumbling windows on event time, with a watermark, deduplication and a bounded output buffer."""

    def __init__(self, *, window_ms: int, allowed_lateness_ms: int, dedup_horizon_ms: int, capacity: int) -> None:
        self._window_ms = _require_integer(window_ms, 'window_ms', 1)
        self._allowed_lateness_ms = _require_integer(allowed_lateness_ms, 'allowed_lateness_ms', 0)
        self._dedup_horizon_ms = _require_integer(dedup_horizon_ms, 'dedup_horizon_ms', 1)
        self._capacity = _require_integer(capacity, 'capacity', 1)
        self._newest = -math.inf
        # window start -> key -> running summary of that open window.
        self._open: dict[int, dict[str, _Window]] = {}
        # id -> time of the accepted event, for exactly the ids still remembered.
        self._seen: dict[str, int] = {}
        self._output: list[WindowResult] = []
        self._accepted = 0
        self._duplicates = 0
        self._late = 0
        self._refused = 0

    @property
    def watermark(self) -> float:
        """The newest event time minus allowed_lateness_ms; -inf before any."""
        return self._newest - self._allowed_lateness_ms

    @property
    def backlog(self) -> int:
        """Results waiting to be polled."""
        return len(self._output)

    def push(self, event: StreamEvent) -> str:
        """Accepts the event into its window ('accepted'), or says why not: 'duplicate', 'late' or 'full'."""
        event_id, key, time, value = _check_event(event)
        if len(self._output) >= self._capacity:
            self._refused += 1
            return 'full'
        start = time - time % self._window_ms
        if event_id in self._seen:
            self._duplicates += 1
            return 'duplicate'
        if start + self._window_ms <= self.watermark:
            self._late += 1
            return 'late'

        by_key = self._open.setdefault(start, {})
        window = by_key.get(key)
        if window is None:
            by_key[key] = _Window(value)
        else:
            window.add(value)
        self._accepted += 1
        self._move_to(time)
        if self._newest - time < self._dedup_horizon_ms:
            self._seen[event_id] = time
        return 'accepted'

    def advance_to(self, time: int) -> None:
        """Heartbeat: the source's event time has reached `time`."""
        self._move_to(_require_integer(time, 'time', 0))

    def poll(self, max_results: int) -> list[WindowResult]:
        """Removes and returns up to `max_results` results, oldest first."""
        count = _require_integer(max_results, 'max_results', 1)
        taken = self._output[:count]
        del self._output[:count]
        return taken

    def stats(self) -> PipelineStats:
        """Counters since construction, open windows and remembered ids."""
        open_windows = sum(len(by_key) for by_key in self._open.values())
        return PipelineStats(self._accepted, self._duplicates, self._late, self._refused, open_windows,
                             len(self._seen))

    def _move_to(self, time: int) -> None:
        """Moves the newest event time forward (never back), closes what the watermark passed, forgets old ids."""
        self._newest = max(self._newest, time)
        watermark = self.watermark
        closing = sorted(start for start in self._open if start + self._window_ms <= watermark)
        for start in closing:
            by_key = self._open.pop(start)
            for key in sorted(by_key):
                w = by_key[key]
                self._output.append(WindowResult(key, start, start + self._window_ms, w.count, w.sum, w.min, w.max))
        for event_id, at in list(self._seen.items()):
            if self._newest - at >= self._dedup_horizon_ms:
                del self._seen[event_id]
