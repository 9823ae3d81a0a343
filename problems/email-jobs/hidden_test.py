import asyncio
import math
import random
import re
import unittest

from solution import EmailJobTracker, UnknownJobError, ValidationError


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

    def __init__(self, mailer, to, message, future):
        self.mailer = mailer
        self.to = to
        self.message = message
        self.future = future

    def resolve(self):
        self.mailer.in_flight -= 1
        self.future.set_result(None)

    def reject(self, error):
        self.mailer.in_flight -= 1
        self.future.set_exception(error)


class FakeMailer:
    """A mailer whose calls stay pending until the test settles them."""

    def __init__(self):
        self.calls = []
        self.in_flight = 0
        self.max_in_flight = 0

    def send(self, to, message):
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        call = Call(self, to, message, asyncio.get_running_loop().create_future())
        self.calls.append(call)
        return call.future

    def call(self, to):
        for c in self.calls:
            if c.to == to:
                return c
        raise AssertionError(f"the mailer was never called for {to}")

    @property
    def recipients(self):
        return [c.to for c in self.calls]

    async def finish(self):
        """Resolves every call still in flight, so no job is left running when the test ends."""
        for _ in range(100):
            await tick()
            open_calls = [c for c in self.calls if not c.future.done()]
            if not open_calls:
                return
            for c in open_calls:
                c.resolve()


def done_future():
    """A mailer result that has already succeeded."""
    future = asyncio.get_running_loop().create_future()
    future.set_result(None)
    return future


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


MSG = {"subject": "Hello", "body": "Body"}


class SubmittingTest(unittest.TestCase):
    """email jobs: submitting"""

    def test_no_mailer_call_before_submit_returns(self):
        """[R8] does not call the mailer before submit returns"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["a@x.org"], MSG)
            self.assertEqual(len(mailer.calls), 0, "no mailer call during submit")
            self.assertEqual(tracker.status(job_id)["state"], "queued", "the job is queued when submit returns")
            await mailer.finish()

        run(scenario())

    def test_empty_list_creates_no_job(self):
        """[R1][R4] rejects an empty recipient list and creates no job"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            with self.assertRaises(ValidationError, msg="an empty list is refused"):
                tracker.submit([], MSG)
            self.assertEqual(tracker.submit(["a@x.org"], MSG), "job-1", "the failed submit used no job id")
            await mailer.finish()

        run(scenario())

    def test_missing_list_names_recipients(self):
        """[R1][R22] raises a ValidationError named "ValidationError" whose message names recipients for a missing list"""

        async def scenario():
            tracker = EmailJobTracker(FakeMailer().send)
            for bad in ([], None, "a@x.org"):
                with self.subTest(recipients=bad):
                    with self.assertRaises(ValidationError, msg=f"recipients {bad!r}: a ValidationError") as caught:
                        tracker.submit(bad, MSG)
                    self.assertEqual(type(caught.exception).__name__, "ValidationError", "the error's class name")
                    self.assertMessage(caught.exception, "recipients", msg=f"recipients {bad!r}: the message names recipients")

        run(scenario())

    def test_non_string_recipients(self):
        """[R2][R4] rejects recipients that are not strings, even when they print as a valid address"""

        class Printable:
            def __str__(self):
                return "b@x.org"

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            lookalikes = [
                ("an object whose str() is an address", Printable()),
                ("a one-element list", ["b@x.org"]),
                ("bytes", b"b@x.org"),
                ("a number", 42),
            ]
            for what, bad in lookalikes:
                with self.subTest(what):
                    with self.assertRaises(ValidationError, msg=f"{what}: a ValidationError"):
                        tracker.submit(["a@x.org", bad], MSG)
            self.assertEqual(tracker.submit(["a@x.org"], MSG), "job-1", "the rejected submits created no job")
            await mailer.finish()

        run(scenario())

    def test_malformed_addresses(self):
        """[R2] rejects malformed addresses and names the first bad one"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            bad_ones = [
                "plainaddress", "a@b", "@x.org", "a@@x.org", "a b@x.org", "a@x..org", "a@x.org.", "a@-x_y.org",
                "a@x.org\n", "\na@x.org", "",
            ]
            for bad in bad_ones:
                with self.subTest(address=bad):
                    with self.assertRaises(ValidationError, msg=f"{bad!r} is not a valid address") as caught:
                        tracker.submit(["ok@x.org", bad], MSG)
                    if bad.strip():
                        # A message may show the address escaped (repr shows "\\na@x.org"): then its domain is what is certain.
                        self.assertMessage(caught.exception, bad if bad == bad.strip() else "@x.org",
                                           msg="the message names the bad address")
            with self.assertRaises(ValidationError, msg="two bad addresses") as caught:
                tracker.submit(["ok@x.org", "first@bad", "second@worse"], MSG)
            self.assertMessage(caught.exception, "first@bad", msg="the message names the first bad address")
            self.assertEqual(
                tracker.submit(["first.last+tag@mail.x-y.co.uk"], MSG), "job-1", "a valid unusual address is accepted"
            )
            await mailer.finish()

        run(scenario())

    def test_empty_or_blank_subject(self):
        """[R3] rejects an empty or blank subject"""

        async def scenario():
            tracker = EmailJobTracker(FakeMailer().send)
            with self.assertRaises(ValidationError, msg="an empty subject is refused"):
                tracker.submit(["a@x.org"], {"subject": "", "body": "b"})
            with self.assertRaises(ValidationError, msg="a blank subject is refused"):
                tracker.submit(["a@x.org"], {"subject": "   ", "body": "b"})

        run(scenario())

    def test_missing_message_or_subject(self):
        """[R3][R4] rejects a missing message or a non-string subject with a ValidationError naming the subject"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            bad = [
                ("empty subject", {"subject": "", "body": "b"}),
                ("blank subject", {"subject": " \t ", "body": "b"}),
                ("no message", None),
                ("numeric subject", {"subject": 42, "body": "b"}),
                ("subject None", {"subject": None, "body": "b"}),
                ("missing subject", {"body": "b"}),
            ]
            for what, message in bad:
                with self.subTest(what):
                    with self.assertRaises(ValidationError, msg=f"{what}: a ValidationError") as caught:
                        tracker.submit(["a@x.org"], message)
                    self.assertMessage(caught.exception, "subject", msg=f"{what}: the message names the subject")
            self.assertEqual(tracker.submit(["a@x.org"], MSG), "job-1", "the rejected submits created no job")
            await mailer.finish()

        run(scenario())

    def test_duplicates_sent_once(self):
        """[R5] sends to duplicate addresses once, comparing case-insensitively and keeping the first spelling"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["Ann@X.org", "bob@x.org", "ann@x.org", "bob@x.org"], MSG)
            self.assertEqual(tracker.status(job_id)["total"], 2, "two distinct recipients")
            await tick()
            self.assertEqual(mailer.recipients, ["Ann@X.org", "bob@x.org"], "the first spelling, once each")
            await mailer.finish()

        run(scenario())

    def test_duplicates_compared_by_lower(self):
        """[R5] compares addresses by str.lower(), so "straße@x.de" and "STRASSE@x.de" are two recipients"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["straße@x.de", "STRASSE@x.de", "Strasse@x.de"], MSG)
            self.assertEqual(tracker.status(job_id)["total"], 2, '"straße" and "strasse" differ in lower case')
            await tick()
            self.assertEqual(mailer.recipients, ["straße@x.de", "STRASSE@x.de"], "one call per distinct address")
            await mailer.finish()

        run(scenario())

    def test_subject_and_body_passed(self):
        """[R6] passes the subject and body to the mailer for every recipient"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            tracker.submit(["a@x.org", "b@x.org"], {"subject": "Weekly digest", "body": "Three new posts"})
            await tick()
            for c in mailer.calls:
                self.assertEqual(
                    (c.message["subject"], c.message["body"]),
                    ("Weekly digest", "Three new posts"),
                    f"the subject and body sent to {c.to}",
                )
            self.assertEqual(len(mailer.calls), 2, "one call per recipient")
            await mailer.finish()

        run(scenario())

    def test_caller_list_changes_ignored(self):
        """[R9] is not affected by later changes to the caller's list"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            recipients = ["a@x.org", "b@x.org"]
            job_id = tracker.submit(recipients, MSG)
            recipients.append("c@x.org")
            recipients[0] = "z@x.org"
            await tick()
            self.assertEqual(mailer.recipients, ["a@x.org", "b@x.org"], "the addresses as submitted")
            self.assertEqual(tracker.status(job_id)["total"], 2, "the total as submitted")
            await mailer.finish()

        run(scenario())

    def test_job_ids_numbered(self):
        """[R7] numbers jobs job-1, job-2, ..."""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            ids = [tracker.submit(["a@x.org"], MSG), tracker.submit(["b@x.org"], MSG)]
            self.assertEqual(ids, ["job-1", "job-2"], "ids in creation order")
            await mailer.finish()

        run(scenario())


class SendingTest(unittest.TestCase):
    """email jobs: sending"""

    def test_failure_does_not_stop_others(self):
        """[R13] keeps sending to the others when one recipient fails"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send, concurrency=1)
            job_id = tracker.submit(["a@x.org", "b@x.org", "c@x.org"], MSG)
            await tick()
            mailer.call("a@x.org").reject(Exception("bounced"))
            await tick()
            mailer.call("b@x.org").resolve()
            await tick()
            mailer.call("c@x.org").resolve()
            final = await settled_soon(tracker.when_done(job_id))
            self.assertIsNot(final, NOT_DONE, "the job finishes")
            self.assertEqual([final["state"], final["sent"], final["failed"]], ["completed", 2, 1], "state, sent, failed")

        run(scenario())

    def test_mailer_raising_when_called(self):
        """[R13] records a mailer that raises when called as a failure and carries on"""

        async def scenario():
            sent = []

            def mailer(to, message):
                if to == "a@x.org":
                    raise RuntimeError("smtp down")
                sent.append(to)
                return done_future()

            tracker = EmailJobTracker(mailer)
            job_id = tracker.submit(["a@x.org", "b@x.org"], MSG)
            final = await settled_soon(tracker.when_done(job_id))
            self.assertIsNot(final, NOT_DONE, "the job finishes")
            self.assertEqual(sent, ["b@x.org"], "b@x.org is still sent")
            self.assertEqual(
                final["failures"], [{"recipient": "a@x.org", "error": "smtp down"}], "the failure with its message"
            )

        run(scenario())

    def test_error_text_is_str_of_exception(self):
        """[R13] uses str(error) as the error text, also when the exception's argument is not a string"""

        async def scenario():
            for reason, text in ((Exception("quota exceeded"), "quota exceeded"), (Exception(550), "550")):
                with self.subTest(reason=reason):

                    async def mailer(to, message):
                        raise reason

                    tracker = EmailJobTracker(mailer)
                    final = await settled_soon(tracker.when_done(tracker.submit(["a@x.org"], MSG)))
                    self.assertIsNot(final, NOT_DONE, "the job finishes")
                    self.assertEqual(
                        final["failures"], [{"recipient": "a@x.org", "error": text}], f"the error text {text!r}"
                    )

        run(scenario())

    def test_concurrency_limit(self):
        """[R11][R10] never has more than `concurrency` emails in flight, and starts the next as one settles"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send, concurrency=2)
            tracker.submit(["a@x.org", "b@x.org", "c@x.org", "d@x.org"], MSG)
            await tick()
            self.assertEqual(mailer.recipients, ["a@x.org", "b@x.org"], "only two started")
            mailer.call("b@x.org").resolve()
            await tick()
            self.assertEqual(mailer.recipients, ["a@x.org", "b@x.org", "c@x.org"], "c starts when b settles")
            self.assertEqual(mailer.max_in_flight, 2, "at most two in flight")
            await mailer.finish()
            self.assertEqual(mailer.recipients, ["a@x.org", "b@x.org", "c@x.org", "d@x.org"], "one call per recipient")

        run(scenario())

    def test_failure_frees_slot(self):
        """[R13][R11] frees the slot when a send fails, so a failure never stalls the queue"""

        async def scenario():
            async def mailer(to, message):
                raise Exception("nope")

            tracker = EmailJobTracker(mailer, concurrency=1)
            job_id = tracker.submit(["a@x.org", "b@x.org", "c@x.org"], MSG)
            final = await settled_soon(tracker.when_done(job_id))
            self.assertIsNot(final, NOT_DONE, "all three were attempted")
            self.assertEqual(final["failed"], 3, "three failures")

        run(scenario())

    def test_limit_across_jobs_in_order(self):
        """[R11][R12] applies the limit across jobs and serves jobs in submission order"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send, concurrency=2)
            first = tracker.submit(["a@x.org", "b@x.org"], MSG)
            second = tracker.submit(["c@x.org"], MSG)
            await tick()
            self.assertEqual(mailer.recipients, ["a@x.org", "b@x.org"], "the second job waits for a free slot")
            self.assertEqual(tracker.status(second)["state"], "queued", "a job with no email started is still queued")
            self.assertEqual(tracker.status(first)["state"], "processing", "the first job is processing")
            mailer.call("a@x.org").resolve()
            await tick()
            self.assertEqual(mailer.recipients, ["a@x.org", "b@x.org", "c@x.org"], "c starts when a settles")
            self.assertEqual(tracker.status(second)["state"], "processing", "the second job is processing")
            await mailer.finish()

        run(scenario())

    def test_bad_concurrency(self):
        """[R14] rejects a concurrency that is not a positive integer with a ValueError naming it"""

        async def scenario():
            for concurrency in (0, -1, 1.5, float("nan"), -math.inf):
                with self.subTest(concurrency=concurrency):
                    with self.assertRaises(ValueError, msg=f"concurrency {concurrency}: a ValueError") as caught:
                        EmailJobTracker(FakeMailer().send, concurrency=concurrency)
                    self.assertMessage(caught.exception, "concurrency", msg="the message names concurrency")

        run(scenario())

    def test_infinite_concurrency(self):
        """[R14] accepts a concurrency of math.inf and then starts every email at once"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send, concurrency=math.inf)
            recipients = [f"r{i}@x.org" for i in range(12)]
            tracker.submit(recipients, MSG)
            await tick()
            self.assertEqual(mailer.recipients, recipients, "all 12 started without waiting for a slot")
            await mailer.finish()

        run(scenario())


class StatusTest(unittest.TestCase):
    """email jobs: status"""

    def test_all_failed_is_failed(self):
        """[R16] marks the job failed when every recipient failed"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["a@x.org", "b@x.org"], MSG)
            await tick()
            mailer.call("a@x.org").reject(Exception("e1"))
            mailer.call("b@x.org").reject(Exception("e2"))
            final = await settled_soon(tracker.when_done(job_id))
            self.assertIsNot(final, NOT_DONE, "the job finishes")
            self.assertEqual(final["state"], "failed", "no email went out")
            self.assertEqual([final["sent"], final["failed"], final["pending"]], [0, 2, 0], "sent, failed, pending")

        run(scenario())

    def test_failures_in_recipient_order(self):
        """[R17] lists failures in recipient order, not in the order they happened"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["a@x.org", "b@x.org", "c@x.org"], MSG)
            await tick()
            mailer.call("c@x.org").reject(Exception("third"))
            await tick()
            mailer.call("a@x.org").reject(Exception("first"))
            mailer.call("b@x.org").resolve()
            final = await settled_soon(tracker.when_done(job_id))
            self.assertIsNot(final, NOT_DONE, "the job finishes")
            self.assertEqual(
                final["failures"],
                [{"recipient": "a@x.org", "error": "first"}, {"recipient": "c@x.org", "error": "third"}],
                "a before c",
            )

        run(scenario())

    def test_pending_counts_in_flight_and_waiting(self):
        """[R17][R15] counts in-flight and not-yet-started recipients as pending"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send, concurrency=1)
            job_id = tracker.submit(["a@x.org", "b@x.org", "c@x.org"], MSG)
            await tick()
            mailer.call("a@x.org").reject(Exception("x"))
            await tick()
            s = tracker.status(job_id)
            self.assertEqual(
                (s["state"], s["sent"], s["failed"], s["pending"]),
                ("processing", 0, 1, 2),
                "after one failure: state, sent, failed, pending",
            )
            mailer.call("b@x.org").resolve()
            await tick()
            s = tracker.status(job_id)
            self.assertEqual(
                (s["state"], s["sent"], s["failed"], s["pending"]),
                ("processing", 1, 1, 1),
                "after one failure and one success, c is pending",
            )
            await mailer.finish()

        run(scenario())

    def test_pending_is_total_minus_settled(self):
        """[R17] computes pending as total - sent - failed while some emails have been sent"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send, concurrency=2)
            job_id = tracker.submit(["a@x.org", "b@x.org", "c@x.org", "d@x.org"], MSG)
            await tick()
            mailer.call("a@x.org").resolve()
            await tick()
            s = tracker.status(job_id)
            self.assertEqual(
                (s["state"], s["total"], s["sent"], s["failed"], s["pending"]),
                ("processing", 4, 1, 0, 3),
                "a sent; b and c in flight; d not started",
            )
            await mailer.finish()

        run(scenario())

    def test_snapshot_not_changed_by_progress(self):
        """[R18] returns snapshots that later progress does not change"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["a@x.org", "b@x.org"], MSG)
            await tick()
            during = tracker.status(job_id)
            mailer.call("a@x.org").reject(Exception("x"))
            mailer.call("b@x.org").resolve()
            await settled_soon(tracker.when_done(job_id))
            self.assertEqual(
                during,
                {"id": job_id, "state": "processing", "total": 2, "sent": 0, "failed": 0, "pending": 2, "failures": []},
                "the snapshot taken while both were in flight",
            )

        run(scenario())

    def test_snapshot_mutation_does_not_change_job(self):
        """[R18] is not changed by a caller mutating a snapshot"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            job_id = tracker.submit(["a@x.org"], MSG)
            await tick()
            mailer.call("a@x.org").reject(Exception("x"))
            final = await settled_soon(tracker.when_done(job_id))
            self.assertIsNot(final, NOT_DONE, "the job finishes")
            final["failures"].clear()
            final["failed"] = 99
            s = tracker.status(job_id)
            self.assertEqual((s["failed"], s["state"]), (1, "failed"), "failed count and state unchanged")
            self.assertEqual(len(s["failures"]), 1, "the failure is still listed")

        run(scenario())

    def test_unknown_job_status(self):
        """[R19][R22] raises UnknownJobError naming the id for an unknown job"""

        async def scenario():
            tracker = EmailJobTracker(FakeMailer().send)
            with self.assertRaises(UnknownJobError, msg="an unknown id") as caught:
                tracker.status("job-42")
            self.assertEqual(type(caught.exception).__name__, "UnknownJobError", "the error's class name")
            self.assertMessage(caught.exception, "job-42", msg="the message names the id")

        run(scenario())

    def test_unknown_job_when_done(self):
        """[R21] when_done of an unknown job raises UnknownJobError when awaited, not when called"""

        async def scenario():
            tracker = EmailJobTracker(FakeMailer().send)
            try:
                awaitable = tracker.when_done("job-7")
            except UnknownJobError:
                self.fail("when_done('job-7') raised when called: expected an awaitable that raises when awaited")
            with self.assertRaises(UnknownJobError, msg="awaiting when_done('job-7') raises UnknownJobError"):
                await settled_soon(awaitable)

        run(scenario())

    def test_when_done_on_finished_job(self):
        """[R20] when_done finishes at once for a job that has already finished"""

        async def scenario():
            tracker = EmailJobTracker(lambda to, message: done_future())
            job_id = tracker.submit(["a@x.org"], MSG)
            await tick()
            self.assertEqual(tracker.status(job_id)["state"], "completed", "the only email was sent")
            final = await settled_soon(tracker.when_done(job_id))
            self.assertIsNot(final, NOT_DONE, "finished, not left waiting")
            self.assertEqual(final["sent"], 1, "the final snapshot")

        run(scenario())


class MoreRulesTest(unittest.TestCase):
    """email jobs: more rules"""

    def test_queued_then_processing_then_completed(self):
        """[R15][R16] stays queued while another job fills every slot, then processes and completes"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send, concurrency=1)
            first = tracker.submit(["a@x.org"], MSG)
            second = tracker.submit(["b@x.org", "c@x.org"], MSG)
            await tick()
            states = [tracker.status(first)["state"], tracker.status(second)["state"]]
            self.assertEqual(states, ["processing", "queued"], "job-2 waits for the slot")
            mailer.call("a@x.org").resolve()
            await tick()
            states = [tracker.status(first)["state"], tracker.status(second)["state"]]
            self.assertEqual(states, ["completed", "processing"], "job-1 done, job-2 started")
            mailer.call("b@x.org").reject(Exception("nope"))
            await tick()
            self.assertEqual(tracker.status(second)["state"], "processing", "one recipient still in flight")
            mailer.call("c@x.org").resolve()
            await tick()
            self.assertEqual(tracker.status(second)["state"], "completed", "one sent, one failed")

        run(scenario())

    def test_when_done_waits_for_last_recipient(self):
        """[R20] finishes when_done with the final snapshot only once the last recipient settles"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send, concurrency=2)
            job_id = tracker.submit(["a@x.org", "b@x.org"], MSG)
            waiting = asyncio.ensure_future(tracker.when_done(job_id))
            await tick()
            mailer.call("a@x.org").reject(Exception("bounced"))
            await tick()
            self.assertFalse(waiting.done(), "not done while b@x.org is in flight")
            mailer.call("b@x.org").reject(Exception("full"))
            await tick()
            self.assertTrue(waiting.done(), "done once b@x.org failed too")
            self.assertEqual(
                waiting.result(),
                {
                    "id": job_id,
                    "state": "failed",
                    "total": 2,
                    "sent": 0,
                    "failed": 2,
                    "pending": 0,
                    "failures": [
                        {"recipient": "a@x.org", "error": "bounced"},
                        {"recipient": "b@x.org", "error": "full"},
                    ],
                },
                "the final snapshot",
            )

        run(scenario())

    def test_ids_not_confused(self):
        """[R19][R21] does not confuse ids: job-0, a job not yet created and a near miss are unknown"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            tracker.submit(["a@x.org"], MSG)
            for job_id in ("job-0", "job-2", "JOB-1", "1"):
                with self.subTest(job_id=job_id):
                    with self.assertRaises(UnknownJobError, msg=f"status({job_id!r})") as caught:
                        tracker.status(job_id)
                    self.assertMessage(caught.exception, job_id, msg="the message names the id")
                    with self.assertRaises(UnknownJobError, msg=f"when_done({job_id!r})"):
                        await settled_soon(tracker.when_done(job_id))
            await mailer.finish()

        run(scenario())

    def test_default_concurrency(self):
        """[R14] uses a concurrency of 5 by default"""

        async def scenario():
            mailer = FakeMailer()
            tracker = EmailJobTracker(mailer.send)
            tracker.submit(["a@x.org", "b@x.org", "c@x.org", "d@x.org", "e@x.org", "f@x.org", "g@x.org"], MSG)
            await tick()
            self.assertEqual(
                mailer.recipients, ["a@x.org", "b@x.org", "c@x.org", "d@x.org", "e@x.org"], "five started"
            )
            await mailer.finish()

        run(scenario())


# ---------------------------------------------------------------------------------------------
# The model: the statement, literally.

EMAIL = re.compile(r"[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
GOOD = ["a@x.org", "A@x.org", "b@x.org", "c@y.co", "straße@x.de", "STRASSE@x.de", "throw@x.org", "Throw@X.org"]
# 'throw…' addresses make the mailer raise when called.
BAD = ["bad", "a@b", " a@x.org", 7, "a@x.org\n"]
NO_MESSAGE = "no message"
NO_SUBJECT = "no subject"
SEED = 14
SCENARIOS = 100


class MJob:
    """A job as the model sees it."""

    def __init__(self, job_id, recipients, subject):
        self.id = job_id
        self.recipients = recipients
        self.subject = subject
        self.outcomes = ["pending"] * len(recipients)  # 'pending', 'sent' or the error text in a tuple
        self.started = False


class Model:
    """One FIFO of (job, index) across all jobs, at most `limit` in flight."""

    def __init__(self, limit):
        self.limit = limit
        self.jobs = []
        self.queue = []
        self.in_flight = []

    def pump(self):
        while len(self.in_flight) < self.limit and self.queue:
            job, i = self.queue.pop(0)
            job.started = True
            to = job.recipients[i]
            if to.lower().startswith("throw"):
                job.outcomes[i] = (f"sync failure for {to}",)
            else:
                self.in_flight.append((job, i))

    @staticmethod
    def done(job):
        return all(o != "pending" for o in job.outcomes)

    @staticmethod
    def snapshot(job):
        sent = sum(1 for o in job.outcomes if o == "sent")
        failed = sum(1 for o in job.outcomes if isinstance(o, tuple))
        total = len(job.recipients)
        if sent + failed == total:
            state = "completed" if sent > 0 else "failed"
        else:
            state = "processing" if job.started else "queued"
        return {
            "id": job.id,
            "state": state,
            "total": total,
            "sent": sent,
            "failed": failed,
            "pending": total - sent - failed,
            "failures": [
                {"recipient": job.recipients[i], "error": o[0]} for i, o in enumerate(job.outcomes) if isinstance(o, tuple)
            ],
        }


def random_recipients(rng):
    if rng.random() < 1 / 13:
        return rng.choice([[], None, "a@x.org"])
    return [rng.choice(GOOD) if rng.random() < 10 / 11 else rng.choice(BAD) for _ in range(rng.randint(1, 5))]


def random_subject(rng):
    if rng.random() < 1 / 13:
        return rng.choice(["", " \t", 5, NO_MESSAGE, NO_SUBJECT])
    return rng.choice(["Hi", "Re: hi"])


def random_ops(rng):
    ops = []
    for _ in range(rng.randint(5, 30)):
        kind = rng.choices(["submit", "settle", "status", "when_done"], weights=[3, 6, 0.5, 0.5])[0]
        if kind == "submit":
            ops.append(("submit", random_recipients(rng), random_subject(rng)))
        elif kind == "settle":
            how = rng.choice(["resolve", "resolve", "error", "refused", "number"])
            ops.append(("settle", rng.randint(0, 4), how))
        else:
            ops.append((kind, rng.randint(0, 6)))
    return ops


def reason_for(how, to):
    if how == "error":
        return Exception(f"bounced {to}")
    if how == "refused":
        return ConnectionRefusedError(f"refused {to}")
    return Exception(550)


def describe_error(err):
    return repr(err)


async def check_scenario(concurrency, ops):
    """Runs one scenario on the solution and the model; returns None, or (index of the step, the divergence)."""
    progress = [max(len(ops) - 1, 0)]
    diff = await run_scenario(concurrency, ops, progress)
    return None if diff is None else (progress[0], diff)


async def run_scenario(concurrency, ops, progress):
    """Runs one scenario; returns None, or the divergence as a sentence. progress[0] is the step it got to."""
    loop = asyncio.get_running_loop()
    steps = []

    def where(what):
        return f"{', '.join(steps)}: {what}" if steps else what

    attempts = []  # every mailer call, raising or not
    calls = []  # [to, subject, body, future] for the calls that returned a future

    def mailer(to, message):
        attempts.append(to)
        if to.lower().startswith("throw"):
            raise RuntimeError(f"sync failure for {to}")
        future = loop.create_future()
        calls.append((to, message["subject"], message["body"], future))
        return future

    created = "EmailJobTracker(mailer)" if concurrency is None else f"EmailJobTracker(mailer, concurrency={concurrency})"
    valid = concurrency is None or concurrency == math.inf or (
        math.isfinite(concurrency) and concurrency == int(concurrency) and concurrency >= 1
    )
    if not valid:
        try:
            EmailJobTracker(mailer, concurrency=concurrency)
        except ValueError as err:
            if "concurrency" in str(err):
                return None
            return f"{created}: expected a ValueError naming concurrency, got {describe_error(err)}"
        except Exception as err:
            return f"{created}: expected a ValueError naming concurrency, got {describe_error(err)}"
        return f"{created}: expected a ValueError naming concurrency, got a tracker"

    try:
        tracker = EmailJobTracker(mailer) if concurrency is None else EmailJobTracker(mailer, concurrency=concurrency)
    except Exception as err:
        return f"{created}: raised {describe_error(err)}"
    model = Model(5 if concurrency is None else concurrency)
    steps.append(created)
    waiters = []  # (model job, task)
    answers = []  # (what, a snapshot status returned, what it was then): later progress must not change it

    def mismatch():
        flying = [(to, subject, body) for to, subject, body, future in calls if not future.done()]
        want = [(job.recipients[i], job.subject, f"body of {job.id}") for job, i in model.in_flight]
        if flying != want:
            return f"emails in flight (recipient, subject, body): expected {want}, got {flying}"
        for job in model.jobs:
            try:
                got = tracker.status(job.id)
            except Exception as err:
                got = describe_error(err)
            if got != model.snapshot(job):
                return f"status({job.id!r}) expected {model.snapshot(job)}, got {got}"
        for job, task in waiters:
            if task.done():
                if not model.done(job):
                    return f"when_done({job.id!r}) finished before the job did"
                try:
                    got = task.result()
                except Exception as err:
                    got = describe_error(err)
                if got != model.snapshot(job):
                    return f"when_done({job.id!r}) expected {model.snapshot(job)}, got {got}"
            elif model.done(job):
                return f"when_done({job.id!r}) has not finished, but the job has"
        for what, got, then in answers:
            if got != then:
                return f"the snapshot {what} returned changed from {then} to {got}"
        return None

    async def settle_down(full=False):
        """Lets pending work run for a few turns until the solution agrees with the model."""
        for _ in range(20):
            if not full and mismatch() is None:
                return None
            await asyncio.sleep(0)
        diff = mismatch()
        if diff is None:
            return None
        return f"{', '.join(steps)}, then {'waiting at the end' if full else 'a few turns'}: {diff}"

    try:
        for index, op in enumerate(ops):
            progress[0] = index
            if op[0] == "submit":
                _, recipients, subject = op
                body = f"body of job-{len(model.jobs) + 1}"
                if subject == NO_MESSAGE:
                    message = None
                elif subject == NO_SUBJECT:
                    message = {"body": body}
                else:
                    message = {"subject": subject, "body": body}
                shown = "None" if message is None else repr(message).replace(repr(body), "…")
                what = f"submit({recipients!r}, {shown})"
                given = list(recipients) if isinstance(recipients, list) else recipients
                faults = []
                if not isinstance(given, list) or not given:
                    faults.append("recipients")
                else:
                    bad = [r for r in given if not isinstance(r, str) or EMAIL.fullmatch(r) is None]
                    if bad:
                        # A non-string has no fixed spelling: any message will do.
                        faults.append(bad[0].strip() if isinstance(bad[0], str) else "")
                if not isinstance(subject, str) or subject in (NO_MESSAGE, NO_SUBJECT) or not subject.strip():
                    faults.append("subject")
                before = len(attempts)
                job_id, error = None, None
                try:
                    job_id = tracker.submit(given, message)
                except Exception as err:
                    error = err
                if len(attempts) != before:
                    return where(f"{what}: the mailer was called before submit returned")
                if faults:
                    named = isinstance(error, ValidationError) and any(f in str(error) for f in faults)
                    if not named:
                        got = repr(job_id) if error is None else describe_error(error)
                        return where(f"{what}: expected a ValidationError naming {' or '.join(map(repr, faults))}, got {got}")
                    steps.append(f"{what} → ValidationError")
                    continue
                seen = set()
                unique = []
                for r in given:
                    if r.lower() not in seen:
                        seen.add(r.lower())
                        unique.append(r)
                job = MJob(f"job-{len(model.jobs) + 1}", unique, subject)
                if job_id != job.id:
                    got = repr(job_id) if error is None else describe_error(error)
                    return where(f"{what}: expected {job.id!r}, got {got}")
                model.jobs.append(job)
                # Scribbling on the caller's list afterwards must not reach the job.
                given[:] = ["late@x.org"]
                queued = model.snapshot(job)
                got = tracker.status(job.id)
                if got != queued:
                    return where(f"{what}, then status({job.id!r}) at once: expected {queued}, got {got}")
                model.queue.extend((job, i) for i in range(len(unique)))
                model.pump()
                steps.append(f"{what} → {job.id!r}")
                diff = await settle_down()
                if diff:
                    return diff
            elif op[0] == "settle":
                _, pick, how = op
                if not model.in_flight:
                    continue
                k = pick % len(model.in_flight)
                job, i = model.in_flight.pop(k)
                to = job.recipients[i]
                reason = reason_for(how, to)
                job.outcomes[i] = "sent" if how == "resolve" else (str(reason),)
                model.pump()
                future = [c[3] for c in calls if not c[3].done()][k]
                if how == "resolve":
                    what = f"the mailer succeeds for {to!r}"
                    future.set_result(None)
                else:
                    what = f"the mailer fails with {describe_error(reason)} for {to!r}"
                    future.set_exception(reason)
                steps.append(what)
                diff = await settle_down()
                if diff:
                    return diff
            else:
                kind, n = op
                job_id = f"job-{n}" if n == 0 or n > len(model.jobs) else model.jobs[n - 1].id
                job = next((j for j in model.jobs if j.id == job_id), None)
                what = f"{kind}({job_id!r})"
                if kind == "status":
                    try:
                        got = tracker.status(job_id)
                    except Exception as err:
                        got = err
                    if job is None:
                        ok = isinstance(got, UnknownJobError) and job_id in str(got)
                        if not ok:
                            shown = describe_error(got) if isinstance(got, Exception) else repr(got)
                            return where(f"{what}: expected an UnknownJobError naming {job_id}, got {shown}")
                    elif got != model.snapshot(job):
                        shown = describe_error(got) if isinstance(got, Exception) else repr(got)
                        return where(f"{what}: expected {model.snapshot(job)}, got {shown}")
                    else:
                        answers.append((what, got, model.snapshot(job)))
                    steps.append(what)
                else:
                    try:
                        task = asyncio.ensure_future(tracker.when_done(job_id))
                    except Exception as err:
                        return where(f"{what}: expected an awaitable, but it raised {describe_error(err)}")
                    if job is None:
                        for _ in range(20):
                            if task.done():
                                break
                            await asyncio.sleep(0)
                        if not task.done():
                            task.cancel()
                            return where(f"{what}: expected UnknownJobError when awaited, but it did not finish")
                        err = task.exception()
                        if not isinstance(err, UnknownJobError):
                            got = repr(task.result()) if err is None else describe_error(err)
                            return where(f"{what}: expected UnknownJobError when awaited, got {got}")
                        steps.append(what)
                    else:
                        waiters.append((job, task))
                        steps.append(what)
                        diff = await settle_down()
                        if diff:
                            return diff
        # Nothing more may happen later: no extra emails, no late state changes.
        return await settle_down(full=True)
    finally:
        # Let every job end, so no task is left pending when the loop closes.
        for _ in range(100):
            for _ in range(10):
                await asyncio.sleep(0)
            open_futures = [c[3] for c in calls if not c[3].done()]
            if not open_futures:
                break
            for future in open_futures:
                future.set_result(None)
        for _, task in waiters:
            task.cancel()
        await asyncio.sleep(0)


def shrink(ops, fails, budget=200):
    """Drops steps one at a time while the scenario still diverges, so the report stays short."""
    changed = True
    while changed and budget > 0:
        changed = False
        for i in reversed(range(len(ops))):
            if budget == 0:
                break
            budget -= 1
            candidate = ops[:i] + ops[i + 1 :]
            if fails(candidate):
                ops = candidate
                changed = True
    return ops


class ModelTest(unittest.TestCase):
    """email jobs: random sequences of every operation agree with a small model"""

    def test_model(self):
        """[model] submit, mailer outcomes, status and when_done match the model, errors included"""
        rng = random.Random(SEED)
        for scenario in range(SCENARIOS):
            if rng.random() < 1 / 9:
                concurrency = rng.choice([0, -1, 1.5, float("nan")])
            else:
                concurrency = rng.choice([1, 2, 3, math.inf, None])
            ops = random_ops(rng)
            diff = run(check_scenario(concurrency, ops))
            if diff is not None:
                failing = ops[: diff[0] + 1]
                short = shrink(failing, lambda candidate: run(check_scenario(concurrency, candidate)) is not None)
                _, sentence = run(check_scenario(concurrency, short))
                shrunk = f"shrunk from {len(failing)} steps to {len(short)}"
                self.fail(f"{sentence} (seed {SEED}, scenario {scenario}, {shrunk})")


if __name__ == "__main__":
    unittest.main()
