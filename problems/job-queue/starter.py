"""Background job queue. The statement has the rules; the types are given, replace each body that raises."""

import asyncio
import dataclasses
import math
from typing import Any, Awaitable, Callable, Literal, Optional

JobStatus = Literal["queued", "delayed", "running", "succeeded", "failed", "retrying"]
Clock = Callable[[], float]  # milliseconds


@dataclasses.dataclass(frozen=True)
class JobContext:
    """What a handler is called with."""

    id: str
    attempt: int  # 1 for the first attempt


# `async def handler(context)`, or any function that returns an awaitable.
JobHandler = Callable[[JobContext], Awaitable[Any]]


@dataclasses.dataclass
class JobInfo:
    """A snapshot of one job, as get() returns it."""

    id: str
    status: JobStatus
    priority: float
    attempts: int  # attempts started so far
    max_attempts: int
    run_at: float  # when the job is, or last was, due (clock milliseconds)
    last_error: Optional[str] = None  # message of the latest failure
    result: Any = None  # what the handler returned, once succeeded


@dataclasses.dataclass
class QueueMetrics:
    """How many jobs are in each status, and how many attempts started in total."""

    queued: int = 0
    delayed: int = 0
    running: int = 0
    retrying: int = 0
    succeeded: int = 0
    failed: int = 0
    attempts: int = 0  # attempts started across all jobs, retries included


class JobQueue:
    def __init__(
        self,
        *,
        concurrency: int,
        clock: Optional[Clock] = None,  # default: the wall clock in milliseconds, time.time() * 1000
        max_attempts: int = 3,  # attempts in total, the first included
        base_delay_ms: float = 1000,  # delay after the first failure
        factor: float = 2,  # multiplier per further failure
        max_delay_ms: float = math.inf,  # cap on any one delay (math.inf: no cap)
    ) -> None:
        """Keyword arguments only."""
        # TODO: validate the options and keep what you need.
        pass

    def enqueue(
        self,
        handler: JobHandler,
        *,
        priority: float = 0,  # higher runs first
        run_at: Optional[float] = None,  # earliest start, in clock milliseconds (default: now)
        max_attempts: Optional[int] = None,  # overrides the queue's max_attempts for this job
    ) -> str:
        """Adds a job and returns its id ('job-1', 'job-2', ...)."""
        raise NotImplementedError

    def run_due(self) -> int:
        """Starts due jobs, best first, while fewer than `concurrency` are running; returns how many started.

        Call each handler before returning; run what it returns on the running event loop
        (for example with asyncio.ensure_future).
        """
        raise NotImplementedError

    def get(self, id: str) -> JobInfo:
        """A snapshot (a copy) of one job; raises KeyError for an unknown id."""
        raise NotImplementedError

    def metrics(self) -> QueueMetrics:
        """How many jobs are in each status now, and how many attempts have started in total."""
        raise NotImplementedError
