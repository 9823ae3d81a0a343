import math
import random
import unittest

from solution import RateLimiter


class ManualClock:
    """A clock the test moves by hand: call it for the current time in milliseconds."""

    def __init__(self) -> None:
        self.now = 0

    def __call__(self) -> float:
        return self.now


def spend(limiter, user, count):
    """Makes ``count`` requests for ``user`` at the current time; returns how many were allowed."""
    return sum(1 for _ in range(count) if limiter.allow(user))


class Construction(unittest.TestCase):
    """construction"""

    def test_rejects_bad_capacity(self):
        """[R15] rejects capacity 0, -1, 2.5, nan and inf with a ValueError naming capacity"""
        for capacity in [0, -1, 2.5, float("nan"), float("inf")]:
            with self.subTest(capacity=capacity):
                with self.assertRaises(ValueError, msg=f"capacity {capacity} is invalid") as caught:
                    RateLimiter(capacity, 1000, ManualClock())
                self.assertMessage(caught.exception, "capacity", msg="the error names capacity")

    def test_rejects_bad_window(self):
        """[R16] rejects window_ms 0, -5, nan, inf and -inf with a ValueError naming window_ms"""
        for window_ms in [0, -5, float("nan"), float("inf"), float("-inf")]:
            with self.subTest(window_ms=window_ms):
                with self.assertRaises(ValueError, msg=f"window_ms {window_ms} is invalid") as caught:
                    RateLimiter(5, window_ms, ManualClock())
                self.assertMessage(caught.exception, "window_ms", msg="the error names window_ms")

    def test_rejects_arguments_that_are_not_numbers(self):
        """[R14] rejects arguments that are not numbers with a TypeError naming the argument"""
        with self.assertRaises(TypeError, msg='capacity "5" is not a number') as caught:
            RateLimiter("5", 1000, ManualClock())
        self.assertMessage(caught.exception, "capacity", msg="the error names capacity")
        with self.assertRaises(TypeError, msg='window_ms "1000" is not a number') as caught:
            RateLimiter(5, "1000", ManualClock())
        self.assertMessage(caught.exception, "window_ms", msg="the error names window_ms")

    def test_rejects_a_clock_that_is_not_callable(self):
        """[R17] rejects a clock that is not a function with a TypeError naming clock"""
        with self.assertRaises(TypeError, msg="clock 123 is not a function") as caught:
            RateLimiter(5, 1000, 123)
        self.assertMessage(caught.exception, "clock", msg="the error names clock")

    def test_accepts_the_smallest_limits(self):
        """[R15][R16][R4] accepts the smallest limits: capacity 1 and a sub-millisecond window"""
        clock = ManualClock()
        limiter = RateLimiter(1, 0.5, clock)
        self.assertEqual(limiter.allow("u"), True, "the single token is available")
        self.assertEqual(limiter.allow("u"), False, "no time has passed")
        clock.now = 0.5
        self.assertEqual(limiter.allow("u"), True, "a 0.5 ms window refills in 0.5 ms")

    def test_uses_the_real_clock_when_none_is_given(self):
        """[R13] uses the real clock when none is given"""
        limiter = RateLimiter(1, 60_000)
        self.assertEqual(limiter.allow("u"), True, "the first request is allowed")
        self.assertEqual(limiter.allow("u"), False, "a minute has not passed")
        self.assertEqual(limiter.remaining("u"), 0, "no token left within the minute")


class UserIds(unittest.TestCase):
    """user ids"""

    def test_rejects_an_empty_user_id_everywhere(self):
        """[R18 allow, remaining, retry_after_ms] rejects an empty user id in every method with a TypeError naming user_id"""
        limiter = RateLimiter(5, 1000, ManualClock())
        calls = [("allow", limiter.allow), ("remaining", limiter.remaining), ("retry_after_ms", limiter.retry_after_ms)]
        for name, method in calls:
            with self.subTest(method=name):
                with self.assertRaises(TypeError, msg=f'{name}("") should raise a TypeError') as caught:
                    method("")
                self.assertMessage(caught.exception, "user_id", msg="the error names user_id")

    def test_rejects_a_user_id_that_is_not_a_string(self):
        """[R18 allow, remaining, retry_after_ms] rejects a user id that is not a string in every method"""
        limiter = RateLimiter(5, 1000, ManualClock())
        calls = [
            ("allow(None)", limiter.allow, None),
            ("allow(42)", limiter.allow, 42),
            ("remaining(None)", limiter.remaining, None),
            ("retry_after_ms(7)", limiter.retry_after_ms, 7),
        ]
        for name, method, user_id in calls:
            with self.subTest(call=name):
                with self.assertRaises(TypeError, msg=f"{name} should raise a TypeError") as caught:
                    method(user_id)
                self.assertMessage(caught.exception, "user_id", msg="the error names user_id")
        self.assertEqual(limiter.tracked_users, 0, "a rejected id is not remembered")

    def test_keeps_users_independent(self):
        """[R9] keeps users independent in both directions"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        self.assertEqual(spend(limiter, "alice", 7), 5, "alice gets exactly 5")
        self.assertEqual(limiter.remaining("bob"), 5, "bob is untouched by alice")
        self.assertEqual(spend(limiter, "bob", 3), 3, "bob spends 3 of his own 5")
        clock.now = 200
        self.assertEqual(limiter.remaining("alice"), 1, "bob's requests do not change alice's bucket")
        self.assertEqual(limiter.remaining("bob"), 3, "bob refilled one token")


class AllowingAndRefilling(unittest.TestCase):
    """allowing and refilling"""

    def test_denies_the_6th_request(self):
        """[R2] denies the 6th request in the same millisecond"""
        limiter = RateLimiter(5, 1000, ManualClock())
        self.assertEqual(spend(limiter, "u", 5), 5, "the first five are allowed")
        self.assertEqual(limiter.allow("u"), False, "the 6th is denied")

    def test_starts_a_new_user_full(self):
        """[R1] starts a new user with a full bucket"""
        clock = ManualClock()
        limiter = RateLimiter(4, 1000, clock)
        clock.now = 123_456
        self.assertEqual(limiter.remaining("new"), 4, "full before the first request")
        self.assertEqual(spend(limiter, "new", 10), 4, "a new user can burst the full capacity")

    def test_caps_the_refill_at_capacity(self):
        """[R5] caps the refill at capacity however long the user was idle"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        spend(limiter, "u", 5)
        clock.now = 60_000
        self.assertEqual(limiter.remaining("u"), 5, "a minute refills 300 tokens, capped at 5")
        self.assertEqual(spend(limiter, "u", 10), 5, "only 5 may burst after a long idle")

    def test_keeps_fractional_refill(self):
        """[R4][R13] keeps fractional refill between requests, on the injected clock"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        spend(limiter, "u", 5)
        clock.now = 100
        self.assertEqual(limiter.allow("u"), False, "half a token is not enough")
        clock.now = 200
        self.assertEqual(limiter.allow("u"), True, "two half tokens make a whole one")
        self.assertEqual(limiter.allow("u"), False, "and it was spent")

    def test_allows_exactly_when_a_token_is_whole(self):
        """[R2][R4] allows exactly at the moment a whole token has refilled, not a millisecond earlier"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        spend(limiter, "u", 5)
        clock.now = 199
        self.assertEqual(limiter.allow("u"), False, "at 199 ms the token is not whole yet")
        clock.now = 200
        self.assertEqual(limiter.allow("u"), True, "at 200 ms it is")

    def test_counts_each_millisecond_once(self):
        """[R4] counts each elapsed millisecond of refill only once"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        spend(limiter, "u", 5)
        allowed = 0
        for now in range(50, 1001, 50):
            clock.now = now
            if limiter.allow("u"):
                allowed += 1
        self.assertEqual(allowed, 5, "one token per 200 ms over one second")
        self.assertEqual(limiter.allow("u"), False, "nothing left at 1000 ms")

    def test_denied_requests_cost_nothing(self):
        """[R3] does not let denied requests push the bucket below empty"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        spend(limiter, "u", 5)
        self.assertEqual(spend(limiter, "u", 20), 0, "all 20 extra requests are denied")
        clock.now = 200
        self.assertEqual(limiter.allow("u"), True, "denied requests cost nothing")

    def test_refills_large_limits(self):
        """[R4] refills at capacity per window for large limits"""
        clock = ManualClock()
        limiter = RateLimiter(100, 60_000, clock)
        self.assertEqual(spend(limiter, "u", 150), 100, "a burst of 100")
        clock.now = 30_000
        self.assertEqual(limiter.remaining("u"), 50, "half a window refills half the bucket")

    def test_clock_stepping_backwards(self):
        """[R12 allow, remaining] never takes tokens away when the clock steps backwards"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        clock.now = 1000
        spend(limiter, "u", 4)
        clock.now = 500
        self.assertEqual(limiter.remaining("u"), 1, "still one token after the clock went back")
        self.assertEqual(limiter.allow("u"), True, "that token can be spent")
        self.assertEqual(limiter.allow("u"), False, "the bucket is now empty")
        clock.now = 1100
        self.assertEqual(limiter.remaining("u"), 0, "the backwards step does not count as refill time")
        clock.now = 1200
        self.assertEqual(limiter.remaining("u"), 1, "200 ms after the last real reading")


    def test_retry_after_a_backwards_step(self):
        """[R12 retry_after_ms] measures the wait from the latest reading after the clock stepped backwards"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        clock.now = 1000
        self.assertEqual(spend(limiter, "u", 5), 5, "five tokens at 1000 ms")
        clock.now = 500
        self.assertGreater(limiter.retry_after_ms("u"), 0, "still empty after the clock went back")
        clock.now = 1100
        self.assertEqual(limiter.retry_after_ms("u"), 100, "the token comes 200 ms after 1000 ms, not after 500 ms")
        clock.now = 1200
        self.assertEqual(limiter.retry_after_ms("u"), 0, "a whole token at 1200 ms")


class Remaining(unittest.TestCase):
    """remaining"""

    def test_rounds_partial_tokens_down(self):
        """[R6] rounds partial tokens down"""
        clock = ManualClock()
        limiter = RateLimiter(2, 1000, clock)
        spend(limiter, "u", 2)
        clock.now = 250
        self.assertEqual(limiter.remaining("u"), 0, "half a token counts as 0")
        clock.now = 750
        self.assertEqual(limiter.remaining("u"), 1, "1.5 tokens count as 1")

    def test_remaining_does_not_consume(self):
        """[R8 remaining] remaining does not consume tokens"""
        limiter = RateLimiter(3, 1000, ManualClock())
        for _ in range(10):
            limiter.remaining("u")
        self.assertEqual(spend(limiter, "u", 5), 3, "all three tokens are still there")
        self.assertEqual(limiter.remaining("u"), 0, "and now they are spent")


class RetryAfterMs(unittest.TestCase):
    """retry_after_ms"""

    def test_zero_while_a_token_is_available(self):
        """[R7] is 0 while a token is available"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        self.assertEqual(limiter.retry_after_ms("new"), 0, "a new user can go now")
        spend(limiter, "u", 5)
        clock.now = 300
        self.assertEqual(limiter.retry_after_ms("u"), 0, "1.5 tokens: go now")

    def test_time_until_the_next_token(self):
        """[R7] is the time until the next token, not until the bucket is full"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        spend(limiter, "u", 5)
        self.assertEqual(limiter.retry_after_ms("u"), 200, "one token every 200 ms")
        clock.now = 50
        self.assertEqual(limiter.retry_after_ms("u"), 150, "a quarter token refilled")
        clock.now = 100
        self.assertEqual(limiter.retry_after_ms("u"), 100, "half a token refilled")

    def test_rounds_up(self):
        """[R7] rounds up so that waiting that long is enough"""
        clock = ManualClock()
        limiter = RateLimiter(3, 1000, clock)
        spend(limiter, "u", 3)
        wait = limiter.retry_after_ms("u")
        self.assertEqual(wait, 334, "333.33 ms rounds up to 334")
        clock.now = wait - 1
        self.assertEqual(limiter.allow("u"), False, "one millisecond early is too early")
        clock.now = wait
        self.assertEqual(limiter.allow("u"), True, "retrying after the advised wait succeeds")

    def test_retry_after_does_not_consume(self):
        """[R8 retry_after_ms] retry_after_ms does not consume or delay anything"""
        limiter = RateLimiter(1, 1000, ManualClock())
        for _ in range(5):
            self.assertEqual(limiter.retry_after_ms("u"), 0, "the single token is available")
        self.assertEqual(limiter.allow("u"), True, "the token is still there")


class Cleanup(unittest.TestCase):
    """cleanup"""

    def test_forgets_only_full_buckets(self):
        """[R11][R10] forgets only users whose buckets are full again"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        spend(limiter, "alice", 5)
        spend(limiter, "bob", 1)
        self.assertEqual(limiter.tracked_users, 2, "two users seen")
        clock.now = 199
        self.assertEqual(limiter.cleanup(), 0, "bob is 0.005 tokens short of full")
        self.assertEqual(limiter.tracked_users, 2, "nobody was removed")
        clock.now = 200
        self.assertEqual(limiter.cleanup(), 1, "bob is full at 200 ms")
        self.assertEqual(limiter.tracked_users, 1, "alice is still refilling")
        self.assertEqual(limiter.remaining("alice"), 1, "alice keeps her refill")
        clock.now = 1000
        self.assertEqual(limiter.cleanup(), 1, "alice is full at 1000 ms")
        self.assertEqual(limiter.tracked_users, 0, "nobody is left")

    def test_changes_no_answer(self):
        """[R11] changes no answer for a user it removed"""
        clock = ManualClock()
        limiter = RateLimiter(3, 1000, clock)
        spend(limiter, "u", 3)
        clock.now = 5000
        limiter.cleanup()
        self.assertEqual(limiter.remaining("u"), 3, "a forgotten user is full")
        self.assertEqual(spend(limiter, "u", 5), 3, "a forgotten user starts full")

    def test_returns_zero_when_nobody_is_tracked(self):
        """[R11] returns 0 when nobody is tracked"""
        limiter = RateLimiter(3, 1000, ManualClock())
        self.assertEqual(limiter.cleanup(), 0, "nothing to remove")
        self.assertEqual(limiter.tracked_users, 0, "nobody is tracked")


class Memory(unittest.TestCase):
    """memory"""

    def test_queries_add_nobody(self):
        """[R8 remaining, retry_after_ms] never adds a user to memory when only asked about them"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        self.assertEqual(limiter.remaining("ghost"), 5, "a user never seen has a full bucket")
        self.assertEqual(limiter.retry_after_ms("ghost"), 0, "a user never seen can go now")
        self.assertEqual(limiter.tracked_users, 0, "queries about a user never seen keep no bucket")
        limiter.allow("alice")
        clock.now = 100
        limiter.remaining("bob")
        limiter.retry_after_ms("carol")
        self.assertEqual(limiter.tracked_users, 1, "only alice, who made a request, is remembered")
        self.assertEqual(limiter.cleanup(), 0, "nothing to forget for users only asked about")

    def test_queries_keep_the_fractional_refill(self):
        """[R8 remaining, retry_after_ms] queries keep the fractional refill they observed"""
        clock = ManualClock()
        limiter = RateLimiter(5, 1000, clock)
        spend(limiter, "u", 5)
        for now in range(10, 200, 10):
            clock.now = now
            self.assertEqual(limiter.remaining("u"), 0, f"no whole token at {now} ms")
            self.assertEqual(limiter.retry_after_ms("u"), 200 - now, f"the wait at {now} ms")
        clock.now = 200
        self.assertEqual(limiter.allow("u"), True, "looking at the bucket did not delay the refill")

    def test_counts_users_until_cleanup(self):
        """[R10] counts a user from their first request until cleanup, even when denied or full again"""
        clock = ManualClock()
        limiter = RateLimiter(1, 1000, clock)
        self.assertEqual(limiter.tracked_users, 0, "nobody yet")
        limiter.allow("a")
        limiter.allow("a")
        limiter.allow("b")
        self.assertEqual(limiter.tracked_users, 2, "a and b made requests")
        clock.now = 10_000
        self.assertEqual(limiter.remaining("a"), 1, "a is full again")
        self.assertEqual(limiter.tracked_users, 2, "still held until cleanup()")
        self.assertEqual(limiter.cleanup(), 2, "both are full and removed")
        self.assertEqual(limiter.tracked_users, 0, "gone after cleanup")
        limiter.allow("a")
        self.assertEqual(limiter.tracked_users, 1, "a request brings a user back")


# ---------------------------------------------------------------------------------------------------------
# The model-based test


class ModelLimiter:
    """The statement, literally: one bucket per user, refilled on each look.

    Windows are powers of two (and 0.5 ms), so every token count is exact in floating point and the model
    needs no tolerance.
    """

    def __init__(self, capacity, window_ms):
        self.capacity = capacity
        self.window_ms = window_ms
        self.buckets = {}  # user -> (tokens, time of the last request)

    def level(self, user, now):
        if user not in self.buckets:
            return self.capacity
        tokens, at = self.buckets[user]
        # R12: a reading behind the bucket's latest one adds nothing.
        return min(self.capacity, tokens + max(0, now - at) * self.capacity / self.window_ms)

    def allow(self, user, now):
        tokens = self.level(user, now)
        allowed = tokens >= 1
        at = max(self.buckets[user][1], now) if user in self.buckets else now
        self.buckets[user] = (tokens - 1 if allowed else tokens, at)
        return allowed

    def remaining(self, user, now):
        return math.floor(self.level(user, now))

    def retry_after_ms(self, user, now):
        """Every answer the statement allows, as a tuple: behind the bucket's latest reading, the wait may be
        counted from now or from that reading (the statement does not say which)."""
        tokens = self.level(user, now)
        if tokens >= 1:
            return (0,)
        need = (1 - tokens) * self.window_ms / self.capacity
        at = self.buckets[user][1] if user in self.buckets else now
        return tuple(sorted({math.ceil(need), math.ceil(max(0, at - now) + need)}))

    def cleanup(self, now):
        full = [user for user in self.buckets if self.level(user, now) >= self.capacity]
        for user in full:
            del self.buckets[user]
        return len(full)

    def tracked_users(self):
        return len(self.buckets)


MODEL_SEED = 4
OPS = ["allow", "allow", "allow", "remaining", "retry_after_ms", "cleanup", "tracked_users"]
USERS = ["a", "a", "b", "c"]
WINDOWS = [0.5, 1, 2, 8, 64, 1024]


def random_scenario(rng):
    """A capacity, a window and up to 30 steps of (operation, user, milliseconds the clock moves first)."""
    capacity = rng.randint(1, 5)
    window_ms = rng.choice(WINDOWS)
    steps = []
    for _ in range(rng.randint(1, 30)):
        # Mostly bursts in the same millisecond, so buckets run empty and boundaries are reached.
        kind = rng.randrange(7)
        if kind < 4:
            dt = 0
        elif kind == 4:
            dt = rng.randint(1, math.ceil(window_ms / capacity) + 1)
        elif kind == 5:
            dt = rng.randint(0, math.ceil(window_ms * 2))
        else:
            dt = -rng.randint(1, math.ceil(window_ms * 2))  # R12: the clock steps back, then moves forward again
        steps.append((rng.choice(OPS), rng.choice(USERS), dt))
    return capacity, window_ms, steps


def same(got, want):
    """Booleans must be booleans; numbers may be int or float but must be equal."""
    if isinstance(want, tuple):
        return any(same(got, w) for w in want)
    if isinstance(want, bool):
        return got is want
    return isinstance(got, (int, float)) and not isinstance(got, bool) and got == want


def divergence(capacity, window_ms, steps):
    """Runs a scenario on the solution and the model.

    Returns None if they agree, else (index of the first differing step, that step described after the ones before).
    """
    clock = ManualClock()
    start = f"RateLimiter({capacity}, {window_ms}, clock)"
    try:
        limiter = RateLimiter(capacity, window_ms, clock)
    except Exception as err:  # noqa: BLE001 - any exception is a divergence
        return 0, f"{start} raised {type(err).__name__}: {err}"
    model = ModelLimiter(capacity, window_ms)
    done = []
    for index, (op, user, dt) in enumerate(steps):
        clock.now = max(0, clock.now + dt)
        now = clock.now
        if op == "allow":
            call, want, answer = f"allow('{user}')", model.allow(user, now), lambda: limiter.allow(user)
        elif op == "remaining":
            call, want, answer = f"remaining('{user}')", model.remaining(user, now), lambda: limiter.remaining(user)
        elif op == "retry_after_ms":
            call, want = f"retry_after_ms('{user}')", model.retry_after_ms(user, now)
            answer = lambda: limiter.retry_after_ms(user)  # noqa: E731
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


def shrink(capacity, window_ms, steps):
    """Drops every step the divergence does not need (keeping the clock's readings), so the failure reads short."""
    index, _ = divergence(capacity, window_ms, steps)
    steps = steps[: index + 1]
    changed = True
    while changed:
        changed = False
        for i in reversed(range(len(steps) - 1)):
            op, user, dt = steps[i]
            nxt_op, nxt_user, nxt_dt = steps[i + 1]
            candidate = steps[:i] + [(nxt_op, nxt_user, dt + nxt_dt)] + steps[i + 2 :]
            found = divergence(capacity, window_ms, candidate)
            if found is not None:
                steps = candidate[: found[0] + 1]
                changed = True
                break
    return divergence(capacity, window_ms, steps)[1]


class Model(unittest.TestCase):
    """model"""

    def test_model(self):
        """[model] agrees with a model over random interleaved operations, users and clock steps"""
        rng = random.Random(MODEL_SEED)
        for number in range(1, 101):
            capacity, window_ms, steps = random_scenario(rng)
            if divergence(capacity, window_ms, steps) is not None:
                sentence = shrink(capacity, window_ms, steps)
                self.fail(f"{sentence} (seed {MODEL_SEED}, scenario {number}, shrunk to the steps that matter)")


if __name__ == "__main__":
    unittest.main()
