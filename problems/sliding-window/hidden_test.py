import math
import random
import unittest

from solution import SlidingWindowLimiter


class ManualClock:
    """A clock the test moves by hand: call it for the current time in milliseconds."""

    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> float:
        return self.now


def setup(limit, window_ms):
    """A limiter on a clock the test moves by hand, starting at 0 ms."""
    clock = ManualClock()
    return clock, SlidingWindowLimiter(limit, window_ms, clock)


class WindowBoundaries(unittest.TestCase):
    """window boundaries"""

    def test_denies_the_request_over_the_limit(self):
        """[R2] denies the (limit+1)th request made at the same instant"""
        _, limiter = setup(5, 1000)
        for i in range(1, 6):
            self.assertEqual(limiter.allow("a"), True, f"request {i} should be allowed")
        self.assertEqual(limiter.allow("a"), False, "request 6 in the same instant should be denied")

    def test_still_counts_1_ms_before_expiry(self):
        """[R1] still counts a request 1 ms before it expires"""
        clock, limiter = setup(1, 1000)
        limiter.allow("a")
        clock.now = 999
        self.assertEqual(limiter.allow("a"), False, "at t=999 the request at t=0 still counts")

    def test_stops_counting_exactly_at_the_window(self):
        """[R1] stops counting a request exactly window_ms after it was made"""
        clock, limiter = setup(1, 1000)
        limiter.allow("a")
        clock.now = 1000
        self.assertEqual(limiter.allow("a"), True, "at t=1000 the request at t=0 no longer counts")

    def test_slides_rather_than_resetting(self):
        """[R1][R2] slides rather than resetting at fixed boundaries"""
        clock, limiter = setup(2, 1000)
        clock.now = 990
        limiter.allow("a")
        limiter.allow("a")
        clock.now = 1010
        self.assertEqual(limiter.allow("a"), False, "requests at 990 still count at 1010")
        clock.now = 1989
        self.assertEqual(limiter.allow("a"), False, "requests at 990 still count at 1989")
        clock.now = 1990
        self.assertEqual(limiter.allow("a"), True, "requests at 990 stop counting at 1990")

    def test_expires_several_at_once(self):
        """[R1][R4] expires several old requests at once after a long pause"""
        clock, limiter = setup(3, 100)
        limiter.allow("a")
        clock.now = 1
        limiter.allow("a")
        clock.now = 2
        limiter.allow("a")
        clock.now = 10_000
        self.assertEqual(limiter.remaining("a"), 3, "all three old requests have expired")
        for i in range(1, 4):
            self.assertEqual(limiter.allow("a"), True, f"request {i} after the pause should be allowed")
        self.assertEqual(limiter.allow("a"), False, "the fourth is over the limit")

    def test_frees_one_slot_at_a_time(self):
        """[R1][R2] frees one slot at a time as each old request expires"""
        clock, limiter = setup(3, 1000)
        limiter.allow("a")  # 0
        clock.now = 300
        limiter.allow("a")  # 300
        clock.now = 600
        limiter.allow("a")  # 600
        clock.now = 1000
        self.assertEqual(limiter.remaining("a"), 1, "only the request at 0 has expired")
        self.assertEqual(limiter.allow("a"), True, "the freed slot can be used")
        self.assertEqual(limiter.allow("a"), False, "no slot until 1300")
        clock.now = 1300
        self.assertEqual(limiter.allow("a"), True, "the request at 300 expired at 1300")

    def test_supports_a_fractional_window(self):
        """[R1][R14] supports a fractional window"""
        clock, limiter = setup(1, 0.5)
        limiter.allow("a")
        clock.now = 0.25
        self.assertEqual(limiter.allow("a"), False, "still inside the 0.5 ms window")
        clock.now = 0.5
        self.assertEqual(limiter.allow("a"), True, "the window of 0.5 ms has passed")


class DeniedRequests(unittest.TestCase):
    """denied requests"""

    def test_denied_requests_are_not_recorded(self):
        """[R3] does not record denied requests, so retrying does not extend the wait"""
        clock, limiter = setup(2, 1000)
        limiter.allow("a")
        limiter.allow("a")
        for t in range(100, 1000, 100):
            clock.now = t
            self.assertEqual(limiter.allow("a"), False, f"denied at t={t}")
        clock.now = 1000
        self.assertEqual(limiter.allow("a"), True, "allowed at t=1000 despite nine denied retries")
        self.assertEqual(limiter.allow("a"), True, "both original requests expired at 1000")


class TimeUntilResetMs(unittest.TestCase):
    """time_until_reset_ms"""

    def test_zero_for_a_user_never_seen(self):
        """[R5] is 0 for a user who has never been seen"""
        _, limiter = setup(2, 1000)
        self.assertEqual(limiter.time_until_reset_ms("nobody"), 0, "a new user need not wait")

    def test_zero_while_requests_are_left(self):
        """[R5] is 0 while the user still has requests left"""
        clock, limiter = setup(2, 1000)
        limiter.allow("a")
        clock.now = 10
        self.assertEqual(limiter.time_until_reset_ms("a"), 0, "one of two used: a request would be allowed now")

    def test_waits_for_the_oldest(self):
        """[R5] waits for the oldest counting request, not the newest"""
        clock, limiter = setup(3, 1000)
        clock.now = 100
        limiter.allow("a")
        clock.now = 500
        limiter.allow("a")
        clock.now = 800
        limiter.allow("a")
        clock.now = 850
        self.assertEqual(limiter.time_until_reset_ms("a"), 250, "the oldest (100) expires at 1100, 250 ms from 850")

    def test_exact_in_milliseconds(self):
        """[R5] is exact in milliseconds, not rounded to seconds"""
        clock, limiter = setup(1, 60_000)
        limiter.allow("a")
        clock.now = 1234
        self.assertEqual(limiter.time_until_reset_ms("a"), 58_766, "60000 - 1234 ms")

    def test_waiting_exactly_that_long_succeeds(self):
        """[R5] waiting exactly the returned time makes the next request succeed"""
        clock, limiter = setup(4, 700)
        for t in [0, 13, 250, 251]:
            clock.now = t
            limiter.allow("a")
        clock.now = 300
        wait = limiter.time_until_reset_ms("a")
        self.assertEqual(wait, 400, "the request at 0 expires at 700")
        clock.now = 300 + wait - 1
        self.assertEqual(limiter.allow("a"), False, "one ms early is still denied")
        clock.now = 300 + wait
        self.assertEqual(limiter.allow("a"), True, "exactly on time is allowed")

    def test_records_nothing(self):
        """[R6 time_until_reset_ms] does not record a request or change remaining()"""
        _, limiter = setup(2, 1000)
        limiter.allow("a")
        limiter.time_until_reset_ms("a")
        limiter.time_until_reset_ms("a")
        self.assertEqual(limiter.remaining("a"), 1, "queries must not use up requests")


class IndependentUsers(unittest.TestCase):
    """independent users"""

    def test_traffic_never_crosses_users(self):
        """[R7] one user's traffic never changes another user's answers"""
        clock, limiter = setup(2, 1000)
        limiter.allow("a")
        limiter.allow("a")
        limiter.allow("a")
        clock.now = 10
        self.assertEqual(limiter.remaining("b"), 2, "b is untouched")
        self.assertEqual(limiter.time_until_reset_ms("b"), 0, "b need not wait")
        self.assertEqual(limiter.allow("b"), True, "b's first request is allowed")
        self.assertEqual(limiter.allow("b"), True, "b's second request is allowed")
        self.assertEqual(limiter.allow("b"), False, "b reaches its own limit")
        self.assertEqual(limiter.time_until_reset_ms("a"), 990, "a still waits for its request at 0")

    def test_user_ids_are_exact_strings(self):
        """[R7] treats user ids as exact strings"""
        _, limiter = setup(1, 1000)
        self.assertEqual(limiter.allow("Alice"), True, "Alice's first request is allowed")
        self.assertEqual(limiter.allow("alice"), True, "'alice' differs from 'Alice'")
        self.assertEqual(limiter.allow("alice "), True, "'alice ' differs from 'alice'")


class Memory(unittest.TestCase):
    """memory"""

    def test_queries_never_add_a_user(self):
        """[R6 remaining, time_until_reset_ms] queries never add a user to memory"""
        _, limiter = setup(3, 1000)
        limiter.remaining("ghost")
        limiter.time_until_reset_ms("ghost2")
        self.assertEqual(limiter.tracked_users, 0, "remaining/time_until_reset_ms must not create state")
        limiter.allow("alice")
        self.assertEqual(limiter.remaining("bob"), 3, "bob was never seen")
        self.assertEqual(limiter.time_until_reset_ms("carol"), 0, "carol was never seen")
        self.assertEqual(limiter.tracked_users, 1, "only alice, who made a request, is held")
        self.assertEqual(limiter.cleanup(), 0, "alice still counts; nobody else was ever added")

    def test_holds_expired_users_until_cleanup(self):
        """[R9] holds a user whose requests have expired until cleanup() removes them"""
        clock, limiter = setup(2, 100)
        limiter.allow("a")
        clock.now = 500
        self.assertEqual(limiter.remaining("a"), 2, "nothing counts any more")
        self.assertEqual(limiter.time_until_reset_ms("a"), 0, "nothing to wait for")
        self.assertEqual(limiter.tracked_users, 1, "queries do not forget users either: only cleanup() does")
        self.assertEqual(limiter.cleanup(), 1, "the idle user is removed")
        self.assertEqual(limiter.tracked_users, 0, "nobody is held")

    def test_tracks_each_user_that_made_a_request(self):
        """[R9] tracks each user that made a request"""
        _, limiter = setup(3, 1000)
        limiter.allow("a")
        limiter.allow("b")
        limiter.allow("a")
        self.assertEqual(limiter.tracked_users, 2, "a and b made requests")

    def test_cleanup_drops_only_idle_users(self):
        """[R10][R9] cleanup drops only users with nothing counting, and returns how many"""
        clock, limiter = setup(3, 1000)
        limiter.allow("old1")
        limiter.allow("old2")
        limiter.allow("old2")
        clock.now = 600
        limiter.allow("recent")
        clock.now = 1000
        self.assertEqual(limiter.cleanup(), 2, "old1 and old2 have nothing counting at 1000")
        self.assertEqual(limiter.tracked_users, 1, "recent (t=600) is kept")
        self.assertEqual(limiter.remaining("recent"), 2, "cleanup keeps the kept user's log")
        clock.now = 1600
        self.assertEqual(limiter.cleanup(), 1, "recent expires at 1600")
        self.assertEqual(limiter.tracked_users, 0, "nobody is held")

    def test_cleanup_removes_a_user_whose_requests_all_expired(self):
        """[R10] cleanup removes a user whose several requests have all expired"""
        clock, limiter = setup(5, 100)
        for i in range(5):
            clock.now = i
            limiter.allow("busy")
        clock.now = 500
        self.assertEqual(limiter.cleanup(), 1, "all five requests expired")
        self.assertEqual(limiter.tracked_users, 0, "nobody is held")

    def test_a_forgotten_user_starts_fresh(self):
        """[R10] a forgotten user starts fresh"""
        clock, limiter = setup(1, 1000)
        limiter.allow("a")
        clock.now = 2000
        limiter.cleanup()
        self.assertEqual(limiter.allow("a"), True, "a forgotten user has the full limit")
        self.assertEqual(limiter.allow("a"), False, "the new request counts again")

    def test_keeps_up_with_a_hammering_user(self):
        """[R8] keeps up with a user hammering a small limit"""
        # No stopwatch (a busy machine would make it flaky): a log that grows with every request makes these
        # 20 000 calls quadratic and runs into the test's time limit instead.
        clock, limiter = setup(10, 1000)
        allowed = 0
        for i in range(20_000):
            clock.now = i
            if limiter.allow("hot"):
                allowed += 1
        self.assertEqual(allowed, 200, "10 per rolling second over 20 s")
        self.assertEqual(limiter.remaining("hot"), 0, "all 10 slots used in the last second")
        self.assertEqual(limiter.time_until_reset_ms("hot"), 1, "the oldest of the last ten was made at 19 000 ms")


class Validation(unittest.TestCase):
    """validation"""

    def test_rejects_a_bad_limit(self):
        """[R13] rejects a limit that is not a positive integer with ValueError"""
        for bad in [0, -1, 2.5, float("nan"), float("inf")]:
            with self.subTest(limit=bad):
                with self.assertRaises(ValueError, msg=f"limit {bad} should be rejected") as caught:
                    SlidingWindowLimiter(bad, 1000)
                self.assertMessage(caught.exception, "limit", msg="the error names limit")

    def test_rejects_a_bad_window(self):
        """[R14] rejects a window that is not a positive finite number with ValueError"""
        for bad in [0, -5, float("nan"), float("inf")]:
            with self.subTest(window_ms=bad):
                with self.assertRaises(ValueError, msg=f"window_ms {bad} should be rejected") as caught:
                    SlidingWindowLimiter(1, bad)
                self.assertMessage(caught.exception, "window_ms", msg="the error names window_ms")

    def test_rejects_non_number_arguments(self):
        """[R12][R15] rejects non-number arguments and a clock that is not callable with TypeError"""
        with self.assertRaises(TypeError, msg='limit "5" should be rejected') as caught:
            SlidingWindowLimiter("5", 1000)
        self.assertMessage(caught.exception, "limit", msg="the error names limit")
        with self.assertRaises(TypeError, msg='window_ms "1000" should be rejected') as caught:
            SlidingWindowLimiter(5, "1000")
        self.assertMessage(caught.exception, "window_ms", msg="the error names window_ms")
        with self.assertRaises(TypeError, msg="clock 42 should be rejected") as caught:
            SlidingWindowLimiter(5, 1000, 42)
        self.assertMessage(caught.exception, "clock", msg="the error names clock")

    def test_rejects_a_bad_user_id(self):
        """[R16 allow, remaining, time_until_reset_ms] rejects an empty or non-string user_id in every method with TypeError"""
        _, limiter = setup(1, 1000)
        for bad in ["", None, 7]:
            for name in ["allow", "remaining", "time_until_reset_ms"]:
                with self.subTest(call=f"{name}({bad!r})"):
                    with self.assertRaises(TypeError, msg=f"{name}({bad!r}) should raise a TypeError") as caught:
                        getattr(limiter, name)(bad)
                    self.assertMessage(caught.exception, "user_id", msg="the error names user_id")
        self.assertEqual(limiter.tracked_users, 0, "a rejected call stores nothing")

    def test_uses_the_real_clock_when_none_is_given(self):
        """[R11] uses the real clock when none is given"""
        limiter = SlidingWindowLimiter(1, 60_000)
        self.assertEqual(limiter.allow("a"), True, "the first request is allowed")
        self.assertEqual(limiter.allow("a"), False, "a second request within a minute of real time is denied")
        wait = limiter.time_until_reset_ms("a")
        self.assertGreaterEqual(wait, 59_000, "the wait is close to a full minute")
        self.assertLessEqual(wait, 60_000, "the wait is at most a minute")


# ---------------------------------------------------------------------------------------------------------
# The model-based test


class ModelLimiter:
    """The statement, literally: every allowed request's time per user, filtered on each look."""

    def __init__(self, limit, window_ms):
        self.limit = limit
        self.window_ms = window_ms
        self.logs = {}  # user -> times of allowed requests

    def counting(self, user, now):
        return [t for t in self.logs.get(user, []) if now - t < self.window_ms]

    def allow(self, user, now):
        log = self.counting(user, now)
        allowed = len(log) < self.limit
        if allowed:
            log.append(now)
        self.logs[user] = log
        return allowed

    def remaining(self, user, now):
        return self.limit - len(self.counting(user, now))

    def time_until_reset_ms(self, user, now):
        log = self.counting(user, now)
        return 0 if len(log) < self.limit else log[0] + self.window_ms - now

    def cleanup(self, now):
        idle = [user for user in self.logs if not self.counting(user, now)]
        for user in idle:
            del self.logs[user]
        return len(idle)

    def tracked_users(self):
        return len(self.logs)


MODEL_SEED = 14
OPS = ["allow", "allow", "allow", "remaining", "time_until_reset_ms", "cleanup", "tracked_users"]
USERS = ["a", "a", "b", "c"]
WINDOWS = [0.5, 1, 3, 10, 100, 1000]


def random_scenario(rng):
    """A limit, a window and up to 30 steps of (operation, user, milliseconds the clock moves first)."""
    limit = rng.randint(1, 4)
    window_ms = rng.choice(WINDOWS)
    steps = []
    for _ in range(rng.randint(1, 30)):
        # Mostly bursts and small steps, so logs fill up and requests expire at the exact boundary.
        kind = rng.randrange(5)
        if kind < 3:
            dt = 0
        elif kind == 3:
            dt = rng.randint(1, math.ceil(window_ms / 2))
        else:
            dt = rng.randint(0, math.ceil(window_ms * 2))
        steps.append((rng.choice(OPS), rng.choice(USERS), dt))
    return limit, window_ms, steps


def same(got, want):
    """Booleans must be booleans; numbers may be int or float but must be equal."""
    if isinstance(want, bool):
        return got is want
    return isinstance(got, (int, float)) and not isinstance(got, bool) and got == want


def divergence(limit, window_ms, steps):
    """Runs a scenario on the solution and the model.

    Returns None if they agree, else (index of the first differing step, that step described after the ones before).
    """
    clock = ManualClock()
    start = f"SlidingWindowLimiter({limit}, {window_ms}, clock)"
    try:
        limiter = SlidingWindowLimiter(limit, window_ms, clock)
    except Exception as err:  # noqa: BLE001 - any exception is a divergence
        return 0, f"{start} raised {type(err).__name__}: {err}"
    model = ModelLimiter(limit, window_ms)
    done = []
    for index, (op, user, dt) in enumerate(steps):
        clock.now += dt
        now = clock.now
        if op == "allow":
            call, want, answer = f"allow('{user}')", model.allow(user, now), lambda: limiter.allow(user)
        elif op == "remaining":
            call, want, answer = f"remaining('{user}')", model.remaining(user, now), lambda: limiter.remaining(user)
        elif op == "time_until_reset_ms":
            call, want = f"time_until_reset_ms('{user}')", model.time_until_reset_ms(user, now)
            answer = lambda: limiter.time_until_reset_ms(user)  # noqa: E731
        elif op == "cleanup":
            call, want, answer = "cleanup()", model.cleanup(now), limiter.cleanup
        else:
            call, want, answer = "tracked_users", model.tracked_users(), lambda: limiter.tracked_users
        here = f"{call} at {now} ms"
        before = f"after {', '.join(done)}: " if done else ""
        try:
            got = answer()
        except Exception as err:  # noqa: BLE001 - any exception is a divergence
            return index, f"{start}, {before}{here} expected {want!r}, got {type(err).__name__}: {err}"
        if not same(got, want):
            return index, f"{start}, {before}{here} expected {want!r}, got {got!r}"
        done.append(f"{here} → {got!r}")
    return None


def shrink(limit, window_ms, steps):
    """Drops every step the divergence does not need (keeping the clock's readings), so the failure reads short."""
    index, _ = divergence(limit, window_ms, steps)
    steps = steps[: index + 1]
    changed = True
    while changed:
        changed = False
        for i in reversed(range(len(steps) - 1)):
            _, _, dt = steps[i]
            nxt_op, nxt_user, nxt_dt = steps[i + 1]
            candidate = steps[:i] + [(nxt_op, nxt_user, dt + nxt_dt)] + steps[i + 2 :]
            found = divergence(limit, window_ms, candidate)
            if found is not None:
                steps = candidate[: found[0] + 1]
                changed = True
                break
    return divergence(limit, window_ms, steps)[1]


class Model(unittest.TestCase):
    """model"""

    def test_model(self):
        """[model] agrees with a model over random interleaved operations, users and clock steps"""
        rng = random.Random(MODEL_SEED)
        for number in range(1, 101):
            limit, window_ms, steps = random_scenario(rng)
            if divergence(limit, window_ms, steps) is not None:
                sentence = shrink(limit, window_ms, steps)
                self.fail(f"{sentence} (seed {MODEL_SEED}, scenario {number}, shrunk to the steps that matter)")


if __name__ == "__main__":
    unittest.main()
