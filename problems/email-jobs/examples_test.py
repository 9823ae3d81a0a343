import asyncio
import unittest

from solution import EmailJobTracker


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


class Call:
    """One mailer call, pending until the test settles it."""

    def __init__(self, to, message, future):
        self.to = to
        self.message = message
        self.future = future

    def resolve(self):
        self.future.set_result(None)

    def reject(self, error):
        self.future.set_exception(error)


class FakeMailer:
    """A mailer whose calls stay pending until the test settles them."""

    def __init__(self):
        self.calls = []

    def send(self, to, message):
        call = Call(to, message, asyncio.get_running_loop().create_future())
        self.calls.append(call)
        return call.future

    def call(self, to):
        for c in self.calls:
            if c.to == to:
                return c
        raise AssertionError(f"the mailer was never called for {to}")

    async def finish(self):
        """Resolves every call still in flight, so no job is left running when the test ends."""
        for _ in range(100):
            await tick()
            open_calls = [c for c in self.calls if not c.future.done()]
            if not open_calls:
                return
            for c in open_calls:
                c.resolve()


async def tick():
    """Give background work a few event-loop turns."""
    for _ in range(10):
        await asyncio.sleep(0)


NOT_DONE = "not done"


async def settled_soon(awaitable):
    """What the awaitable returns, or NOT_DONE instead of hanging when it does not finish within a few turns."""
    task = asyncio.ensure_future(awaitable)
    await tick()
    await tick()
    if not task.done():
        task.cancel()
        await asyncio.sleep(0)
        return NOT_DONE
    return task.result()


MSG = {"subject": "Hello", "body": "Thanks for your support."}


class ExamplesTest(unittest.TestCase):
    """email jobs: examples"""

    def test_returns_id_at_once_with_job_queued(self):
        """returns a job id at once, with the job queued"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["a@x.org", "b@x.org"], MSG)
            self.assertEqual(job_id, "job-1", "the first job is job-1")
            self.assertEqual(
                tracker.status(job_id),
                {"id": "job-1", "state": "queued", "total": 2, "sent": 0, "failed": 0, "pending": 2, "failures": []},
                "a queued job with two pending recipients",
            )
            await mailer.finish()

        run(scenario())

    def test_sends_to_every_recipient_in_background(self):
        """sends to every recipient in the background"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["a@x.org", "b@x.org"], MSG)
            await tick()
            self.assertEqual([c.to for c in mailer.calls], ["a@x.org", "b@x.org"], "one mailer call per recipient")
            self.assertEqual(mailer.calls[0].message, MSG, "the mailer gets the subject and body")
            self.assertEqual(tracker.status(job_id)["state"], "processing", "processing while emails are in flight")
            await mailer.finish()

        run(scenario())

    def test_completes_once_every_email_was_sent(self):
        """completes once every email was sent"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["a@x.org", "b@x.org"], MSG)
            await tick()
            mailer.call("a@x.org").resolve()
            mailer.call("b@x.org").resolve()
            final = await settled_soon(tracker.when_done(job_id))
            self.assertEqual(
                final,
                {"id": "job-1", "state": "completed", "total": 2, "sent": 2, "failed": 0, "pending": 0, "failures": []},
                "a completed job with both emails sent",
            )

        run(scenario())

    def test_counts_progress_while_job_runs(self):
        """counts progress while the job runs"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["a@x.org", "b@x.org", "c@x.org"], MSG)
            await tick()
            mailer.call("b@x.org").resolve()
            await tick()
            s = tracker.status(job_id)
            self.assertEqual([s["sent"], s["failed"], s["pending"]], [1, 0, 2], "sent, failed, pending")
            await mailer.finish()

        run(scenario())

    def test_lists_failed_recipient_and_still_completes(self):
        """lists a failed recipient and still completes the job"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["a@x.org", "b@x.org"], MSG)
            await tick()
            mailer.call("a@x.org").reject(Exception("mailbox full"))
            mailer.call("b@x.org").resolve()
            final = await settled_soon(tracker.when_done(job_id))
            self.assertIsNot(final, NOT_DONE, "when_done finishes once every recipient settled")
            self.assertEqual(final["state"], "completed", "one email went out, so the job completed")
            self.assertEqual(
                final["failures"], [{"recipient": "a@x.org", "error": "mailbox full"}], "the failure with its message"
            )

        run(scenario())


if __name__ == "__main__":
    unittest.main()
