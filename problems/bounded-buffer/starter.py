"""Bounded producer-consumer buffer. The statement has the rules; replace each body that raises.

The types and the two error classes are given: keep them as they are.
"""

import asyncio
from typing import Any, Callable, Generic, Literal, Optional, Protocol, TypeVar

T = TypeVar("T")
Strategy = Literal["fifo", "lifo", "priority"]


class Timers(Protocol):
    """What `timers=` must provide. Without it, use the running event loop (loop.call_later counts in seconds)."""

    def set_timeout(self, callback: Callable[[], None], ms: float) -> Any:
        """Calls `callback` once, `ms` milliseconds from now; returns a handle for clear_timeout."""
        ...

    def clear_timeout(self, handle: Any) -> None:
        """Cancels the timer with this handle (one that has neither fired nor been cancelled)."""
        ...


class BufferClosedError(Exception):
    def __init__(self, message: str = "buffer is closed") -> None:
        super().__init__(message)


class TimeoutError(Exception):  # noqa: A001 - the statement's name; this is not the built-in TimeoutError
    def __init__(self, message: str = "take timed out") -> None:
        super().__init__(message)


class BoundedBuffer(Generic[T]):
    def __init__(
        self,
        *,
        capacity: int,
        strategy: Strategy = "fifo",
        priority: Optional[Callable[[T], float]] = None,
        timers: Optional[Timers] = None,
    ) -> None:
        """Keyword arguments only. `priority` is required for 'priority': higher numbers are taken first."""
        # TODO: validate the options and keep what you need.
        pass

    @property
    def capacity(self) -> int:
        """Maximum number of items the buffer holds."""
        raise NotImplementedError

    @property
    def size(self) -> int:
        """Items in the buffer now (not counting items of blocked putters)."""
        raise NotImplementedError

    @property
    def closed(self) -> bool:
        """Whether close() was called."""
        raise NotImplementedError

    async def put(self, item: T) -> None:
        """Adds an item; returns once the item is accepted, waiting while the buffer is full."""
        raise NotImplementedError

    async def take(self, *, timeout_ms: Optional[float] = None) -> T:
        """Removes the next item (per strategy); waits while the buffer is empty, up to timeout_ms if given."""
        raise NotImplementedError

    def close(self) -> None:
        """Stops accepting items; waiting callers fail, items already inside can still be taken."""
        raise NotImplementedError
