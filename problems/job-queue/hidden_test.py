import asyncio
import math
import random
import time
import unittest

from solution import JobQueue


class VirtualTimeLoop(asyncio.BaseEventLoop):
    """An event loop whose clock jumps to the next timer, so timeouts take no real time."""

    def __init__(self) -> None:
        super().__init__()
        self._virtual_now = 0.0
        loop = self

        class _NoIO:
            def select(self, timeout):
                if timeout:
                    loop._virtual_now += timeout
                return []

        self._selector = _NoIO()

    def time(self) -> float:
        return self._virtual_now

    def _process_events(self, event_list) -> None:
        pass

    def _write_to_self(self) -> None:
        pass


def run(coro):
    loop = VirtualTimeLoop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def run_test(body):
    """Runs an async test body on the virtual-time loop, lets started attempts run, then cancels what still waits."""

    async def main():
        try:
            return await body()
        finally:
            await settled()
            leftovers = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in leftovers:
                task.cancel()
            if leftovers:
                await asyncio.wait(leftovers, timeout=1)

    return run(main())


async def settled():
    """Lets every ready callback run, so every handler that can finish without time passing has finished."""
    loop = asyncio.get_running_loop()
    for _ in range(1000):
        await asyncio.sleep(0)
        if not loop._ready:  # nothing left to run until a timer fires
            return


class ManualClock:
    """A clock the test moves by hand, in milliseconds."""

    def __init__(self, now=0):
        self.now = now
        self.reads = 0

    def __call__(self):
        self.reads += 1
        return self.now


def setup(concurrency=1, **retry):
    """A queue on a manual clock that starts at 0 ms."""
    clock = ManualClock()
    return clock, JobQueue(concurrency=concurrency, clock=clock, **retry)


def returning(value):
    """An async handler that succeeds with `value`."""

    async def handler(ctx):
        return value

    return handler


def failing(error):
    """An async handler whose every attempt raises `error`."""

    async def handler(ctx):
        raise error

    return handler


def flaky(failures):
    """A handler that fails its first `failures` attempts, then succeeds; `calls` records every call as it happens."""
    calls = []

    def handler(ctx):
        calls.append(ctx)
        number = len(calls)

        async def attempt():
            if number <= failures:
                raise RuntimeError("failure %d" % number)
            return "done"

        return attempt()

    return handler, calls


def waiting_for(gate):
    """A handler whose attempt finishes when the test settles `gate` (an asyncio future)."""

    async def attempt():
        return await gate

    def handler(ctx):
        return attempt()

    return handler


def constructor_error(*args, **options):
    """The exception JobQueue(*args, **options) raises, or None."""
    try:
        JobQueue(*args, **options)
    except Exception as error:  # noqa: BLE001 - the tests check its type
        return error
    return None


def enqueue_error(q, *args, **options):
    """The exception q.enqueue(*args, **options) raises, or None."""
    try:
        q.enqueue(*args, **options)
    except Exception as error:  # noqa: BLE001 - the tests check its type
        return error
    return None


METRIC_FIELDS = ("queued", "delayed", "running", "retrying", "succeeded", "failed", "attempts")


def counts(metrics):
    """metrics() as a plain dict, so a comparison shows every field."""
    return {name: getattr(metrics, name, None) for name in METRIC_FIELDS}


class ValidationTest(unittest.TestCase):
    """JobQueue — validation"""

    def test_rejects_bad_concurrency(self):
        """[R19] rejects a concurrency that is not a positive integer with ValueError naming concurrency"""
        for bad in (0, -1, 1.5, float("nan"), float("inf")):
            with self.subTest(concurrency=bad):
                error = constructor_error(concurrency=bad)
                self.assertIsInstance(error, ValueError, "concurrency %r should raise ValueError" % (bad,))
                self.assertMessage(error, "concurrency", msg="the message names concurrency")

    def test_keyword_arguments_only(self):
        """[R18] takes its options as keyword arguments only: a positional argument raises TypeError"""
        for args in ((None,), (4,), ({"concurrency": 1},)):
            with self.subTest(args=args):
                self.assertIsInstance(constructor_error(*args), TypeError,
                                      "JobQueue(%r) should raise TypeError" % (args[0],))

    def test_concurrency_is_required(self):
        """[R18] raises TypeError naming concurrency when it is not given"""
        error = constructor_error()
        self.assertIsInstance(error, TypeError, "JobQueue() should raise TypeError")
        self.assertMessage(error, "concurrency", msg="the message names concurrency")

    def test_rejects_clock_that_is_not_callable(self):
        """[R20] rejects a clock that is not a function with TypeError naming clock"""
        for bad in (1000, "now"):
            with self.subTest(clock=bad):
                error = constructor_error(concurrency=1, clock=bad)
                self.assertIsInstance(error, TypeError, "clock=%r should raise TypeError" % (bad,))
                self.assertMessage(error, "clock", msg="the message names clock")

    def test_wall_clock_by_default(self):
        """[R17][R2] reads the wall clock in milliseconds when no clock is given"""

        async def body():
            q = JobQueue(concurrency=1)
            before = time.time() * 1000
            job_id = q.enqueue(returning(1))
            after = time.time() * 1000
            run_at = q.get(job_id).run_at
            self.assertTrue(math.floor(before) - 1 <= run_at <= after + 1,
                            "run_at defaults to the real time now, between %r and %r ms, got %r" % (before, after, run_at))
            self.assertEqual(q.get(job_id).status, "queued")

        run_test(body)

    def test_rejects_non_finite_delays(self):
        """[R22] rejects non-finite base_delay_ms and factor, and a max_delay_ms that is negative or not a number"""
        cases = [
            ("base_delay_ms", float("nan")), ("base_delay_ms", float("inf")),
            ("factor", float("nan")), ("factor", float("inf")),
            ("max_delay_ms", -1), ("max_delay_ms", "5"),
        ]
        for name, bad in cases:
            with self.subTest(**{name: bad}):
                error = constructor_error(concurrency=1, **{name: bad})
                self.assertIsInstance(error, ValueError, "%s=%r should raise ValueError" % (name, bad))
                self.assertMessage(error, name, msg="the message names %s" % name)
        self.assertIsNone(constructor_error(concurrency=1, max_delay_ms=0), "max_delay_ms=0 is allowed")

    def test_zero_max_delay(self):
        """[R14][R11] a max_delay_ms of 0 makes every retry due at once"""

        async def body():
            _, q = setup(max_delay_ms=0)
            job_id = q.enqueue(flaky(1)[0])
            q.run_due()
            await settled()
            self.assertEqual(q.get(job_id).run_at, 0, "the 1000 ms default delay is capped to 0")
            self.assertEqual(q.run_due(), 1, "retry due immediately")

        run_test(body)

    def test_rejects_bad_retry_policy(self):
        """[R21 constructor][R22] rejects a bad retry policy with ValueError naming the field"""
        cases = [
            ("max_attempts", 0), ("max_attempts", 2.5), ("base_delay_ms", -1), ("factor", 0.5),
            ("max_delay_ms", float("nan")),
        ]
        for name, bad in cases:
            with self.subTest(**{name: bad}):
                error = constructor_error(concurrency=1, **{name: bad})
                self.assertIsInstance(error, ValueError, "%s=%r should raise ValueError" % (name, bad))
                self.assertMessage(error, name, msg="the message names %s" % name)
        self.assertIsNone(constructor_error(concurrency=1, max_delay_ms=math.inf),
                          "max_delay_ms=math.inf means no cap and is allowed")

    def test_rejects_bad_job(self):
        """[R23][R21 enqueue] rejects a bad job with the right exception and adds nothing"""
        _, q = setup()
        error = enqueue_error(q, "not a function")
        self.assertIsInstance(error, TypeError, "a handler that is not callable raises TypeError")
        self.assertMessage(error, "handler", msg="the message names handler")
        for name, bad in (("priority", float("nan")), ("run_at", float("inf")), ("max_attempts", 0)):
            with self.subTest(**{name: bad}):
                error = enqueue_error(q, returning(1), **{name: bad})
                self.assertIsInstance(error, ValueError, "%s=%r should raise ValueError" % (name, bad))
                self.assertMessage(error, name, msg="the message names %s" % name)
        self.assertEqual(q.metrics().queued, 0, "rejected jobs are not added")
        self.assertEqual(q.enqueue(returning(1)), "job-1", "a rejected enqueue uses up no id")

    def test_unknown_job(self):
        """[R24] raises KeyError for an unknown job id, naming it"""
        _, q = setup()
        with self.assertRaises(KeyError) as raised:
            q.get("job-42")
        self.assertMessage(raised.exception, "unknown job", "job-42", msg="the message says the job is unknown and names the id")
        q.enqueue(returning(1))
        with self.assertRaises(KeyError, msg="an id not returned yet is unknown too"):
            q.get("job-2")


class EnqueueAndStatusTest(unittest.TestCase):
    """JobQueue — enqueue and status"""

    def test_ids_and_defaults(self):
        """[R1][R2] numbers jobs job-1, job-2, ... and starts them queued with no attempts"""
        _, q = setup()
        self.assertEqual([q.enqueue(returning(1)), q.enqueue(returning(2))], ["job-1", "job-2"])
        info = q.get("job-2")
        self.assertEqual(info.status, "queued")
        self.assertEqual(info.attempts, 0)
        self.assertEqual(info.priority, 0, "default priority")
        self.assertEqual(info.max_attempts, 3, "default max_attempts")
        self.assertEqual(info.run_at, 0, "run_at defaults to now")
        self.assertIsNone(info.last_error, "no failure yet")

    def test_ids_per_queue(self):
        """[R1] numbers the jobs of each queue separately"""
        _, first = setup()
        _, second = setup()
        first.enqueue(returning(1))
        first.enqueue(returning(2))
        self.assertEqual(second.enqueue(returning(3)), "job-1", "a new queue starts at job-1")

    def test_queued_or_delayed(self):
        """[R3] a run_at in the past or exactly now is queued, in the future delayed"""
        clock, q = setup()
        clock.now = 1000
        statuses = [q.get(q.enqueue(returning(1), run_at=at)).status for at in (999, 1000, 1001)]
        self.assertEqual(statuses, ["queued", "queued", "delayed"])

    def test_get_returns_copy(self):
        """[R15] get returns a copy that cannot change the queue"""

        async def body():
            _, q = setup()
            job_id = q.enqueue(returning(1))
            info = q.get(job_id)
            info.status = "succeeded"
            info.priority = 99
            info.attempts = 5
            self.assertEqual(q.get(job_id).status, "queued", "the queue keeps its own state")
            self.assertEqual(q.get(job_id).priority, 0, "the queue keeps its own priority")
            self.assertEqual(q.run_due(), 1, "the job is still due")
            self.assertEqual(q.get(job_id).attempts, 1, "the queue counts its own attempts")

        run_test(body)


class SchedulingTest(unittest.TestCase):
    """JobQueue — scheduling"""

    def test_handler_called_inside_run_due(self):
        """[R6] calls the handler synchronously inside run_due with id and attempt 1"""

        async def body():
            _, q = setup()
            handler, calls = flaky(0)
            job_id = q.enqueue(handler)
            q.run_due()
            self.assertEqual([(c.id, c.attempt) for c in calls], [(job_id, 1)], "handler called before run_due returns")

        run_test(body)

    def test_never_more_than_concurrency(self):
        """[R5][R7][R13] never runs more than `concurrency` jobs at once"""

        async def body():
            _, q = setup(concurrency=2)
            loop = asyncio.get_running_loop()
            gates = [loop.create_future() for _ in range(4)]
            started = []

            def gated(gate):
                def handler(ctx):
                    started.append(ctx.id)
                    return waiting_for(gate)(ctx)

                return handler

            for gate in gates:
                q.enqueue(gated(gate))
            self.assertEqual(q.run_due(), 2, "two slots")
            self.assertEqual(q.run_due(), 0, "slots still busy")
            self.assertEqual(len(started), 2)
            gates[0].set_result("ok")
            await settled()
            self.assertEqual(q.metrics().running, 1)
            self.assertEqual(q.run_due(), 1, "one slot freed")
            self.assertEqual(len(started), 3)
            self.assertEqual(q.metrics().running, 2)

        run_test(body)

    def test_no_autostart(self):
        """[R8] does not start the next job on its own when one finishes"""

        async def body():
            _, q = setup()
            first = asyncio.get_running_loop().create_future()
            second, calls = flaky(0)
            q.enqueue(waiting_for(first))
            q.enqueue(second)
            q.run_due()
            first.set_result("ok")
            await settled()
            self.assertEqual(len(calls), 0, "only run_due starts jobs")
            self.assertEqual(q.get("job-2").status, "queued")

        run_test(body)

    def test_priority_order(self):
        """[R5] runs higher priority first, ties in enqueue order, negatives last"""

        async def body():
            _, q = setup(concurrency=1)
            order = []

            def job(name, priority):
                async def handler(ctx):
                    order.append(name)

                q.enqueue(handler, priority=priority)

            job("low", -1)
            job("mid1", 3)
            job("high", 10)
            job("mid2", 3)
            job("zero", 0)
            for _ in range(5):
                q.run_due()
                await settled()
            self.assertEqual(order, ["high", "mid1", "mid2", "zero", "low"])

        run_test(body)

    def test_not_due_does_not_hold_back(self):
        """[R5][R4] a high-priority job that is not due yet does not hold back due jobs"""

        async def body():
            _, q = setup(concurrency=1)
            later = q.enqueue(returning(1), priority=100, run_at=50)
            now = q.enqueue(returning(1), priority=0)
            self.assertEqual(q.run_due(), 1)
            self.assertEqual(q.get(now).status, "running")
            self.assertEqual(q.get(later).status, "delayed")

        run_test(body)

    def test_exactly_at_run_at(self):
        """[R4][R3] starts a delayed job exactly at run_at, not 1 ms before"""

        async def body():
            clock, q = setup()
            job_id = q.enqueue(returning(1), run_at=250)
            clock.now = 249
            self.assertEqual(q.run_due(), 0, "not due at 249")
            self.assertEqual(q.get(job_id).status, "delayed")
            clock.now = 250
            self.assertEqual(q.run_due(), 1, "due at 250")

        run_test(body)

    def test_reads_clock_once(self):
        """[R4] reads the clock once per run_due call, however many jobs it looks at"""

        async def body():
            clock, q = setup(concurrency=2)
            for at in (0, 0, 0, 5, 10):
                q.enqueue(returning(1), run_at=at)
            clock.reads = 0
            self.assertEqual(q.run_due(), 2)
            self.assertEqual(clock.reads, 1, "one clock read per run_due()")

        run_test(body)


class RetriesTest(unittest.TestCase):
    """JobQueue — retries"""

    def test_backoff_from_each_failure(self):
        """[R11] backs off base, base×factor, base×factor², measured from each failure"""

        async def body():
            clock, q = setup(max_attempts=4, base_delay_ms=100, factor=2)
            job_id = q.enqueue(flaky(10)[0])
            seen = []
            for start in (0, 130, 380, 900):
                clock.now = start
                self.assertEqual(q.run_due(), 1, "attempt due at %d" % start)
                clock.now = start + 7  # the handler takes 7 ms to fail
                await settled()
                seen.append(q.get(job_id).run_at)
            self.assertEqual(seen[:3], [107, 337, 787], "next run_at = failure time + 100, 200, 400")
            self.assertEqual(q.get(job_id).status, "failed")

        run_test(body)

    def test_caps_delay(self):
        """[R11] caps each delay at max_delay_ms"""

        async def body():
            clock, q = setup(max_attempts=5, base_delay_ms=1000, factor=10, max_delay_ms=5000)
            job_id = q.enqueue(flaky(10)[0])
            delays = []
            for _ in range(4):
                q.run_due()
                await settled()
                delays.append(q.get(job_id).run_at - clock.now)
                clock.now = q.get(job_id).run_at
            self.assertEqual(delays, [1000, 5000, 5000, 5000], "uncapped would be 1000, 10000, 100000, 1000000")

        run_test(body)

    def test_exactly_max_attempts(self):
        """[R12] makes exactly max_attempts attempts, then fails for good"""

        async def body():
            clock, q = setup(max_attempts=3, base_delay_ms=10, factor=1)
            handler, calls = flaky(100)
            job_id = q.enqueue(handler)
            for t in range(0, 101, 10):
                clock.now = t
                q.run_due()
                await settled()
            self.assertEqual(len(calls), 3, "three attempts in total")
            info = q.get(job_id)
            self.assertEqual(info.status, "failed")
            self.assertEqual(info.attempts, 3)
            self.assertEqual(info.last_error, "failure 3")

        run_test(body)

    def test_succeeds_on_retry(self):
        """[R9][R6][R10] succeeds on a retry and stops retrying"""

        async def body():
            clock, q = setup(max_attempts=5, base_delay_ms=10, factor=1)
            handler, calls = flaky(2)
            job_id = q.enqueue(handler)
            for t in range(0, 101, 10):
                clock.now = t
                q.run_due()
                await settled()
            self.assertEqual([c.attempt for c in calls], [1, 2, 3], "attempt numbers 1, 2, 3")
            self.assertEqual({c.id for c in calls}, {job_id}, "the context carries the job id")
            info = q.get(job_id)
            self.assertEqual(info.status, "succeeded")
            self.assertEqual(info.result, "done")
            self.assertEqual(info.last_error, "failure 2", "the last failure stays visible")

        run_test(body)

    def test_job_max_attempts_one(self):
        """[R12][R2] a per-job max_attempts of 1 means no retry"""

        async def body():
            _, q = setup()
            job_id = q.enqueue(flaky(1)[0], max_attempts=1)
            self.assertEqual(q.get(job_id).max_attempts, 1)
            q.run_due()
            await settled()
            self.assertEqual(q.get(job_id).status, "failed")

        run_test(body)

    def test_handler_raising_at_call(self):
        """[R10] treats a handler that raises when called as a failed attempt"""

        async def body():
            _, q = setup(base_delay_ms=50)

            def handler(ctx):
                raise RuntimeError("boom")

            job_id = q.enqueue(handler)
            try:
                q.run_due()
            except Exception as error:  # noqa: BLE001
                self.fail("run_due must not raise, but it raised %r" % error)
            await settled()
            info = q.get(job_id)
            self.assertEqual(info.status, "retrying")
            self.assertEqual(info.last_error, "boom")
            self.assertEqual(info.run_at, 50)

        run_test(body)

    def test_last_error_is_message(self):
        """[R10] records str(error), the message, whatever the exception class"""

        class SmtpError(Exception):
            pass

        async def body():
            _, q = setup(concurrency=2)
            ids = [q.enqueue(failing(error)) for error in (SmtpError("421 busy"), ValueError("bad address"))]
            q.run_due()
            await settled()
            self.assertEqual([q.get(i).last_error for i in ids], ["421 busy", "bad address"])

        run_test(body)

    def test_failed_attempt_frees_slot(self):
        """[R13] frees the slot of a failed attempt"""

        async def body():
            _, q = setup(concurrency=1)
            q.enqueue(failing(RuntimeError("x")))
            following = q.enqueue(returning("ok"))
            q.run_due()
            await settled()
            self.assertEqual(q.run_due(), 1, "the failure released its slot")
            self.assertEqual(q.get(following).status, "running")

        run_test(body)

    def test_retry_competes(self):
        """[R5][R11] a due retry competes by priority and enqueue order"""

        async def body():
            clock, q = setup(concurrency=1, base_delay_ms=10)
            order = []
            failed_once = []

            async def old(ctx):
                order.append("old")
                if not failed_once:
                    failed_once.append(True)
                    raise RuntimeError("once")

            async def new(ctx):
                order.append("new")

            async def urgent(ctx):
                order.append("urgent")

            q.enqueue(old)
            q.run_due()
            await settled()
            q.enqueue(new)
            q.enqueue(urgent, priority=1)
            clock.now = 10
            for _ in range(3):
                q.run_due()
                await settled()
            self.assertEqual(order, ["old", "urgent", "old", "new"], "urgent first, then the retry (job-1) before job-2")

        run_test(body)

    def test_zero_base_delay(self):
        """[R11] a zero base delay makes the retry due at once"""

        async def body():
            _, q = setup(base_delay_ms=0)
            q.enqueue(flaky(1)[0])
            q.run_due()
            await settled()
            self.assertEqual(q.run_due(), 1, "retry due immediately")

        run_test(body)


class DefaultsAndStatusChangesTest(unittest.TestCase):
    """JobQueue — defaults and status changes"""

    def test_default_retry_policy(self):
        """[R14] retries by default after 1000 ms then 2000 ms and fails after 3 attempts"""

        async def body():
            clock = ManualClock()
            q = JobQueue(concurrency=1, clock=clock)
            handler, calls = flaky(5)
            job_id = q.enqueue(handler)
            self.assertEqual(q.get(job_id).max_attempts, 3, "default max_attempts")
            q.run_due()
            await settled()
            self.assertEqual(q.get(job_id).run_at, 1000, "first delay 1000 ms")
            clock.now = 1000
            q.run_due()
            await settled()
            self.assertEqual(q.get(job_id).run_at, 3000, "second delay 2000 ms, from the second failure")
            clock.now = 3000
            q.run_due()
            await settled()
            self.assertEqual(q.get(job_id).status, "failed", "three attempts in total")
            clock.now = 1e9
            self.assertEqual(q.run_due(), 0, "a failed job never runs again")
            self.assertEqual(len(calls), 3)

        run_test(body)

    def test_delayed_stays_delayed(self):
        """[R3] keeps a delayed job delayed after its run_at has passed, until run_due starts it"""

        async def body():
            clock, q = setup(concurrency=1)
            gate = asyncio.get_running_loop().create_future()
            q.enqueue(waiting_for(gate))
            later = q.enqueue(returning("later"), run_at=50)
            q.run_due()
            clock.now = 80
            self.assertEqual(q.run_due(), 0, "the only slot is busy")
            self.assertEqual(q.get(later).status, "delayed", "due, but not started: still delayed")
            m = q.metrics()
            self.assertEqual([m.delayed, m.queued, m.running], [1, 0, 1], "delayed, queued and running counts")
            gate.set_result("ok")
            await settled()
            self.assertEqual(q.run_due(), 1)
            self.assertEqual(q.get(later).status, "running")

        run_test(body)


class MetricsTest(unittest.TestCase):
    """JobQueue — metrics"""

    def test_counts_statuses_and_attempts(self):
        """[R16] counts every status and every attempt, retries included"""

        async def body():
            clock, q = setup(concurrency=3, max_attempts=2, base_delay_ms=100)
            hang = asyncio.get_running_loop().create_future()
            q.enqueue(returning("ok"))  # succeeds
            q.enqueue(failing(RuntimeError("x")), max_attempts=1)  # fails for good
            q.enqueue(failing(RuntimeError("y")))  # will be retrying
            q.enqueue(waiting_for(hang), run_at=5)  # delayed, later running
            q.enqueue(returning("later"), priority=-1)  # stays queued (no slot)
            q.run_due()
            await settled()
            self.assertEqual(counts(q.metrics()), {
                "queued": 1, "delayed": 1, "running": 0, "retrying": 1, "succeeded": 1, "failed": 1, "attempts": 3,
            })
            clock.now = 5
            q.run_due()
            m = counts(q.metrics())
            self.assertEqual([m["running"], m["delayed"], m["queued"], m["attempts"]], [2, 0, 0, 5],
                             "job-4 and job-5 running: running, delayed, queued, attempts")
            clock.now = 100
            q.run_due()
            await settled()
            m = counts(q.metrics())
            self.assertEqual([m["failed"], m["retrying"], m["attempts"]], [2, 0, 6],
                             "job-3 retried and failed for good: failed, retrying, attempts")

        run_test(body)


# ---------------------------------------------------------------------------------------------------------
# The model test.


class ModelQueue:
    """The statement, literally. The test finishes each running attempt itself.

    Handlers here always return an awaitable: whether a handler that raises when called frees its slot within
    the same run_due() call is left open by the statement, so that case is only checked by the tests above.
    """

    def __init__(self, concurrency, retry):
        self.concurrency = concurrency
        self.retry = retry
        self.jobs = []  # dicts with the JobInfo fields, in enqueue order
        self.running = []  # ids of running attempts in the order they started: the test finishes them by position
        self.calls = []  # 'job-1#1', ... in the order handlers were called
        self.attempts_started = 0

    def enqueue(self, priority, run_at, max_attempts, now):
        job_id = "job-%d" % (len(self.jobs) + 1)
        self.jobs.append({
            "id": job_id, "status": "delayed" if run_at > now else "queued", "priority": priority, "attempts": 0,
            "max_attempts": self.retry["max_attempts"] if max_attempts is None else max_attempts,
            "run_at": run_at, "last_error": None, "result": None,
        })
        return job_id

    def run_due(self, now):
        due = [j for j in self.jobs if j["status"] in ("queued", "delayed", "retrying") and j["run_at"] <= now]
        due.sort(key=lambda j: (-j["priority"], self.jobs.index(j)))
        running = len([j for j in self.jobs if j["status"] == "running"])
        starting = due[:max(0, self.concurrency - running)]
        for job in starting:
            job["status"] = "running"
            job["attempts"] += 1
            self.attempts_started += 1
            self.calls.append("%s#%d" % (job["id"], job["attempts"]))
            self.running.append(job["id"])
        return len(starting)

    def succeed(self, job, result):
        job["status"] = "succeeded"
        job["result"] = result

    def fail(self, job, message, now):
        job["last_error"] = message
        if job["attempts"] >= job["max_attempts"]:
            job["status"] = "failed"
            return
        job["status"] = "retrying"
        retry = self.retry
        job["run_at"] = now + min(retry["max_delay_ms"], retry["base_delay_ms"] * retry["factor"] ** (job["attempts"] - 1))

    def metrics(self):
        result = {status: 0 for status in METRIC_FIELDS}
        for job in self.jobs:
            result[job["status"]] += 1
        result["attempts"] = self.attempts_started
        return result


JOB_FIELDS = ("status", "priority", "attempts", "max_attempts", "run_at", "last_error", "result")


def random_scenario(rng):
    """Concurrency 1..3, a retry policy with caps, and up to 40 steps, most attempts failing so retries repeat."""
    retry = {
        "max_attempts": rng.randint(1, 4),
        "base_delay_ms": rng.choice((0, 1, 5)),
        "factor": rng.choice((1, 2, 3)),
        "max_delay_ms": rng.choice((0, 8, math.inf)),
    }
    steps = []
    for _ in range(rng.randint(1, 40)):
        kind = rng.choices(("enqueue", "run_due", "finish", "advance"), weights=(2, 3, 3, 2))[0]
        if kind == "enqueue":
            steps.append(("enqueue", rng.choice((-1, 0, 0, 2)), rng.choice((None, None, -5, 0, 3, 10)),
                          rng.choice((None, None, 1, 2, 4))))
        elif kind == "finish":
            steps.append(("finish", rng.randint(0, 3), rng.random() < 0.25, rng.choice((RuntimeError, ValueError))))
        elif kind == "advance":
            steps.append(("advance", rng.randint(1, 12)))
        else:
            steps.append(("run_due",))
    return rng.randint(1, 3), retry, steps


def enqueue_text(priority, offset, max_attempts):
    options = []
    if priority != 0:
        options.append("priority=%d" % priority)
    if offset is not None:
        options.append("run_at=now%+d" % offset)
    if max_attempts is not None:
        options.append("max_attempts=%d" % max_attempts)
    return "enqueue(handler%s)" % "".join(", " + o for o in options)


async def divergence(concurrency, retry, steps):
    """Runs a scenario on the solution and the model; describes the first step after which they differ."""
    header = "JobQueue(concurrency=%d, %s)" % (concurrency, ", ".join("%s=%r" % item for item in retry.items()))
    clock = ManualClock()
    model = ModelQueue(concurrency, retry)
    loop = asyncio.get_running_loop()
    gates = {}
    calls = []
    done = []
    finished = 0

    async def attempt(gate):
        return await gate

    def handler(ctx):
        calls.append("%s#%d" % (ctx.id, ctx.attempt))
        gate = loop.create_future()
        gates[ctx.id] = gate
        return attempt(gate)

    try:
        q = JobQueue(concurrency=concurrency, clock=clock, **retry)
        for step in steps:
            kind = step[0]
            try:
                if kind == "enqueue":
                    _, priority, offset, max_attempts = step
                    run_at = clock.now if offset is None else clock.now + offset
                    expected = model.enqueue(priority, run_at, max_attempts, clock.now)
                    text = enqueue_text(priority, offset, max_attempts)
                    done.append(text)
                    options = {}
                    if priority != 0:
                        options["priority"] = priority
                    if offset is not None:
                        options["run_at"] = run_at
                    if max_attempts is not None:
                        options["max_attempts"] = max_attempts
                    got = q.enqueue(handler, **options)
                    done[-1] = "%s → %r" % (text, got)
                    if got != expected:
                        return "%s: %s: %s expected id %r, got %r" % (header, ", ".join(done), text, expected, got)
                elif kind == "run_due":
                    expected = model.run_due(clock.now)
                    done.append("run_due() at %s ms" % clock.now)
                    got = q.run_due()
                    done[-1] = "run_due() at %s ms → %r" % (clock.now, got)
                    if got != expected:
                        return "%s: %s: run_due() expected %r, got %r" % (header, ", ".join(done), expected, got)
                elif kind == "finish":
                    _, pick, ok, error_class = step
                    if not model.running:
                        done.append("finish (nothing running)")
                    else:
                        job_id = model.running.pop(pick % len(model.running))
                        job = next(j for j in model.jobs if j["id"] == job_id)
                        gate = gates.pop(job_id, None)
                        finished += 1
                        if ok:
                            model.succeed(job, "result %d" % finished)
                            done.append("%s returns 'result %d'" % (job_id, finished))
                            if gate is not None and not gate.done():
                                gate.set_result("result %d" % finished)
                        else:
                            model.fail(job, "error %d" % finished, clock.now)
                            done.append("%s raises %s('error %d')" % (job_id, error_class.__name__, finished))
                            if gate is not None and not gate.done():
                                gate.set_exception(error_class("error %d" % finished))
                else:
                    clock.now += step[1]
                    done.append("advance to %s ms" % clock.now)
            except Exception as error:  # noqa: BLE001 - a divergence like any other
                return "%s: %s raised %r" % (header, ", ".join(done), error)
            await settled()
            where = "%s: %s" % (header, ", ".join(done))
            if calls != model.calls:
                return "%s: handler calls (id#attempt) expected %s, got %s" % (where, model.calls, calls)
            for job in model.jobs:
                try:
                    info = q.get(job["id"])
                except Exception as error:  # noqa: BLE001
                    return "%s: get(%r) raised %r" % (where, job["id"], error)
                for field in JOB_FIELDS:
                    got = getattr(info, field, "<missing>")
                    if got != job[field]:
                        return "%s: get(%r).%s expected %r, got %r" % (where, job["id"], field, job[field], got)
            try:
                metrics = counts(q.metrics())
            except Exception as error:  # noqa: BLE001
                return "%s: metrics() raised %r" % (where, error)
            if metrics != model.metrics():
                return "%s: metrics() expected %s, got %s" % (where, model.metrics(), metrics)
        return None
    except Exception as error:  # noqa: BLE001
        return "%s raised %r" % (header, error)
    finally:
        for gate in gates.values():
            gate.cancel()
        await settled()


async def shrink(concurrency, retry, steps, problem):
    """Drops steps one at a time while the scenario still diverges, so the failure reads short."""
    smaller = True
    while smaller:
        smaller = False
        for i in range(len(steps)):
            candidate = steps[:i] + steps[i + 1:]
            found = await divergence(concurrency, retry, candidate) if candidate else None
            if found:
                steps, problem, smaller = candidate, found, True
                break
    return steps, problem


class ModelTest(unittest.TestCase):
    """JobQueue — model"""

    def test_model(self):
        """[model] agrees with a model over random enqueues, run_due calls, finishing attempts and clock steps"""
        seed = 14

        async def body():
            rng = random.Random(seed)
            for scenario in range(1, 101):
                concurrency, retry, steps = random_scenario(rng)
                problem = await divergence(concurrency, retry, steps)
                if problem:
                    shorter, problem = await shrink(concurrency, retry, steps, problem)
                    self.fail("%s (seed %d, scenario %d, shrunk from %d to %d steps)"
                              % (problem, seed, scenario, len(steps), len(shorter)))

        run_test(body)


if __name__ == "__main__":
    unittest.main()
