"""Token-bucket rate limiter. The statement has the rules; replace each body."""

from typing import Callable, Optional

Clock = Callable[[], float]  # returns the current time in milliseconds


class RateLimiter:
    """Limits each user's requests with a bucket of ``capacity`` tokens that refills over ``window_ms``."""

    def __init__(self, capacity: int, window_ms: float, clock: Optional[Clock] = None) -> None:
        """Validates the arguments; ``clock`` defaults to the real time in milliseconds."""
        # TODO: validate the arguments and keep what you need.
        pass

    def allow(self, user_id: str) -> bool:
        """Takes one token from the user's bucket if there is one; returns whether the request is allowed."""
        raise NotImplementedError

    def remaining(self, user_id: str) -> int:
        """Whole tokens the user could spend right now (a new user has a full bucket). Does not consume."""
        raise NotImplementedError

    def retry_after_ms(self, user_id: str) -> int:
        """Milliseconds until the user's next request would be allowed: 0 if now, else rounded up."""
        raise NotImplementedError

    def cleanup(self) -> int:
        """Forgets users whose buckets have refilled to capacity; returns how many were removed."""
        raise NotImplementedError

    @property
    def tracked_users(self) -> int:
        """Number of users with a bucket in memory."""
        raise NotImplementedError
