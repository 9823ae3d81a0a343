import asyncio
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


class ExamplesTest(unittest.TestCase):
    """JobQueue — examples"""

    def test_runs_a_job(self):
        """runs a job and records its result"""

        async def body():
            now = 0
            q = JobQueue(concurrency=1, clock=lambda: now)

            async def send(ctx):
                return "sent"

            job_id = q.enqueue(send)
            self.assertEqual(job_id, "job-1")
            self.assertEqual(q.get(job_id).status, "queued", "a new job waits for run_due")
            self.assertEqual(q.run_due(), 1, "one job started")
            self.assertEqual(q.get(job_id).status, "running")
            await settled()
            info = q.get(job_id)
            self.assertEqual(info.status, "succeeded")
            self.assertEqual(info.result, "sent")
            self.assertEqual(info.attempts, 1)

        run_test(body)

    def test_concurrency_and_priority(self):
        """starts at most `concurrency` jobs, highest priority first (Example 1)"""

        async def body():
            now = 0
            q = JobQueue(concurrency=2, clock=lambda: now)

            def returning(value):
                async def handler(ctx):
                    return value

                return handler

            a = q.enqueue(returning("A"))
            b = q.enqueue(returning("B"), priority=5)
            c = q.enqueue(returning("C"), priority=5)
            self.assertEqual(q.run_due(), 2, "two free slots")
            self.assertEqual([q.get(a).status, q.get(b).status, q.get(c).status], ["queued", "running", "running"])
            await settled()
            self.assertEqual(q.get(b).result, "B")
            self.assertEqual(q.run_due(), 1, "the low-priority job now gets a slot")
            await settled()
            self.assertEqual(q.get(a).status, "succeeded")

        run_test(body)

    def test_delayed_job(self):
        """holds a delayed job until its run_at"""

        async def body():
            clock = {"now": 0}
            q = JobQueue(concurrency=1, clock=lambda: clock["now"])

            async def later(ctx):
                return "later"

            job_id = q.enqueue(later, run_at=500)
            self.assertEqual(q.get(job_id).status, "delayed")
            self.assertEqual(q.run_due(), 0, "not due at t=0")
            clock["now"] = 500
            self.assertEqual(q.run_due(), 1, "due at t=500")

        run_test(body)

    def test_retries_with_backoff(self):
        """retries a failing job with exponential backoff, then fails it (Example 2)"""

        async def body():
            clock = {"now": 0}
            q = JobQueue(concurrency=1, clock=lambda: clock["now"], max_attempts=3, base_delay_ms=100, factor=3)

            async def send(ctx):
                raise RuntimeError("smtp down")

            job_id = q.enqueue(send)
            q.run_due()
            await settled()
            info = q.get(job_id)
            self.assertEqual(info.status, "retrying")
            self.assertEqual(info.run_at, 100, "first retry 100 ms after the failure")
            self.assertEqual(info.last_error, "smtp down")
            clock["now"] = 99
            self.assertEqual(q.run_due(), 0, "not due 1 ms early")
            clock["now"] = 100
            q.run_due()
            await settled()
            self.assertEqual(q.get(job_id).run_at, 400, "second delay is 100 × 3")
            clock["now"] = 400
            q.run_due()
            await settled()
            self.assertEqual(q.get(job_id).status, "failed", "three attempts used")
            self.assertEqual(q.metrics().attempts, 3)

        run_test(body)

    def test_metrics(self):
        """reports metrics by status"""

        async def body():
            now = 0
            q = JobQueue(concurrency=1, clock=lambda: now)

            async def work(ctx):
                return ctx.id

            q.enqueue(work)
            q.enqueue(work)
            q.enqueue(work, run_at=10)
            q.run_due()
            m = q.metrics()
            self.assertEqual([m.running, m.queued, m.delayed], [1, 1, 1], "one running, one queued, one delayed")

        run_test(body)


if __name__ == "__main__":
    unittest.main()
