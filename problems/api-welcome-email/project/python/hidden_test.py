import random
import shutil
import tempfile
import unittest

from framework.testing import FakeMailProvider, ManualClock, TestClient, mentions
from server import start_service

T0 = 1_000_000


class Scene:
    """A service on a ManualClock with a FakeMailProvider the test controls."""

    def __init__(self, test, data_dir=None):
        if data_dir is None:
            data_dir = tempfile.mkdtemp()
            test.addCleanup(shutil.rmtree, data_dir, True)
        self.clock = ManualClock(T0)
        self.mail = FakeMailProvider(self.clock)
        self.service = start_service(data_dir=data_dir, clock=self.clock, mail=self.mail)
        self.client = TestClient(self.service)

    def signup(self, email, name):
        return self.client.post("/signup", json={"email": email, "name": name})

    def wait(self, ms):
        """Moves the clock by `ms` and lets the service run its background tasks."""
        self.clock.advance(ms)
        self.service.idle()

    def attempt_times(self):
        return [a["at"] for a in self.mail.attempts]


class Requirement1(unittest.TestCase):
    """Requirement 1"""

    def test_answers_first(self):
        """[R1] the signup answers 201 before the email is sent: nothing reaches the provider until the service is idle"""
        scene = Scene(self)
        response = scene.signup("ada@example.com", "Ada")
        self.assertEqual(response.status_code, 201)
        body = response.json()
        self.assertEqual({k: body.get(k) for k in ("id", "email", "name", "createdAt")},
                         {"id": 1, "email": "ada@example.com", "name": "Ada", "createdAt": T0})
        self.assertEqual(scene.mail.attempts, [])
        scene.service.idle()
        self.assertEqual([[e["to"], e["sent_at"]] for e in scene.mail.outbox], [["ada@example.com", T0]])

    def test_signup_order(self):
        """[R1] several signups answer first; their emails go out at the next idle, in signup order"""
        scene = Scene(self)
        for name in ["Cy", "Ada", "Bo"]:
            self.assertEqual(scene.signup("%s@example.com" % name.lower(), name).status_code, 201)
        self.assertEqual(scene.mail.attempts, [])
        scene.service.idle()
        self.assertEqual([e["to"] for e in scene.mail.outbox], ["cy@example.com", "ada@example.com", "bo@example.com"])

    def test_content(self):
        """[R2] the welcome email goes to the new user, says welcome and names them"""
        scene = Scene(self)
        scene.signup("  Grace@Example.com ", " Grace Hopper ")
        scene.service.idle()
        self.assertEqual(len(scene.mail.outbox), 1)
        email = scene.mail.outbox[0]
        self.assertEqual(email["to"], "grace@example.com")
        self.assertTrue(mentions(email["subject"], "welcome"), "subject: %r" % email["subject"])
        self.assertIn("Grace Hopper", email["body"])

    def test_one_per_accepted_signup(self):
        """[R2] exactly one email per accepted signup; refused signups (400, 409) send none"""
        scene = Scene(self)
        scene.signup("ada@example.com", "Ada")
        self.assertEqual(scene.signup("ada@example.com", "Ada again").status_code, 409)
        self.assertEqual(scene.signup("nope", "Nope").status_code, 400)
        self.assertEqual(scene.client.post("/signup", body='{"email":').status_code, 400)
        scene.wait(0)
        scene.wait(600_000)
        self.assertEqual([e["to"] for e in scene.mail.outbox], ["ada@example.com"])
        self.assertEqual(len(scene.mail.attempts), 1)

    def test_provider_down(self):
        """[R3] the signup succeeds while the mail provider is down, and the user exists"""
        scene = Scene(self)
        scene.mail.set_down(True)
        response = scene.signup("ada@example.com", "Ada")
        self.assertEqual(response.status_code, 201)
        scene.service.idle()
        self.assertEqual(scene.client.get("/users/%d" % response.json()["id"]).status_code, 200)
        self.assertEqual(scene.mail.outbox, [])


class Retries(unittest.TestCase):
    """Retries"""

    def test_retry_times(self):
        """[R4] a failed send is tried again 30 s after it failed, then 60 s after that, and not before"""
        scene = Scene(self)
        scene.mail.set_down(True)
        scene.signup("ada@example.com", "Ada")
        scene.wait(0)
        self.assertEqual(scene.attempt_times(), [T0])
        scene.wait(29_999)
        self.assertEqual(len(scene.mail.attempts), 1)
        scene.wait(1)
        self.assertEqual(scene.attempt_times(), [T0, T0 + 30_000])
        scene.wait(59_999)
        self.assertEqual(len(scene.mail.attempts), 2)
        scene.mail.set_down(False)
        scene.wait(1)
        self.assertEqual(scene.attempt_times(), [T0, T0 + 30_000, T0 + 90_000])
        self.assertEqual([[e["to"], e["sent_at"]] for e in scene.mail.outbox], [["ada@example.com", T0 + 90_000]])

    def test_waits_from_failed_attempt(self):
        """[R4] the waits count from the failed attempt, not from the signup"""
        scene = Scene(self)
        scene.mail.fail_next(2)
        scene.signup("ada@example.com", "Ada")
        scene.wait(10_000)
        scene.wait(29_000)
        self.assertEqual(len(scene.mail.attempts), 1)
        scene.wait(1_000)
        scene.wait(65_000)
        self.assertEqual(scene.attempt_times(), [T0 + 10_000, T0 + 40_000, T0 + 105_000])
        self.assertEqual(len(scene.mail.outbox), 1)

    def test_gives_up(self):
        """[R4] after three failed attempts it gives up"""
        scene = Scene(self)
        scene.mail.set_down(True)
        scene.signup("ada@example.com", "Ada")
        for _ in range(40):
            scene.wait(30_000)
        self.assertEqual(len(scene.mail.attempts), 3)
        scene.mail.set_down(False)
        scene.wait(3_600_000)
        self.assertEqual(scene.mail.outbox, [])

    def test_pending_then_sent(self):
        """[R5] the user shows welcomeEmail: "pending" until sent, then "sent\""""
        scene = Scene(self)
        scene.mail.fail_next(1)
        response = scene.signup("ada@example.com", "Ada")
        self.assertEqual(response.json().get("welcomeEmail"), "pending")
        scene.service.idle()
        self.assertEqual(scene.client.get("/users/1").json().get("welcomeEmail"), "pending")
        scene.wait(30_000)
        self.assertEqual(scene.client.get("/users/1").json().get("welcomeEmail"), "sent")
        self.assertEqual(scene.client.get("/users").json()["users"][0].get("welcomeEmail"), "sent")

    def test_failed(self):
        """[R5] welcomeEmail is "failed" once the third attempt has failed, and only then"""
        scene = Scene(self)
        scene.mail.set_down(True)
        scene.signup("ada@example.com", "Ada")
        scene.signup("bo@example.com", "Bo")
        scene.wait(0)
        scene.wait(30_000)
        self.assertEqual(scene.client.get("/users/1").json().get("welcomeEmail"), "pending")
        scene.wait(60_000)
        self.assertEqual([u.get("welcomeEmail") for u in scene.client.get("/users").json()["users"]],
                         ["failed", "failed"])

    def test_model(self):
        """[model] any sequence of signups, outages and waits: every email is tried at the right times and ends sent or failed"""
        rng = random.Random(1)
        data_dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, data_dir, True)
        for run in range(40):
            scene = Scene(self, data_dir)
            status, queue, attempts, steps = {}, [], [], []
            order, down = 0, False
            for _ in range(rng.randint(1, 20)):
                kind = rng.choice(["signup", "wait", "down"])
                if kind == "signup":
                    email = "user%d@example.com" % rng.randint(0, 3)
                    got = scene.signup(email, "User").status_code
                    steps.append("signup %s → %d" % (email, got))
                    expected = 409 if email in status else 201
                    if got != expected:
                        self.fail("run %d: %s: expected %d" % (run, "; ".join(steps), expected))
                    if expected == 201:
                        status[email] = "pending"
                        queue.append([scene.clock.now(), order, email, 0])
                        order += 1
                elif kind == "down":
                    down = rng.random() < 0.5
                    scene.mail.set_down(down)
                    steps.append("provider %s" % ("down" if down else "up"))
                else:
                    ms = rng.choice([0, 30_000, 60_000, rng.randint(0, 90_000)])
                    scene.wait(ms)
                    steps.append("wait %d ms" % ms)
                    now = scene.clock.now()
                    due = sorted(q for q in queue if q[0] <= now)
                    queue = [q for q in queue if q[0] > now]
                    for _, _, email, failures in due:
                        attempts.append([email, now])
                        if not down:
                            status[email] = "sent"
                        elif failures == 2:
                            status[email] = "failed"
                        else:
                            queue.append([now + (30_000 if failures == 0 else 60_000), order, email, failures + 1])
                            order += 1
            tried = [[a["to"], a["at"]] for a in scene.mail.attempts]
            if tried != attempts:
                self.fail("run %d: after %s: attempts (to, at) expected %r, got %r" % (run, "; ".join(steps), attempts, tried))
            shown = [[u["email"], u.get("welcomeEmail")] for u in scene.client.get("/users").json()["users"]]
            if shown != [[email, s] for email, s in status.items()]:
                self.fail("run %d: after %s: GET /users welcomeEmail expected %r, got %r" % (
                    run, "; ".join(steps), list(status.items()), shown))


if __name__ == "__main__":
    unittest.main()
