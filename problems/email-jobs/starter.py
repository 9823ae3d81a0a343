from __future__ import annotations

import asyncio
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
    total: int  # recipients in the job, after removing duplicates
    sent: int
    failed: int
    pending: int  # total - sent - failed: not started yet, or in flight
    failures: list[Failure]  # in recipient order


# Sends one email: returns an awaitable that finishes when the email was accepted
# and raises when it failed. The mailer may also raise at once, when it is called.
Mailer = Callable[[str, EmailMessage], Awaitable[None]]


class ValidationError(Exception):
    """Raised by submit for a bad recipient list, address or message."""


class UnknownJobError(Exception):
    """Raised for a job id the tracker never handed out."""


class EmailJobTracker:
    def __init__(self, mailer: Mailer, *, concurrency: float = 5) -> None:
        """Keep the mailer. concurrency: a positive integer or math.inf, else ValueError naming concurrency."""
        # TODO
        pass

    def submit(self, recipients: list[str], message: EmailMessage) -> str:
        """Validate, create the job ('job-1', 'job-2', ...) in state 'queued' and return its id at once.

        Sending starts later, in the background, on the running event loop.
        """
        raise NotImplementedError

    def status(self, job_id: str) -> JobStatus:
        """A fresh snapshot of the job; UnknownJobError for an unknown id."""
        raise NotImplementedError

    async def when_done(self, job_id: str) -> JobStatus:
        """The final snapshot, once the job is 'completed' or 'failed'; UnknownJobError for an unknown id."""
        raise NotImplementedError
