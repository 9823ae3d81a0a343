"""Sliding-window (sliding log) rate limiter. The statement has the rules; replace each body."""

from typing import Callable, Optional

Clock = Callable[[], float]  # returns the current time in milliseconds


class SlidingWindowLimiter:
    """Allows each user at most ``limit`` requests in any rolling window of ``window_ms`` milliseconds."""

    def __init__(self, limit: int, window_ms: float, clock: Optional[Clock] = None) -> None:
        """Validates the arguments; ``clock`` defaults to the real time in milliseconds."""
        # TODO: validate the arguments and keep what you need.
        pass

    def allow(self, user_id: str) -> bool:
        """Records and allows the request if fewer than ``limit`` requests count for the user now."""
        raise NotImplementedError

    def remaining(self, user_id: str) -> int:
        """Requests the user could still make right now. Records nothing."""
        raise NotImplementedError

    def time_until_reset_ms(self, user_id: str) -> float:
        """Milliseconds until the user's next request would be allowed; 0 if it would be allowed now."""
        raise NotImplementedError

    def cleanup(self) -> int:
        """Forgets users with no request still counting; returns how many were removed."""
        raise NotImplementedError

    @property
    def tracked_users(self) -> int:
        """Number of users whose state is held in memory."""
        raise NotImplementedError
