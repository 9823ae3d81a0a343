# Mutant: concurrency 0 or fractional is accepted
"""In-memory background job queue with priorities, delayed jobs, retries with exponential backoff and a
concurrency limit.

The queue is passive: it starts work only inside run_due(). In production a loop or timer calls run_due();
tests call it directly after moving their fake clock. That keeps scheduling deterministic and testable.
"""

import asyncio
import dataclasses
import inspect
import math
import time
from typing import Any, Awaitable, Callable, Dict, Literal, Optional, Set

JobStatus = Literal["queued", "delayed", "running", "succeeded", "failed", "retrying"]
Clock = Callable[[], float]


@dataclasses.dataclass(frozen=True)
class JobContext:
    id: str
    attempt: int  # 1 for the first attempt


JobHandler = Callable[[JobContext], Awaitable[Any]]


@dataclasses.dataclass
class JobInfo:
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
    queued: int = 0
    delayed: int = 0
    running: int = 0
    retrying: int = 0
    succeeded: int = 0
    failed: int = 0
    attempts: int = 0  # attempts started across all jobs, retries included


# Statuses of jobs waiting for their turn.
WAITING = ("queued", "delayed", "retrying")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_attempts(value: Any) -> int:
    if not (_is_number(value) and math.isfinite(value) and value == int(value) and value >= 1):
        raise ValueError("max_attempts must be a positive integer, got %r" % (value,))
    return value


def _wall_clock_ms() -> float:
    return time.time() * 1000


class _Job:
    __slots__ = ("info", "handler", "seq")

    def __init__(self, info: JobInfo, handler: JobHandler, seq: int) -> None:
        self.info = info
        self.handler = handler
        self.seq = seq  # enqueue order, the tie-breaker between equal priorities


class JobQueue:
    def __init__(
        self,
        *,
        concurrency: int,
        clock: Optional[Clock] = None,
        max_attempts: int = 3,
        base_delay_ms: float = 1000,
        factor: float = 2,
        max_delay_ms: float = math.inf,
    ) -> None:
        if not _is_number(concurrency):
            raise ValueError("concurrency must be a positive integer, got %r" % (concurrency,))
        if clock is not None and not callable(clock):
            raise TypeError("clock must be a function returning milliseconds")
        _check_attempts(max_attempts)
        if not (_is_number(base_delay_ms) and math.isfinite(base_delay_ms) and base_delay_ms >= 0):
            raise ValueError("base_delay_ms must be a finite number >= 0, got %r" % (base_delay_ms,))
        if not (_is_number(factor) and math.isfinite(factor) and factor >= 1):
            raise ValueError("factor must be a finite number >= 1, got %r" % (factor,))
        # math.inf is allowed here: it means "no cap".
        if not (_is_number(max_delay_ms) and not math.isnan(max_delay_ms) and max_delay_ms >= 0):
            raise ValueError("max_delay_ms must be a number >= 0, got %r" % (max_delay_ms,))
        self._concurrency = concurrency
        self._clock: Clock = clock if clock is not None else _wall_clock_ms
        self._max_attempts = max_attempts
        self._base_delay_ms = base_delay_ms
        self._factor = factor
        self._max_delay_ms = max_delay_ms
        self._jobs: Dict[str, _Job] = {}
        self._running = 0
        self._total_attempts = 0
        self._next_seq = 1
        self._tasks: Set["asyncio.Future[None]"] = set()  # keeps running attempts from being garbage-collected

    def enqueue(
        self,
        handler: JobHandler,
        *,
        priority: float = 0,
        run_at: Optional[float] = None,
        max_attempts: Optional[int] = None,
    ) -> str:
        if not callable(handler):
            raise TypeError("handler must be a function")
        now = self._clock()
        if not (_is_number(priority) and math.isfinite(priority)):
            raise ValueError("priority must be a finite number, got %r" % (priority,))
        if run_at is None:
            run_at = now
        elif not (_is_number(run_at) and math.isfinite(run_at)):
            raise ValueError("run_at must be a finite number of milliseconds, got %r" % (run_at,))
        attempts = _check_attempts(self._max_attempts if max_attempts is None else max_attempts)
        seq = self._next_seq
        self._next_seq += 1
        job_id = "job-%d" % seq
        status: JobStatus = "delayed" if run_at > now else "queued"
        self._jobs[job_id] = _Job(JobInfo(job_id, status, priority, 0, attempts, run_at), handler, seq)
        return job_id

    def run_due(self) -> int:
        now = self._clock()
        free = self._concurrency - self._running
        if free <= 0:
            return 0
        due = [job for job in self._jobs.values() if job.info.status in WAITING and job.info.run_at <= now]
        due.sort(key=lambda job: (-job.info.priority, job.seq))
        starting = due[:free]
        for job in starting:
            self._start(job)
        return len(starting)

    def get(self, id: str) -> JobInfo:
        job = self._jobs.get(id)
        if job is None:
            raise KeyError("unknown job %r" % (id,))
        # A copy: callers must not be able to change the queue's state through what they are given.
        return dataclasses.replace(job.info)

    def metrics(self) -> QueueMetrics:
        statuses = [job.info.status for job in self._jobs.values()]
        counts = {status: statuses.count(status) for status in set(statuses)}
        return QueueMetrics(attempts=self._total_attempts, **counts)

    def _start(self, job: _Job) -> None:
        info = job.info
        info.status = "running"
        info.attempts += 1
        self._total_attempts += 1
        self._running += 1
        # Called here, synchronously, so the caller sees the attempt start inside run_due(); a handler that
        # raises before returning an awaitable is still just a failed attempt, not a crash of run_due().
        try:
            outcome, error = job.handler(JobContext(info.id, info.attempts)), None
        except Exception as raised:  # noqa: BLE001 - any failure of the handler is a failed attempt
            outcome, error = None, raised
        task = asyncio.ensure_future(self._finish(job, outcome, error))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _finish(self, job: _Job, outcome: Any, error: Optional[Exception]) -> None:
        if error is None:
            try:
                result = await outcome if inspect.isawaitable(outcome) else outcome
            except Exception as raised:  # noqa: BLE001
                error = raised
        self._running -= 1  # always free the slot, or failures would slowly eat the concurrency
        info = job.info
        if error is None:
            info.status = "succeeded"
            info.result = result
            return
        info.last_error = str(error)
        if info.attempts >= info.max_attempts:
            info.status = "failed"
            return
        info.status = "retrying"
        info.run_at = self._clock() + self._backoff(info.attempts)

    def _backoff(self, failed_attempt: int) -> float:
        """Delay after the failed_attempt-th failure: base, base*factor, base*factor**2, ... capped at max_delay_ms."""
        if self._base_delay_ms == 0:
            return 0
        try:
            delay = self._base_delay_ms * self._factor ** (failed_attempt - 1)
        except OverflowError:  # a float too large to represent: no finite delay is that long
            delay = math.inf
        return min(self._max_delay_ms, delay)
