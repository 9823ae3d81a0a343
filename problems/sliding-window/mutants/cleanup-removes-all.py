# Mutant: cleanup forgets every user, including ones with requests still counting
"""Sliding-window rate limiter using a sliding log.

Per user, the times of the allowed requests that still count, oldest first. The log is exact (no estimation)
and never longer than ``limit``, because a request is recorded only when fewer than ``limit`` are counting.
"""

import math
import time
from collections import deque
from typing import Callable, Optional

Clock = Callable[[], float]


def _is_number(value: object) -> bool:
    # bool is a subclass of int, but True is not a sensible limit.
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class SlidingWindowLimiter:
    """Allows each user at most ``limit`` requests in any rolling window of ``window_ms`` milliseconds."""

    def __init__(self, limit: int, window_ms: float, clock: Optional[Clock] = None) -> None:
        if not _is_number(limit):
            raise TypeError(f"limit must be a number, got {type(limit).__name__}")
        if not math.isfinite(limit) or limit != int(limit) or limit <= 0:
            raise ValueError(f"limit must be a positive integer, got {limit!r}")
        if not _is_number(window_ms):
            raise TypeError(f"window_ms must be a number, got {type(window_ms).__name__}")
        if not math.isfinite(window_ms) or window_ms <= 0:
            raise ValueError(f"window_ms must be a positive finite number of milliseconds, got {window_ms!r}")
        if clock is None:
            clock = lambda: time.time() * 1000  # noqa: E731 - the real clock only when none is given
        elif not callable(clock):
            raise TypeError("clock must be a function returning the time in milliseconds")
        self._limit = int(limit)
        self._window_ms = window_ms
        self._clock = clock
        # user_id -> times of allowed requests, ascending; at most `limit` long.
        self._logs: dict[str, deque[float]] = {}

    def allow(self, user_id: str) -> bool:
        """Records and allows the request if fewer than ``limit`` requests count for the user now."""
        self._check_user(user_id)
        now = self._clock()
        log = self._logs.get(user_id)
        if log is None:
            log = self._logs[user_id] = deque()
        else:
            self._prune(log, now)
        # Denied requests are not recorded: recording them would let a client that keeps retrying
        # lock itself out for ever.
        if len(log) >= self._limit:
            return False
        log.append(now)
        return True

    def remaining(self, user_id: str) -> int:
        """Requests the user could still make right now. Records nothing."""
        return self._limit - self._counting(user_id)

    def time_until_reset_ms(self, user_id: str) -> float:
        """Milliseconds until the user's next request would be allowed; 0 if it would be allowed now."""
        self._check_user(user_id)
        log = self._logs.get(user_id)  # `get`, never create: a query must not add a user
        if log is None:
            return 0
        now = self._clock()
        self._prune(log, now)
        if len(log) < self._limit:
            return 0
        # Full log: the next slot opens when the oldest counting request stops counting.
        return log[0] + self._window_ms - now

    def cleanup(self) -> int:
        """Forgets users with no request still counting; returns how many were removed."""
        now = self._clock()
        idle = []
        for user_id, log in self._logs.items():
            self._prune(log, now)
            if len(log) <= self._limit:
                idle.append(user_id)
        for user_id in idle:
            del self._logs[user_id]
        return len(idle)

    @property
    def tracked_users(self) -> int:
        """Number of users whose state is held in memory."""
        return len(self._logs)

    def _counting(self, user_id: str) -> int:
        self._check_user(user_id)
        log = self._logs.get(user_id)
        if log is None:
            return 0
        self._prune(log, self._clock())
        return len(log)

    def _prune(self, log: "deque[float]", now: float) -> None:
        """Drops every time that no longer counts. The log is ascending, so expired times are at its left."""
        while log and now - log[0] >= self._window_ms:
            log.popleft()

    @staticmethod
    def _check_user(user_id: object) -> None:
        if not isinstance(user_id, str) or user_id == "":
            raise TypeError("user_id must be a non-empty string")
