# Mutant: a timed-out take raises the built-in TimeoutError instead of the given class
"""Bounded producer-consumer buffer with async backpressure.

Invariants that keep it simple:
- Takers only wait while the buffer is empty, so a put with waiting takers hands its item straight over.
- Putters only wait while the buffer is full, so a take that frees a slot admits exactly one putter.
- Both wait queues are FIFO, which makes waiters fair (served in arrival order).
"""

import asyncio
import heapq
import itertools
import math
from collections import deque
from typing import Any, Callable, Deque, Generic, List, Literal, Optional, Protocol, Tuple, TypeVar

T = TypeVar("T")
Strategy = Literal["fifo", "lifo", "priority"]
STRATEGIES = ("fifo", "lifo", "priority")


class Timers(Protocol):
    def set_timeout(self, callback: Callable[[], None], ms: float) -> Any: ...

    def clear_timeout(self, handle: Any) -> None: ...


class BufferClosedError(Exception):
    def __init__(self, message: str = "buffer is closed") -> None:
        super().__init__(message)


class TimeoutError(Exception):  # noqa: A001 - the statement's name; this is not the built-in TimeoutError
    def __init__(self, message: str = "take timed out") -> None:
        super().__init__(message)


class _LoopTimers:
    """The default timers: the running event loop's, which counts in seconds."""

    def set_timeout(self, callback: Callable[[], None], ms: float) -> Any:
        return asyncio.get_running_loop().call_later(ms / 1000, callback)

    def clear_timeout(self, handle: Any) -> None:
        handle.cancel()


class _Taker:
    __slots__ = ("future", "timer")

    def __init__(self, future: "asyncio.Future[Any]") -> None:
        self.future = future
        self.timer: Any = None


def _is_positive_integer(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return math.isfinite(value) and value == int(value) and value >= 1


class BoundedBuffer(Generic[T]):
    def __init__(
        self,
        *,
        capacity: int,
        strategy: Strategy = "fifo",
        priority: Optional[Callable[[T], float]] = None,
        timers: Optional[Timers] = None,
    ) -> None:
        if not _is_positive_integer(capacity):
            raise ValueError("capacity must be a positive integer, got %r" % (capacity,))
        if strategy not in STRATEGIES:
            raise ValueError("strategy must be one of %s, got %r" % (", ".join(STRATEGIES), strategy))
        if strategy == "priority" and not callable(priority):
            raise TypeError("priority must be a function when strategy is 'priority'")
        if timers is not None and not (
            callable(getattr(timers, "set_timeout", None)) and callable(getattr(timers, "clear_timeout", None))
        ):
            raise TypeError("timers must provide set_timeout and clear_timeout")
        self._capacity = capacity
        self._strategy = strategy
        self._priority = priority
        self._timers: Timers = timers if timers is not None else _LoopTimers()
        # fifo/lifo keep a deque; priority keeps a heap of (-priority, arrival, item), so ties leave in
        # arrival order (a heap alone is not stable).
        self._items: Deque[T] = deque()
        self._heap: List[Tuple[float, int, T]] = []
        self._arrival = itertools.count()
        self._takers: Deque[_Taker] = deque()
        self._putters: Deque[Tuple[T, "asyncio.Future[None]"]] = deque()
        self._closed = False

    @property
    def capacity(self) -> int:
        return self._capacity

    @property
    def size(self) -> int:
        return len(self._heap) if self._strategy == "priority" else len(self._items)

    @property
    def closed(self) -> bool:
        return self._closed

    async def put(self, item: T) -> None:
        if self._closed:
            raise BufferClosedError("cannot put: buffer is closed")
        while self._takers:
            taker = self._takers.popleft()
            if taker.future.cancelled():  # its caller was cancelled and has not left the queue yet
                continue
            # A waiting taker means the buffer is empty: skip the buffer and hand the item over directly.
            self._settle(taker)
            taker.future.set_result(item)
            return
        if self.size < self._capacity:
            self._store(item)
            return
        future: "asyncio.Future[None]" = asyncio.get_running_loop().create_future()
        entry = (item, future)
        self._putters.append(entry)
        try:
            await future
        except asyncio.CancelledError:
            if entry in self._putters:
                self._putters.remove(entry)
            raise

    async def take(self, *, timeout_ms: Optional[float] = None) -> T:
        if timeout_ms is not None and (
            isinstance(timeout_ms, bool)
            or not isinstance(timeout_ms, (int, float))
            or not math.isfinite(timeout_ms)
            or timeout_ms < 0
        ):
            raise ValueError("timeout_ms must be a finite number >= 0, got %r" % (timeout_ms,))
        if self.size > 0:
            item = self._remove_next()
            # Remove first, then admit: the blocked item must not compete for this take (matters for lifo/priority).
            self._admit_putter()
            return item
        if self._closed:
            raise BufferClosedError("cannot take: buffer is closed and drained")
        taker = _Taker(asyncio.get_running_loop().create_future())
        if timeout_ms is not None:
            taker.timer = self._timers.set_timeout(lambda: self._expire(taker, timeout_ms), timeout_ms)
        self._takers.append(taker)
        try:
            return await taker.future
        except asyncio.CancelledError:
            # The caller gave up: leave the queue and stop the timer, so no item goes to nobody.
            if taker in self._takers:
                self._takers.remove(taker)
            self._settle(taker)
            raise

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        # Blocked putters never got a slot; their items are not accepted.
        putters, self._putters = self._putters, deque()
        for _, future in putters:
            if not future.done():
                future.set_exception(BufferClosedError("buffer was closed before the item could be added"))
        # Takers only wait on an empty buffer, so nothing will ever arrive for them.
        takers, self._takers = self._takers, deque()
        for taker in takers:
            self._settle(taker)
            if not taker.future.done():
                taker.future.set_exception(BufferClosedError("buffer was closed while waiting for an item"))

    def _expire(self, taker: _Taker, timeout_ms: float) -> None:
        # Leave the queue, or a later put would hand its item to a caller who has gone (a lost item).
        if taker in self._takers:
            self._takers.remove(taker)
        taker.timer = None
        if not taker.future.done():
            taker.future.set_exception(asyncio.TimeoutError("take timed out after %s ms" % (timeout_ms,)))

    def _settle(self, taker: _Taker) -> None:
        """Cancels a taker's timeout so no timer outlives the wait it guards."""
        if taker.timer is not None:
            self._timers.clear_timeout(taker.timer)
            taker.timer = None

    def _admit_putter(self) -> None:
        while self._putters:
            item, future = self._putters.popleft()
            if future.cancelled():  # its caller was cancelled and has not left the queue yet
                continue
            self._store(item)
            future.set_result(None)
            return

    def _store(self, item: T) -> None:
        if self._strategy == "priority":
            assert self._priority is not None
            heapq.heappush(self._heap, (-self._priority(item), next(self._arrival), item))
        else:
            self._items.append(item)

    def _remove_next(self) -> T:
        if self._strategy == "priority":
            return heapq.heappop(self._heap)[2]
        return self._items.pop() if self._strategy == "lifo" else self._items.popleft()
