import unittest

from solution import SlidingWindowLimiter


class ManualClock:
    """A clock the test moves by hand: call it for the current time in milliseconds."""

    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> float:
        return self.now


class SlidingWindowLimiterExamples(unittest.TestCase):
    """SlidingWindowLimiter — examples"""

    def test_allows_up_to_the_limit_then_denies(self):
        """allows up to the limit in a window, then denies"""
        clock = ManualClock()
        limiter = SlidingWindowLimiter(3, 1000, clock)
        self.assertEqual(limiter.allow("alice"), True, "request 1 at t=0 should be allowed")
        clock.now = 400
        self.assertEqual(limiter.allow("alice"), True, "request 2 at t=400 should be allowed")
        clock.now = 900
        self.assertEqual(limiter.allow("alice"), True, "request 3 at t=900 should be allowed")
        clock.now = 950
        self.assertEqual(limiter.allow("alice"), False, "request 4 at t=950 should be denied (3 still count)")

    def test_tells_a_denied_user_how_long_to_wait(self):
        """tells a denied user how long to wait (Example 1)"""
        clock = ManualClock()
        limiter = SlidingWindowLimiter(3, 1000, clock)
        limiter.allow("alice")
        clock.now = 400
        limiter.allow("alice")
        clock.now = 900
        limiter.allow("alice")
        clock.now = 950
        self.assertEqual(limiter.time_until_reset_ms("alice"), 50, "the request at 0 stops counting at 1000")
        clock.now = 1000
        self.assertEqual(limiter.allow("alice"), True, "at t=1000 the request at t=0 no longer counts")

    def test_counts_users_separately(self):
        """counts users separately"""
        limiter = SlidingWindowLimiter(1, 1000, ManualClock())
        self.assertEqual(limiter.allow("alice"), True, "alice's first request is allowed")
        self.assertEqual(limiter.allow("alice"), False, "alice is at her limit")
        self.assertEqual(limiter.allow("bob"), True, "bob has his own window")

    def test_reports_remaining_without_using_them(self):
        """reports remaining requests without using them"""
        limiter = SlidingWindowLimiter(5, 1000, ManualClock())
        self.assertEqual(limiter.remaining("carol"), 5, "a new user has the full limit")
        limiter.allow("carol")
        limiter.allow("carol")
        self.assertEqual(limiter.remaining("carol"), 3, "two of five used")
        self.assertEqual(limiter.remaining("carol"), 3, "asking again uses nothing")

    def test_forgets_idle_users_on_cleanup(self):
        """forgets idle users on cleanup (Example 2)"""
        clock = ManualClock()
        limiter = SlidingWindowLimiter(2, 1000, clock)
        clock.now = 990
        limiter.allow("u")
        limiter.allow("u")
        clock.now = 1010
        self.assertEqual(limiter.allow("u"), False, "a sliding window has not reset at 1000")
        self.assertEqual(limiter.time_until_reset_ms("u"), 980, "990 + 1000 - 1010")
        clock.now = 5000
        self.assertEqual(limiter.remaining("u"), 2, "nothing counts any more")
        self.assertEqual(limiter.cleanup(), 1, "one idle user removed")
        self.assertEqual(limiter.tracked_users, 0, "nothing left in memory")


if __name__ == "__main__":
    unittest.main()
