# Mutant: a clock stepping backwards produces negative elapsed time and takes tokens away
"""Token-bucket rate limiter: one bucket per user, refilled continuously (lazily, whenever it is looked at).

A bucket holds at most ``capacity`` tokens and refills at ``capacity / window_ms`` tokens per millisecond,
so an empty bucket is full again after ``window_ms``. Each allowed request takes one token.
"""

import math
import time
from typing import Callable, Optional

Clock = Callable[[], float]

# Absorbs floating-point drift from summing fractional refills (0.3 + 0.7 can be 0.9999...).
EPSILON = 1e-9


def _is_number(value: object) -> bool:
    # bool is a subclass of int, but True is not a sensible capacity.
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class _Bucket:
    __slots__ = ("tokens", "updated_at")

    def __init__(self, tokens: float, updated_at: float) -> None:
        self.tokens = tokens  # tokens as of updated_at, fractional between whole tokens
        self.updated_at = updated_at  # the latest clock reading the tokens were brought up to


class RateLimiter:
    """Limits each user's requests with a bucket of ``capacity`` tokens that refills over ``window_ms``."""

    def __init__(self, capacity: int, window_ms: float, clock: Optional[Clock] = None) -> None:
        if not _is_number(capacity):
            raise TypeError(f"capacity must be a number, got {type(capacity).__name__}")
        if not math.isfinite(capacity) or capacity != int(capacity) or capacity <= 0:
            raise ValueError(f"capacity must be a positive integer, got {capacity!r}")
        if not _is_number(window_ms):
            raise TypeError(f"window_ms must be a number, got {type(window_ms).__name__}")
        if not math.isfinite(window_ms) or window_ms <= 0:
            raise ValueError(f"window_ms must be a positive finite number of milliseconds, got {window_ms!r}")
        if clock is None:
            clock = lambda: time.time() * 1000  # noqa: E731 - the real clock only when none is given
        elif not callable(clock):
            raise TypeError("clock must be a function returning the time in milliseconds")
        self._capacity = int(capacity)
        self._window_ms = window_ms
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}

    def allow(self, user_id: str) -> bool:
        """Takes one token from the user's bucket if there is one; returns whether the request is allowed."""
        bucket = self._refill(user_id)
        if bucket.tokens + EPSILON < 1:
            return False
        bucket.tokens -= 1
        return True

    def remaining(self, user_id: str) -> int:
        """Whole tokens the user could spend now (a user never seen has a full bucket). Does not consume."""
        return math.floor(self._peek(user_id) + EPSILON)

    def retry_after_ms(self, user_id: str) -> int:
        """Milliseconds until the user's next request would be allowed: 0 if now, else rounded up."""
        tokens = self._peek(user_id)
        if tokens + EPSILON >= 1:
            return 0
        wait = (1 - tokens) * self._window_ms / self._capacity
        return math.ceil(wait - EPSILON)

    def cleanup(self) -> int:
        """Forgets users whose buckets have refilled to capacity; returns how many were removed.

        A full bucket behaves exactly like a user never seen, so this frees memory without changing any answer.
        """
        now = self._clock()
        full = [
            user for user, bucket in self._buckets.items() if self._tokens_at(bucket, now) + EPSILON >= self._capacity
        ]
        for user in full:
            del self._buckets[user]
        return len(full)

    @property
    def tracked_users(self) -> int:
        """Number of users with a bucket in memory."""
        return len(self._buckets)

    @staticmethod
    def _check_user(user_id: object) -> None:
        if not isinstance(user_id, str) or user_id == "":
            raise TypeError("user_id must be a non-empty string")

    def _tokens_at(self, bucket: _Bucket, now: float) -> float:
        """Tokens the bucket would hold at ``now``, without changing it."""
        # A clock that steps backwards must not take tokens away: treat it as no time passing.
        elapsed = now - bucket.updated_at
        # Multiply before dividing so whole-millisecond steps stay exact (200 * 5 / 1000 == 1).
        return min(self._capacity, bucket.tokens + elapsed * self._capacity / self._window_ms)

    def _peek(self, user_id: str) -> float:
        self._check_user(user_id)
        bucket = self._buckets.get(user_id)
        return self._capacity if bucket is None else self._tokens_at(bucket, self._clock())

    def _refill(self, user_id: str) -> _Bucket:
        """Brings the user's bucket up to date, creating a full one for a user never seen."""
        self._check_user(user_id)
        now = self._clock()
        bucket = self._buckets.get(user_id)
        if bucket is None:
            bucket = self._buckets[user_id] = _Bucket(self._capacity, now)
            return bucket
        bucket.tokens = self._tokens_at(bucket, now)
        # Keep the later reading, so a backwards step is never counted as refill time later.
        bucket.updated_at = now
        return bucket
