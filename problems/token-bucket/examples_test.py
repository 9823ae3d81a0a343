import unittest

from solution import RateLimiter


class ManualClock:
    """A clock the test moves by hand: call it for the current time in milliseconds."""

    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> float:
        return self.now


class RateLimiterExamples(unittest.TestCase):
    """RateLimiter (examples)"""

    def test_allows_up_to_capacity_then_denies(self):
        """allows up to capacity requests at once, then denies"""
        limiter = RateLimiter(5, 1000, ManualClock())
        results = [limiter.allow("alice") for _ in range(6)]
        self.assertEqual(results, [True, True, True, True, True, False], "five allowed, the 6th denied")

    def test_allows_again_once_a_token_has_refilled(self):
        """allows again once a token has refilled"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        for _ in range(5):
            limiter.allow("alice")
        clock.now = 200
        self.assertEqual(limiter.allow("alice"), True, "one token refills every 200 ms")

    def test_gives_every_user_their_own_bucket(self):
        """gives every user their own bucket"""
        limiter = RateLimiter(1, 1000, ManualClock())
        self.assertEqual(limiter.allow("alice"), True, "alice's first request is allowed")
        self.assertEqual(limiter.allow("alice"), False, "alice has used her only token")
        self.assertEqual(limiter.allow("bob"), True, "bob starts with a full bucket")

    def test_reports_the_remaining_whole_tokens(self):
        """reports the remaining whole tokens"""
        limiter = RateLimiter(3, 1000, ManualClock())
        self.assertEqual(limiter.remaining("carol"), 3, "a new user has a full bucket")
        limiter.allow("carol")
        self.assertEqual(limiter.remaining("carol"), 2, "one token used")

    def test_says_how_long_to_wait_when_denied(self):
        """says how long to wait when denied"""
        limiter = RateLimiter(5, 1000, ManualClock())
        for _ in range(5):
            limiter.allow("dave")
        self.assertEqual(limiter.retry_after_ms("dave"), 200, "next token in 200 ms")


if __name__ == "__main__":
    unittest.main()
