import asyncio
import random
import types
import unittest

from solution import BoundedBuffer, BufferClosedError, TimeoutError


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
    """Runs an async test body on the virtual-time loop, then cancels whatever it left waiting."""

    async def main():
        try:
            return await body()
        finally:
            leftovers = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in leftovers:
                task.cancel()
            if leftovers:
                await asyncio.wait(leftovers, timeout=1)

    return run(main())


class FakeTimers:
    """Timers the test drives by hand: nothing fires until advance() is called."""

    def __init__(self):
        self.now = 0
        self.started = 0  # how many timers were ever started; handles are 1, 2, ...
        self.pending = {}  # handle -> (due time, callback)

    def set_timeout(self, callback, ms):
        self.started += 1
        handle = self.started
        self.pending[handle] = (self.now + ms, callback)
        return handle

    def clear_timeout(self, handle):
        self.pending.pop(handle, None)

    def advance(self, ms):
        target = self.now + ms
        while True:
            due = [(at, handle) for handle, (at, _) in self.pending.items() if at <= target]
            if not due:
                break
            at, handle = min(due)
            _, callback = self.pending.pop(handle)
            self.now = at
            callback()
        self.now = target


async def flush():
    """Lets every ready callback run, so whatever can finish without time passing has finished."""
    loop = asyncio.get_running_loop()
    for _ in range(1000):
        await asyncio.sleep(0)
        if not loop._ready:  # nothing left to run until a timer fires
            return


def track(awaitable):
    """Starts a put or take as a task without awaiting it, so one that never finishes cannot hang a test."""
    task = asyncio.ensure_future(awaitable)
    task.add_done_callback(lambda t: t.cancelled() or t.exception())
    return task


def outcome(task):
    """How a tracked put or take ended: 'pending', 'returned <value>' or 'raised <exception class>'."""
    if not task.done():
        return "pending"
    if task.cancelled():
        return "cancelled"
    if task.exception() is not None:
        return "raised " + type(task.exception()).__name__
    return "returned %r" % (task.result(),)


def error_of(task):
    """The exception a tracked put or take raised, or None while it is pending or if it returned."""
    if not task.done() or task.cancelled():
        return None
    return task.exception()


async def settles(awaitable, what):
    """Awaits a put or take that should finish without time passing; fails instead of hanging if it does not."""
    task = track(awaitable)
    await flush()
    if not task.done():
        raise AssertionError("%s should have finished" % what)
    return task.result()


async def take_n(buf, n):
    """Takes n items one after another; each must be there at once."""
    return [await settles(buf.take(), "take #%d" % (i + 1)) for i in range(n)]


def constructor_error(**options):
    """The exception BoundedBuffer(**options) raises, or None."""
    try:
        BoundedBuffer(**options)
    except Exception as error:  # noqa: BLE001 - the tests check its type
        return error
    return None


class ConstructionTest(unittest.TestCase):
    """BoundedBuffer — construction"""

    def test_rejects_bad_capacity(self):
        """[R25] rejects a capacity that is not a positive integer with ValueError naming capacity"""
        for bad in (0, -1, 1.5, float("nan"), float("inf")):
            with self.subTest(capacity=bad):
                error = constructor_error(capacity=bad)
                self.assertIsInstance(error, ValueError, "capacity %r should raise ValueError" % (bad,))
                self.assertMessage(error, "capacity", msg="the message names capacity")

    def test_rejects_unknown_strategy(self):
        """[R26] rejects an unknown strategy with ValueError naming strategy"""
        error = constructor_error(capacity=1, strategy="random")
        self.assertIsInstance(error, ValueError, "strategy 'random' should raise ValueError")
        self.assertMessage(error, "strategy", msg="the message names strategy")

    def test_names_allowed_strategies(self):
        """[R26] names the three allowed strategies when it rejects an unknown one"""
        self.assertMessage(constructor_error(capacity=1, strategy="random"), "strategy", "fifo", "lifo", "priority",
                           msg="each allowed strategy as a word of its own")

    def test_priority_needs_function(self):
        """[R27] requires a priority function for the 'priority' strategy"""
        for bad in (None, 5):
            with self.subTest(priority=bad):
                error = constructor_error(capacity=1, strategy="priority", priority=bad)
                self.assertIsInstance(error, TypeError, "priority=%r should raise TypeError" % (bad,))
                self.assertMessage(error, "priority", msg="the message names priority")

    def test_keyword_arguments_only(self):
        """[R24] takes its options as keyword arguments only: a positional argument raises TypeError"""
        for args in ((None,), (5,), ({"capacity": 1},)):
            with self.subTest(args=args):
                with self.assertRaises(TypeError, msg="BoundedBuffer(%r) should raise TypeError" % (args[0],)):
                    BoundedBuffer(*args)

    def test_capacity_is_required(self):
        """[R24] raises TypeError naming capacity when it is not given"""
        error = constructor_error()
        self.assertIsInstance(error, TypeError, "BoundedBuffer() should raise TypeError")
        self.assertMessage(error, "capacity", msg="the message names capacity")

    def test_rejects_incomplete_timers(self):
        """[R28] rejects timers without both set_timeout and clear_timeout functions with TypeError naming timers"""

        def fn(*args):
            return None

        cases = [
            ("object()", object()),
            ("an empty dict", {}),
            ("set_timeout only", types.SimpleNamespace(set_timeout=fn)),
            ("clear_timeout only", types.SimpleNamespace(clear_timeout=fn)),
            ("set_timeout not callable", types.SimpleNamespace(set_timeout=1, clear_timeout=fn)),
        ]
        for what, timers in cases:
            with self.subTest(timers=what):
                error = constructor_error(capacity=1, timers=timers)
                self.assertIsInstance(error, TypeError, "timers %s should raise TypeError" % what)
                self.assertMessage(error, "timers", msg="the message names timers")

    def test_error_classes(self):
        """[R23] keeps the given error classes: each has its class name and a default message"""
        self.assertEqual(BufferClosedError.__name__, "BufferClosedError")
        self.assertEqual(TimeoutError.__name__, "TimeoutError")
        self.assertTrue(issubclass(BufferClosedError, Exception), "BufferClosedError is an Exception")
        self.assertTrue(issubclass(TimeoutError, Exception), "TimeoutError is an Exception")
        self.assertMessage(BufferClosedError(), "closed", msg="BufferClosedError has a default message")
        self.assertMessage(TimeoutError(), "timed out", msg="TimeoutError has a default message")

    def test_properties(self):
        """[R22 capacity, size, closed] exposes capacity, size and closed"""

        async def body():
            buf = BoundedBuffer(capacity=4)
            self.assertEqual(buf.capacity, 4, "capacity is the capacity given")
            self.assertEqual(buf.size, 0, "nothing stored yet")
            self.assertEqual(buf.closed, False, "not closed yet")
            await settles(buf.put("a"), "put('a')")
            await settles(buf.put("b"), "put('b')")
            self.assertEqual(buf.size, 2, "two items stored")
            buf.close()
            self.assertEqual(buf.closed, True, "closed after close()")
            self.assertEqual(buf.capacity, 4, "capacity does not change")

        run_test(body)


class BackpressureTest(unittest.TestCase):
    """BoundedBuffer — backpressure"""

    def test_capped_at_capacity(self):
        """[R2][R3] never holds more than capacity items, however many producers push"""

        async def body():
            buf = BoundedBuffer(capacity=3)
            puts = [track(buf.put(n)) for n in (1, 2, 3, 4, 5, 6)]
            await flush()
            self.assertEqual(buf.size, 3, "size is capped at capacity")
            self.assertEqual([outcome(p) for p in puts], ["returned None"] * 3 + ["pending"] * 3,
                             "first three accepted, last three waiting")

        run_test(body)

    def test_admits_one_per_slot_in_order(self):
        """[R4][R5] admits blocked producers one per freed slot, in the order they called put"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            await settles(buf.put("a"), "put('a')")
            b = track(buf.put("b"))
            c = track(buf.put("c"))
            await flush()
            self.assertEqual(await settles(buf.take(), "take()"), "a")
            await flush()
            self.assertEqual([outcome(b), outcome(c)], ["returned None", "pending"], "only 'b' gets the freed slot")
            self.assertEqual(buf.size, 1)
            self.assertEqual(await settles(buf.take(), "take()"), "b", "'b' called put before 'c'")
            await flush()
            self.assertEqual(outcome(c), "returned None")
            self.assertEqual(await settles(buf.take(), "take()"), "c")

        run_test(body)

    def test_hands_put_to_waiting_consumer(self):
        """[R1] hands a put straight to a waiting consumer without storing it"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            taker = track(buf.take())
            await flush()
            put = track(buf.put("x"))
            await flush()
            self.assertEqual(outcome(put), "returned None", "put returns at once when a consumer waits")
            self.assertEqual(outcome(taker), "returned 'x'")
            self.assertEqual(buf.size, 0, "the item went to the consumer, not the buffer")

        run_test(body)

    def test_consumers_in_call_order(self):
        """[R9][R1] serves waiting consumers in the order they called take"""

        async def body():
            buf = BoundedBuffer(capacity=2)
            first = track(buf.take())
            second = track(buf.take())
            third = track(buf.take())
            await flush()
            await settles(buf.put(10), "put(10)")
            await settles(buf.put(20), "put(20)")
            await flush()
            self.assertEqual([outcome(first), outcome(second), outcome(third)],
                             ["returned 10", "returned 20", "pending"], "oldest waiter first")
            await settles(buf.put(30), "put(30)")
            await flush()
            self.assertEqual(outcome(third), "returned 30")

        run_test(body)


class StrategiesTest(unittest.TestCase):
    """BoundedBuffer — strategies"""

    def test_lifo(self):
        """[R6] lifo takes the newest item first"""

        async def body():
            buf = BoundedBuffer(capacity=5, strategy="lifo")
            for n in (1, 2, 3):
                await settles(buf.put(n), "put(%d)" % n)
            self.assertEqual(await take_n(buf, 3), [3, 2, 1])

        run_test(body)

    def test_lifo_blocked_item_does_not_compete(self):
        """[R8][R6] lifo: a blocked item does not compete for the take that frees its slot"""

        async def body():
            buf = BoundedBuffer(capacity=2, strategy="lifo")
            await settles(buf.put("a"), "put('a')")
            await settles(buf.put("b"), "put('b')")
            c = track(buf.put("c"))
            await flush()
            self.assertEqual(await settles(buf.take(), "take()"), "b", "'c' is not in the buffer when this take runs")
            await flush()
            self.assertEqual(outcome(c), "returned None")
            self.assertEqual(await take_n(buf, 2), ["c", "a"], "then 'c' (newest) and 'a'")

        run_test(body)

    def test_priority_any_number(self):
        """[R7] priority: higher numbers first, including negative and fractional priorities"""

        async def body():
            buf = BoundedBuffer(capacity=10, strategy="priority", priority=lambda n: n)
            for n in (0, -3, 2.5, 7, -0.5, 2):
                await settles(buf.put(n), "put(%r)" % n)
            self.assertEqual(await take_n(buf, 6), [7, 2.5, 2, 0, -0.5, -3])

        run_test(body)

    def test_priority_stable(self):
        """[R7] priority is stable: equal priorities come out in the order they were stored"""

        async def body():
            buf = BoundedBuffer(capacity=10, strategy="priority", priority=lambda s: 1 if s.startswith("hi") else 0)
            for s in ("lo1", "hi1", "lo2", "hi2", "lo3", "hi3"):
                await settles(buf.put(s), "put(%r)" % s)
            self.assertEqual(await take_n(buf, 6), ["hi1", "hi2", "hi3", "lo1", "lo2", "lo3"])

        run_test(body)

    def test_priority_jumps_queue(self):
        """[R7] priority: an item stored later with a higher priority jumps the queue"""

        async def body():
            buf = BoundedBuffer(capacity=10, strategy="priority", priority=lambda n: n)
            await settles(buf.put(1), "put(1)")
            await settles(buf.put(2), "put(2)")
            self.assertEqual(await settles(buf.take(), "take()"), 2)
            await settles(buf.put(5), "put(5)")
            await settles(buf.put(1.5), "put(1.5)")
            self.assertEqual(await take_n(buf, 3), [5, 1.5, 1])

        run_test(body)

    def test_priority_blocked_item_waits(self):
        """[R8][R3] priority: a blocked high-priority item waits for a slot like any other"""

        async def body():
            buf = BoundedBuffer(capacity=2, strategy="priority", priority=lambda n: n)
            await settles(buf.put(1), "put(1)")
            await settles(buf.put(2), "put(2)")
            urgent = track(buf.put(100))
            await flush()
            self.assertEqual(await settles(buf.take(), "take()"), 2, "only stored items compete")
            await flush()
            self.assertEqual(outcome(urgent), "returned None")
            self.assertEqual(await take_n(buf, 2), [100, 1])

        run_test(body)


class CloseTest(unittest.TestCase):
    """BoundedBuffer — close"""

    def test_put_after_close(self):
        """[R19][R21 put] fails puts after close with BufferClosedError and stores nothing"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            buf.close()
            try:
                pending = buf.put(1)
            except Exception as error:  # noqa: BLE001
                self.fail("put(1) must fail when awaited, not raise %r at the call" % error)
            put = track(pending)
            await flush()
            self.assertIsInstance(error_of(put), BufferClosedError, "put after close")
            self.assertEqual(buf.size, 0, "nothing stored")

        run_test(body)

    def test_drains_then_fails(self):
        """[R20][R5] lets consumers drain every stored item in strategy order, then fails"""

        async def body():
            buf = BoundedBuffer(capacity=3)
            for n in (1, 2, 3):
                await settles(buf.put(n), "put(%d)" % n)
            buf.close()
            self.assertEqual(await take_n(buf, 3), [1, 2, 3], "closing keeps accepted work")
            end = track(buf.take())
            await flush()
            self.assertIsInstance(error_of(end), BufferClosedError, "drained and closed")

        run_test(body)

    def test_fails_waiting_consumers(self):
        """[R18] fails consumers already waiting when it closes"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            a = track(buf.take())
            b = track(buf.take())
            await flush()
            buf.close()
            await flush()
            self.assertIsInstance(error_of(a), BufferClosedError, "first waiter")
            self.assertIsInstance(error_of(b), BufferClosedError, "second waiter")

        run_test(body)

    def test_fails_blocked_producers(self):
        """[R17] fails blocked producers when it closes and never stores their items"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            await settles(buf.put("kept"), "put('kept')")
            blocked = track(buf.put("dropped"))
            await flush()
            buf.close()
            await flush()
            self.assertIsInstance(error_of(blocked), BufferClosedError, "blocked put")
            self.assertEqual(await settles(buf.take(), "take()"), "kept")
            end = track(buf.take())
            await flush()
            self.assertIsInstance(error_of(end), BufferClosedError, "'dropped' was never accepted")

        run_test(body)

    def test_put_after_close_message(self):
        """[R30 put][R19] fails a put after close with a BufferClosedError whose message says the buffer is closed"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            buf.close()
            put = track(buf.put(1))
            await flush()
            self.assertIsInstance(error_of(put), BufferClosedError)
            self.assertMessage(error_of(put), "closed", msg="the message says why the put failed")

        run_test(body)

    def test_drained_take_message(self):
        """[R30 take][R20] fails a take on a closed, drained buffer with a message saying it is closed"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            buf.close()
            end = track(buf.take())
            await flush()
            self.assertIsInstance(error_of(end), BufferClosedError, "end of stream")
            self.assertMessage(error_of(end), "closed")

        run_test(body)

    def test_blocked_producer_message(self):
        """[R30 put][R17] fails a blocked producer on close with a message saying the buffer closed"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            await settles(buf.put(1), "put(1)")
            blocked = track(buf.put(2))
            await flush()
            buf.close()
            await flush()
            self.assertIsInstance(error_of(blocked), BufferClosedError, "blocked put")
            self.assertMessage(error_of(blocked), "closed")

        run_test(body)

    def test_waiting_consumer_message(self):
        """[R30 take][R18] fails a waiting consumer on close with a message saying the buffer closed"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            waiting = track(buf.take())
            await flush()
            buf.close()
            await flush()
            self.assertIsInstance(error_of(waiting), BufferClosedError, "waiting take")
            self.assertMessage(error_of(waiting), "closed")

        run_test(body)

    def test_idempotent(self):
        """[R16] is idempotent"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            await settles(buf.put(1), "put(1)")
            buf.close()
            try:
                buf.close()
            except Exception as error:  # noqa: BLE001
                self.fail("closing twice should be harmless, but it raised %r" % error)
            self.assertEqual(buf.closed, True)
            self.assertEqual(await settles(buf.take(), "take()"), 1, "the stored item can still be taken")

        run_test(body)


class TimeoutsTest(unittest.TestCase):
    """BoundedBuffer — timeouts"""

    def test_not_one_tick_early(self):
        """[R10] does not time out one tick early"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            taken = track(buf.take(timeout_ms=250))
            await flush()
            timers.advance(249)
            await flush()
            self.assertEqual(outcome(taken), "pending", "still waiting at 249 ms")
            timers.advance(1)
            await flush()
            self.assertIsInstance(error_of(taken), TimeoutError, "timed out at 250 ms")

        run_test(body)

    def test_timed_out_consumer_leaves_queue(self):
        """[R10] removes a timed-out consumer so the next item is not lost"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            gone = track(buf.take(timeout_ms=10))
            patient = track(buf.take())
            await flush()
            timers.advance(10)
            await flush()
            self.assertIsInstance(error_of(gone), TimeoutError)
            await settles(buf.put("item"), "put('item')")
            await flush()
            self.assertEqual(outcome(patient), "returned 'item'", "the item goes to the consumer still waiting")

        run_test(body)

    def test_timed_out_consumer_leaves_item_stored(self):
        """[R10] a timed-out consumer leaves the next item in the buffer when nobody else waits"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            track(buf.take(timeout_ms=5))
            await flush()
            timers.advance(5)
            await flush()
            await settles(buf.put("later"), "put('later')")
            self.assertEqual(buf.size, 1, "the item is stored, not handed to the timed-out take")
            self.assertEqual(await settles(buf.take(), "take()"), "later")

        run_test(body)

    def test_cancels_timer_when_satisfied(self):
        """[R11] cancels the timer when the take is satisfied"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            taken = track(buf.take(timeout_ms=1000))
            await flush()
            await settles(buf.put(7), "put(7)")
            await flush()
            self.assertEqual(outcome(taken), "returned 7")
            self.assertEqual(len(timers.pending), 0, "no timer should outlive a satisfied take")

        run_test(body)

    def test_no_timer_when_item_available(self):
        """[R12] starts no timer when an item is already available"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            await settles(buf.put(3), "put(3)")
            taken = track(buf.take(timeout_ms=50))
            await flush()
            self.assertEqual(outcome(taken), "returned 3")
            self.assertEqual(timers.started, 0, "no timer for a take served at once")

        run_test(body)

    def test_no_timer_when_closed_and_empty(self):
        """[R12] starts no timer for a timed take on a closed, empty buffer"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            buf.close()
            taken = track(buf.take(timeout_ms=50))
            await flush()
            self.assertIsInstance(error_of(taken), BufferClosedError, "closed and empty")
            self.assertEqual(timers.started, 0, "no timer for a take that fails at once")

        run_test(body)

    def test_close_cancels_timed_take(self):
        """[R11][R18] close fails a timed take with BufferClosedError and cancels its timer"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            taken = track(buf.take(timeout_ms=100))
            await flush()
            buf.close()
            await flush()
            self.assertIsInstance(error_of(taken), BufferClosedError, "closed, not timed out")
            self.assertEqual(len(timers.pending), 0, "timer cancelled by close")

        run_test(body)

    def test_zero_timeout(self):
        """[R14] timeout_ms 0 on an empty buffer fails when the timer fires"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            taken = track(buf.take(timeout_ms=0))
            await flush()
            self.assertEqual(outcome(taken), "pending", "nothing fails before the timer fires")
            timers.advance(0)
            await flush()
            self.assertIsInstance(error_of(taken), TimeoutError)

        run_test(body)

    def test_timeout_message(self):
        """[R30 take][R10] fails a timed-out take with a TimeoutError whose message gives the timeout in ms"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            taken = track(buf.take(timeout_ms=250))
            await flush()
            timers.advance(250)
            await flush()
            error = error_of(taken)
            self.assertIsInstance(error, TimeoutError, "the given TimeoutError class")
            self.assertMessage(error, 250, msg="the message says how long the take waited")

        run_test(body)

    def test_no_timer_without_timeout(self):
        """[R12] starts no timer for a take without timeout_ms"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            taken = track(buf.take())
            await flush()
            self.assertEqual(timers.started, 0, "an untimed take waits without a timer")
            await settles(buf.put(1), "put(1)")
            await flush()
            self.assertEqual(outcome(taken), "returned 1")

        run_test(body)

    def test_clears_only_live_handles(self):
        """[R13] calls clear_timeout only with handles of its own timers that have neither fired nor been cleared"""

        async def body():
            fake = FakeTimers()
            issued = []
            cleared = []

            def set_timeout(callback, ms):
                handle = fake.set_timeout(callback, ms)
                issued.append(handle)
                return handle

            def clear_timeout(handle):
                cleared.append(handle)
                fake.clear_timeout(handle)

            buf = BoundedBuffer(capacity=1, timers=types.SimpleNamespace(set_timeout=set_timeout,
                                                                         clear_timeout=clear_timeout))
            untimed = track(buf.take())
            timed = track(buf.take(timeout_ms=100))
            await flush()
            await settles(buf.put(1), "put(1)")  # served to the untimed take: no timer to cancel
            await settles(buf.put(2), "put(2)")  # served to the timed take: cancels issued[0]
            await flush()
            self.assertEqual([outcome(untimed), outcome(timed)], ["returned 1", "returned 2"])
            expires = track(buf.take(timeout_ms=10))
            await flush()
            fake.advance(10)  # fires issued[1]: nothing to cancel
            await flush()
            self.assertIsInstance(error_of(expires), TimeoutError)
            closing = track(buf.take(timeout_ms=100))
            await flush()
            buf.close()  # cancels issued[2]
            buf.close()
            await flush()
            self.assertIsInstance(error_of(closing), BufferClosedError)
            self.assertEqual(len(issued), 3, "one timer per timed take that had to wait")
            self.assertEqual(cleared, [issued[0], issued[2]],
                             "only the satisfied and the closed timed takes cancel their timers")

        run_test(body)

    def test_removes_from_middle_of_queue(self):
        """[R10][R9] removes a timed-out consumer from the middle of the queue so no item is lost"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            first = track(buf.take())
            gone = track(buf.take(timeout_ms=10))
            last = track(buf.take())
            await flush()
            timers.advance(10)
            await flush()
            self.assertIsInstance(error_of(gone), TimeoutError)
            await settles(buf.put("x"), "put('x')")
            await settles(buf.put("y"), "put('y')")
            await flush()
            self.assertEqual([outcome(first), outcome(last)], ["returned 'x'", "returned 'y'"],
                             "the two consumers still waiting get both items")
            self.assertEqual(buf.size, 0, "nothing left behind")

        run_test(body)

    def test_default_timers_are_the_event_loop(self):
        """[R15] uses the running event loop's timers when no timers are given"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            taken = track(buf.take(timeout_ms=250))
            await asyncio.sleep(0.249)
            await flush()
            self.assertEqual(outcome(taken), "pending", "still waiting after 249 ms of loop time")
            await asyncio.sleep(0.002)
            await flush()
            self.assertIsInstance(error_of(taken), TimeoutError, "timed out by 251 ms of loop time")

        run_test(body)

    def test_rejects_bad_timeout_when_awaited(self):
        """[R29][R21 take] fails a take with an invalid timeout_ms with ValueError when awaited, not at the call"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            for bad in (-1, float("nan"), float("inf"), "5"):
                with self.subTest(timeout_ms=bad):
                    try:
                        pending = buf.take(timeout_ms=bad)
                    except Exception as error:  # noqa: BLE001
                        self.fail("take(timeout_ms=%r) must fail when awaited, not raise %r at the call" % (bad, error))
                    taken = track(pending)
                    await flush()
                    self.assertIsInstance(error_of(taken), ValueError, "timeout_ms %r" % (bad,))
                    self.assertMessage(error_of(taken), "timeout_ms", msg="the message names timeout_ms")
            self.assertEqual(timers.started, 0, "no timer for a take that fails at once")

        run_test(body)


class ProducersAndConsumersTest(unittest.TestCase):
    """BoundedBuffer — producers and consumers together"""

    def test_every_item_once_then_shutdown(self):
        """[R4][R20] delivers every item exactly once, each producer in order, then shuts down cleanly"""

        async def body():
            buf = BoundedBuffer(capacity=2)
            received = [[], []]
            endings = []

            async def producer(name):
                for i in range(15):
                    await buf.put("%s%d" % (name, i))

            async def consumer(slot):
                while True:
                    try:
                        received[slot].append(await buf.take())
                    except Exception as error:  # noqa: BLE001 - the test checks which one
                        endings.append(error)
                        return

            consumers = [track(consumer(0)), track(consumer(1))]
            await settles(asyncio.gather(*(producer(name) for name in "abc")), "all producers")
            buf.close()
            await settles(asyncio.gather(*consumers), "all consumers after close")
            for error in endings:
                self.assertIsInstance(error, BufferClosedError, "consumers stop on BufferClosedError")
            everything = received[0] + received[1]
            self.assertEqual(len(everything), 45, "45 items delivered")
            self.assertEqual(len(set(everything)), 45, "no item delivered twice")
            for name in "abc":
                mine = [s for s in everything if s[0] == name]
                self.assertEqual(len(mine), 15, "all of %s's items delivered" % name)
                for seen in received:
                    numbers = [int(s[1:]) for s in seen if s[0] == name]
                    self.assertEqual(numbers, sorted(numbers), "each consumer sees %s's items in order" % name)

        run_test(body)


# ---------------------------------------------------------------------------------------------------------
# The model test.


def priority_of(item):
    """Ties on purpose (priority 0, 1 or 2), so "among equal priorities, stored first" is exercised."""
    return item % 3


class CheckedTimers(FakeTimers):
    """Fake timers that also report a clear_timeout of a handle that is not a live timer of theirs."""

    def __init__(self):
        super().__init__()
        self.misuse = None

    def clear_timeout(self, handle):
        if handle not in self.pending and self.misuse is None:
            started = isinstance(handle, int) and 1 <= handle <= self.started
            self.misuse = "clear_timeout(%r) of a timer that %s" % (
                handle, "had fired or was cancelled" if started else "it never started")
        self.pending.pop(handle, None)


class ModelBuffer:
    """The statement, literally: stored items, waiting puts and takes in call order, timers by due time."""

    def __init__(self, capacity, strategy):
        self.capacity = capacity
        self.strategy = strategy
        self.items = []  # in the order stored
        self.puts = []  # (call number, item) in call order
        self.takes = []  # (call number, timer number or None) in call order
        self.timers = []  # (due time, timer number, call number)
        self.timer_count = 0
        self.now = 0
        self.closed = False
        self.outcome = []  # per call number: 'pending', 'returned 3', 'raised TimeoutError'

    def cancel(self, timer):
        self.timers = [t for t in self.timers if t[1] != timer]

    def put(self, item):
        call = len(self.outcome)
        self.outcome.append("pending")
        if self.closed:
            self.outcome[call] = "raised BufferClosedError"
        elif self.takes:
            taker, timer = self.takes.pop(0)
            self.cancel(timer)
            self.outcome[taker] = "returned %r" % item
            self.outcome[call] = "returned None"
        elif len(self.items) < self.capacity:
            self.items.append(item)
            self.outcome[call] = "returned None"
        else:
            self.puts.append((call, item))

    def take(self, timeout_ms):
        call = len(self.outcome)
        self.outcome.append("pending")
        if self.items:
            self.outcome[call] = "returned %r" % self.remove_next()
            if self.puts:
                putter, item = self.puts.pop(0)
                self.items.append(item)
                self.outcome[putter] = "returned None"
        elif self.closed:
            self.outcome[call] = "raised BufferClosedError"
        else:
            timer = None
            if timeout_ms is not None:
                timer = self.timer_count
                self.timer_count += 1
                self.timers.append((self.now + timeout_ms, timer, call))
            self.takes.append((call, timer))

    def remove_next(self):
        index = 0
        if self.strategy == "lifo":
            index = len(self.items) - 1
        if self.strategy == "priority":
            for i in range(1, len(self.items)):
                if priority_of(self.items[i]) > priority_of(self.items[index]):
                    index = i
        return self.items.pop(index)

    def close(self):
        if self.closed:
            return
        self.closed = True
        for putter, _ in self.puts:
            self.outcome[putter] = "raised BufferClosedError"
        for taker, timer in self.takes:
            self.cancel(timer)
            self.outcome[taker] = "raised BufferClosedError"
        self.puts = []
        self.takes = []

    def advance(self, ms):
        target = self.now + ms
        while True:
            due = sorted(t for t in self.timers if t[0] <= target)
            if not due:
                break
            at, timer, taker = due[0]
            self.cancel(timer)
            self.now = at
            self.takes = [t for t in self.takes if t[0] != taker]
            self.outcome[taker] = "raised TimeoutError"
        self.now = target


def random_scenario(rng):
    """Capacity 1..3, a strategy, and up to 25 steps weighted towards full and empty buffers and timeouts."""
    steps = []
    for _ in range(rng.randint(1, 25)):
        kind = rng.choices(("put", "take", "advance", "close"), weights=(4, 4, 2, 1))[0]
        if kind == "put":
            steps.append(("put", rng.randint(1, 9)))
        elif kind == "take":
            steps.append(("take", rng.choice((None, None, 0, 1, 2.5, 5))))
        elif kind == "advance":
            steps.append(("advance", rng.randint(0, 6)))
        else:
            steps.append(("close", None))
    return rng.randint(1, 3), rng.choice(("fifo", "lifo", "priority")), steps


def step_text(step):
    kind, arg = step
    if kind == "put":
        return "put(%r)" % arg
    if kind == "take":
        return "take()" if arg is None else "take(timeout_ms=%r)" % arg
    if kind == "advance":
        return "advance(%r ms)" % arg
    return "close()"


async def divergence(capacity, strategy, steps):
    """Runs a scenario on the solution and the model; describes the first step after which they differ."""
    header = "BoundedBuffer(capacity=%d, strategy=%r, priority=lambda item: item %% 3)" % (capacity, strategy)
    timers = CheckedTimers()
    model = ModelBuffer(capacity, strategy)
    tasks = []
    calls = []
    done = []
    try:
        buf = BoundedBuffer(capacity=capacity, strategy=strategy, priority=priority_of, timers=timers)
        for step in steps:
            kind, arg = step
            label = "call #%d %s" % (len(calls) + 1, step_text(step)) if kind in ("put", "take") else step_text(step)
            done.append(label)
            where = "%s: %s" % (header, ", ".join(done))
            try:
                if kind == "put":
                    calls.append(label)
                    model.put(arg)
                    tasks.append(track(buf.put(arg)))
                elif kind == "take":
                    calls.append(label)
                    model.take(arg)
                    tasks.append(track(buf.take() if arg is None else buf.take(timeout_ms=arg)))
                elif kind == "close":
                    model.close()
                    buf.close()
                else:
                    model.advance(arg)
                    timers.advance(arg)
            except Exception as error:  # noqa: BLE001 - a divergence like any other
                return "%s raised %r" % (where, error)
            await flush()
            for i, task in enumerate(tasks):
                if outcome(task) != model.outcome[i]:
                    return "%s: %s expected %s, got %s" % (where, calls[i], model.outcome[i], outcome(task))
            try:
                size, closed = buf.size, buf.closed
            except Exception as error:  # noqa: BLE001
                return "%s: reading size or closed raised %r" % (where, error)
            if size != len(model.items):
                return "%s: size expected %d, got %r" % (where, len(model.items), size)
            if closed != model.closed:
                return "%s: closed expected %r, got %r" % (where, model.closed, closed)
            if timers.misuse:
                return "%s: %s" % (where, timers.misuse)
            if len(timers.pending) != len(model.timers):
                return "%s: live timers expected %d, got %d" % (where, len(model.timers), len(timers.pending))
        return None
    except Exception as error:  # noqa: BLE001
        return "%s raised %r" % (header, error)
    finally:
        for task in tasks:
            task.cancel()
        await flush()


async def shrink(capacity, strategy, steps, problem):
    """Drops steps one at a time while the scenario still diverges, so the failure reads short."""
    smaller = True
    while smaller:
        smaller = False
        for i in range(len(steps)):
            candidate = steps[:i] + steps[i + 1:]
            found = await divergence(capacity, strategy, candidate) if candidate else None
            if found:
                steps, problem, smaller = candidate, found, True
                break
    return steps, problem


class ModelTest(unittest.TestCase):
    """BoundedBuffer — model"""

    def test_model(self):
        """[model] agrees with a model over random interleaved puts, takes, timeouts, clock steps and close"""
        seed = 14

        async def body():
            rng = random.Random(seed)
            for scenario in range(1, 101):
                capacity, strategy, steps = random_scenario(rng)
                problem = await divergence(capacity, strategy, steps)
                if problem:
                    shorter, problem = await shrink(capacity, strategy, steps, problem)
                    self.fail("%s (seed %d, scenario %d, shrunk from %d to %d steps)"
                              % (problem, seed, scenario, len(steps), len(shorter)))

        run_test(body)


if __name__ == "__main__":
    unittest.main()
