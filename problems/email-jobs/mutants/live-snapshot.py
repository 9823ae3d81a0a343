# Mutant: status returns one cached dict per job that is updated in place
from __future__ import annotations

import asyncio
import math
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Awaitable, Callable, Literal, TypedDict


class EmailMessage(TypedDict):
    """What every recipient of a job gets."""

    subject: str
    body: str


class Failure(TypedDict):
    """One recipient whose email failed, with the error's text."""

    recipient: str
    error: str


JobState = Literal["queued", "processing", "completed", "failed"]


class JobStatus(TypedDict):
    """A snapshot of one job's progress."""

    id: str
    state: JobState
    total: int
    sent: int
    failed: int
    pending: int
    failures: list[Failure]


Mailer = Callable[[str, EmailMessage], Awaitable[None]]


class ValidationError(Exception):
    """Raised by submit for a bad recipient list, address or message."""


class UnknownJobError(Exception):
    """Raised for a job id the tracker never handed out."""


# fullmatch, not match with $: in Python $ also matches before a trailing newline.
EMAIL_PATTERN = re.compile(r"[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")

SENT = object()  # the outcome of a recipient whose email went out


@dataclass
class _Job:
    id: str
    recipients: list[str]
    message: EmailMessage
    # One slot per recipient: None while pending, SENT, or the error text. Failures are then
    # reported in recipient order, whatever order they happened in.
    outcomes: list[object]
    started: bool = False
    sent: int = 0
    failed: int = 0
    waiters: list[asyncio.Future[None]] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.sent + self.failed == len(self.recipients)


class EmailJobTracker:
    def __init__(self, mailer: Mailer, *, concurrency: float = 5) -> None:
        """Keep the mailer. concurrency: a positive integer or math.inf, else ValueError naming concurrency."""
        valid = isinstance(concurrency, (int, float)) and (
            concurrency == math.inf or (math.isfinite(concurrency) and concurrency == int(concurrency))
        )
        if not valid or concurrency < 1:
            raise ValueError(f"concurrency must be a positive integer or math.inf, got {concurrency!r}")
        self._mailer = mailer
        self._concurrency = concurrency
        self._jobs: dict[str, _Job] = {}
        # One FIFO across all jobs: the limit protects the mail provider, not a single job.
        self._queue: deque[tuple[_Job, int]] = deque()
        self._in_flight = 0
        self._next_id = 1

    def submit(self, recipients: list[str], message: EmailMessage) -> str:
        """Validate, create the job ('job-1', 'job-2', ...) in state 'queued' and return its id at once.

        Sending starts later, in the background, on the running event loop.
        """
        if not isinstance(recipients, list) or not recipients:
            raise ValidationError("recipients must be a non-empty list")
        for r in recipients:
            if not isinstance(r, str) or EMAIL_PATTERN.fullmatch(r) is None:
                raise ValidationError(f"invalid email address: {r!r}")
        subject = message.get("subject") if isinstance(message, dict) else None
        if not isinstance(subject, str) or not subject.strip():
            raise ValidationError("message subject must not be empty")

        # Copy while removing duplicates, so the caller can't change the job afterwards.
        seen: set[str] = set()
        unique: list[str] = []
        for r in recipients:
            key = r.lower()
            if key not in seen:
                seen.add(key)
                unique.append(r)

        job = _Job(
            id=f"job-{self._next_id}",
            recipients=unique,
            message={"subject": subject, "body": message.get("body")},
            outcomes=[None] * len(unique),
        )
        self._next_id += 1
        self._jobs[job.id] = job
        self._queue.extend((job, i) for i in range(len(unique)))
        # Never call the mailer inside submit: the caller gets its id without waiting on it.
        asyncio.get_running_loop().call_soon(self._pump)
        return job.id

    def status(self, job_id: str) -> JobStatus:
        """A fresh snapshot of the job; UnknownJobError for an unknown id."""
        return self._snapshot(self._job(job_id))

    async def when_done(self, job_id: str) -> JobStatus:
        """The final snapshot, once the job is 'completed' or 'failed'; UnknownJobError for an unknown id."""
        job = self._job(job_id)
        if not job.done:
            waiter = asyncio.get_running_loop().create_future()
            job.waiters.append(waiter)
            await waiter
        return self._snapshot(job)

    def _job(self, job_id: str) -> _Job:
        job = self._jobs.get(job_id)
        if job is None:
            raise UnknownJobError(f"unknown job: {job_id}")
        return job

    def _snapshot(self, job: _Job) -> JobStatus:
        total = len(job.recipients)
        state: JobState
        if job.done:
            state = "completed" if job.sent > 0 else "failed"
        else:
            state = "processing" if job.started else "queued"
        failures: list[Failure] = [
            {"recipient": job.recipients[i], "error": o}
            for i, o in enumerate(job.outcomes)
            if isinstance(o, str)
        ]
        if not hasattr(self, "_cache"):
            self._cache = {}
        cached = self._cache.setdefault(job.id, {})
        cached.update({
            "id": job.id,
            "state": state,
            "total": total,
            "sent": job.sent,
            "failed": job.failed,
            "pending": total - job.sent - job.failed,
            "failures": failures,
        })
        return cached

    def _pump(self) -> None:
        while self._in_flight < self._concurrency and self._queue:
            job, index = self._queue.popleft()
            job.started = True
            self._in_flight += 1
            try:
                # ensure_future takes a future as it is and wraps a coroutine in a task.
                attempt = asyncio.ensure_future(self._mailer(job.recipients[index], dict(job.message)))
            except Exception as err:
                # A mailer that raises instead of failing later must not stop the others.
                self._record(job, index, str(err))
                continue
            attempt.add_done_callback(lambda a, job=job, index=index: self._finished(job, index, a))

    def _finished(self, job: _Job, index: int, attempt: asyncio.Future[None]) -> None:
        if attempt.cancelled():
            self._record(job, index, "cancelled")
        else:
            err = attempt.exception()
            self._record(job, index, SENT if err is None else str(err))
        self._pump()

    def _record(self, job: _Job, index: int, outcome: object) -> None:
        """Frees the recipient's slot and stores its outcome: SENT or the error text."""
        self._in_flight -= 1
        job.outcomes[index] = outcome
        if outcome is SENT:
            job.sent += 1
        else:
            job.failed += 1
        if job.done:
            for waiter in job.waiters:
                if not waiter.done():
                    waiter.set_result(None)
            job.waiters.clear()
