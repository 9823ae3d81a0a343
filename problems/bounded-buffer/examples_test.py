import asyncio
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


class ExamplesTest(unittest.TestCase):
    """BoundedBuffer — examples"""

    def test_fifo_by_default(self):
        """hands items out first-in-first-out by default"""

        async def body():
            buf = BoundedBuffer(capacity=3)
            for n in (1, 2, 3):
                await settles(buf.put(n), "put(%d)" % n)
            self.assertEqual(buf.size, 3, "three items stored")
            taken = [await settles(buf.take(), "take()") for _ in range(3)]
            self.assertEqual(taken, [1, 2, 3], "FIFO order")

        run_test(body)

    def test_producer_waits_while_full(self):
        """makes a producer wait while the buffer is full (Example 1)"""

        async def body():
            buf = BoundedBuffer(capacity=2)
            await settles(buf.put("a"), "put('a')")
            await settles(buf.put("b"), "put('b')")
            blocked = track(buf.put("c"))
            await flush()
            self.assertEqual(outcome(blocked), "pending", "put into a full buffer should wait")
            self.assertEqual(buf.size, 2, "'c' is not in the buffer yet")
            self.assertEqual(await settles(buf.take(), "take()"), "a")
            await flush()
            self.assertEqual(outcome(blocked), "returned None", "the take made room, so the put completes")
            self.assertEqual(await settles(buf.take(), "take()"), "b")
            self.assertEqual(await settles(buf.take(), "take()"), "c")

        run_test(body)

    def test_consumer_waits_for_an_item(self):
        """makes a consumer wait until an item arrives"""

        async def body():
            buf = BoundedBuffer(capacity=1)
            taken = track(buf.take())
            await flush()
            self.assertEqual(outcome(taken), "pending", "take on an empty buffer should wait")
            await settles(buf.put("hello"), "put('hello')")
            await flush()
            self.assertEqual(outcome(taken), "returned 'hello'", "the waiting take receives the item")

        run_test(body)

    def test_priority_then_arrival(self):
        """takes the highest priority first, equal priorities in arrival order (Example 2)"""

        async def body():
            buf = BoundedBuffer(capacity=10, strategy="priority", priority=lambda job: job["p"])
            for job in ({"id": "x", "p": 1}, {"id": "y", "p": 5}, {"id": "z", "p": 5}):
                await settles(buf.put(job), "put(%r)" % job)
            ids = [(await settles(buf.take(), "take()"))["id"] for _ in range(3)]
            self.assertEqual(ids, ["y", "z", "x"], "priority 5 first (y stored before z), then x")

        run_test(body)

    def test_drain_after_close(self):
        """drains after close, then signals the end with BufferClosedError"""

        async def body():
            buf = BoundedBuffer(capacity=2, strategy="lifo")
            await settles(buf.put(1), "put(1)")
            await settles(buf.put(2), "put(2)")
            buf.close()
            self.assertEqual(await settles(buf.take(), "take()"), 2, "LIFO: newest first")
            self.assertEqual(await settles(buf.take(), "take()"), 1)
            with self.assertRaises(BufferClosedError, msg="empty and closed"):
                await settles(buf.take(), "take() on a closed, empty buffer")

        run_test(body)

    def test_take_times_out(self):
        """gives up a take after timeout_ms with TimeoutError"""

        async def body():
            timers = FakeTimers()
            buf = BoundedBuffer(capacity=1, timers=timers)
            taken = track(buf.take(timeout_ms=100))
            await flush()
            timers.advance(99)
            await flush()
            self.assertEqual(outcome(taken), "pending", "still waiting at 99 ms")
            timers.advance(1)
            await flush()
            self.assertIsInstance(error_of(taken), TimeoutError, "timed out at 100 ms")

        run_test(body)


if __name__ == "__main__":
    unittest.main()
