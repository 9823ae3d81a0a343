import math
import random
import shutil
import tempfile
import unittest

from framework.testing import ManualClock, TestClient, mentions
from server import start_service

START = 1_000_000


def open_service(test, data_dir=None):
    """A service on a fresh ManualClock, over `data_dir` (a new directory, removed after the test, when None)."""
    if data_dir is None:
        data_dir = tempfile.mkdtemp()
        test.addCleanup(shutil.rmtree, data_dir, True)
    clock = ManualClock(START)
    return clock, TestClient(start_service(data_dir=data_dir, clock=clock))


def as_client(client_id):
    return {"X-Client-Id": client_id}


def burst(client, count, client_id="ada"):
    """Sends `count` GET /users as `client_id` and returns their statuses."""
    return [client.get("/users", headers=as_client(client_id)).status_code for _ in range(count)]


class Requirement1(unittest.TestCase):
    """Requirement 1"""

    def test_sixth_refused(self):
        """[R2] the first five requests of a client answer as usual; the sixth in the same minute answers 429"""
        _, client = open_service(self)
        self.assertEqual(burst(client, 6), [200, 200, 200, 200, 200, 429])

    def test_window_slides(self):
        """[R2] the window slides: a request is let through once the oldest counted one is 60 seconds old, not before"""
        clock, client = open_service(self)
        burst(client, 1)
        clock.advance(50_000)
        burst(client, 4)
        clock.advance(9_999)
        self.assertEqual(burst(client, 1), [429])
        clock.advance(1)
        self.assertEqual(burst(client, 1), [200])
        clock.advance(1_000)
        self.assertEqual(burst(client, 1), [429])
        clock.advance(49_000)
        self.assertEqual(burst(client, 5), [200, 200, 200, 200, 429])

    def test_refused_not_counted(self):
        """[R2] refused requests do not count: retrying while refused does not push the reopening back"""
        clock, client = open_service(self)
        burst(client, 5)
        for _ in range(10):
            clock.advance(5_000)
            self.assertEqual(burst(client, 1), [429])
        clock.advance(10_000)
        self.assertEqual(burst(client, 5), [200, 200, 200, 200, 200])

    def test_retry_after_rounded_up(self):
        """[R3] a 429 carries Retry-After in whole seconds until the next request is let through, rounded up"""
        clock, client = open_service(self)
        burst(client, 5)
        first = client.get("/users", headers=as_client("ada"))
        self.assertEqual(first.status_code, 429)
        self.assertEqual(first.header("Retry-After"), "60")
        clock.advance(12_300)
        self.assertEqual(client.get("/users", headers=as_client("ada")).header("Retry-After"), "48")  # 47.7 s
        clock.advance(17_500)
        self.assertEqual(client.get("/users", headers=as_client("ada")).header("Retry-After"), "31")  # 30.2 s
        clock.advance(29_500)
        self.assertEqual(client.get("/users", headers=as_client("ada")).header("Retry-After"), "1")  # 0.7 s

    def test_body(self):
        """[R3] the 429 body is JSON with an error that mentions the limit and the same retryAfter"""
        clock, client = open_service(self)
        burst(client, 3)
        clock.advance(20_500)
        burst(client, 2)
        response = client.post("/signup", headers=as_client("ada"), json={"email": "ada@example.com", "name": "Ada"})
        self.assertEqual(response.status_code, 429)
        body = response.json()
        self.assertTrue(mentions(body.get("error"), "limit"), "error: %r" % (body.get("error"),))
        self.assertEqual(body.get("retryAfter"), 40)
        self.assertNotIsInstance(body.get("retryAfter"), bool)
        self.assertEqual(response.header("Retry-After"), "40")

    def test_handler_not_run(self):
        """[R3] a refused request never reaches its handler: a refused signup creates nobody"""
        _, client = open_service(self)
        for i in range(1, 7):
            response = client.post("/signup", headers=as_client("bot"),
                                   json={"email": "user%d@example.com" % i, "name": "User %d" % i})
            self.assertEqual(response.status_code, 201 if i <= 5 else 429)
        users = client.get("/users", headers=as_client("auditor")).json()["users"]
        self.assertNotIn("user6@example.com", [u["email"] for u in users])
        self.assertEqual(len(users), 5)

    def test_client_identity(self):
        """[R1] the client is the X-Client-Id header (any case); requests without one, or with a blank one, share one budget"""
        _, client = open_service(self)
        client.get("/users")
        client.get("/users", headers={"X-Client-Id": "   "})
        client.get("/users", headers={"x-client-id": ""})
        client.get("/users")
        self.assertEqual(client.get("/users").status_code, 200)
        self.assertEqual(client.get("/users", headers={"X-CLIENT-ID": ""}).status_code, 429)
        self.assertEqual(client.get("/users", headers={"x-client-id": "ada"}).status_code, 200)
        burst(client, 4, "ada")
        self.assertEqual(client.get("/users", headers={"X-Client-ID": " ada "}).status_code, 429)

    def test_clients_separate(self):
        """[R4] clients are counted separately"""
        clock, client = open_service(self)
        self.assertEqual(burst(client, 6, "ada"), [200, 200, 200, 200, 200, 429])
        clock.advance(30_000)
        self.assertEqual(burst(client, 6, "bob"), [200, 200, 200, 200, 200, 429])
        self.assertEqual(client.get("/users").status_code, 200)
        clock.advance(30_000)
        self.assertEqual(burst(client, 1, "ada"), [200])
        self.assertEqual(burst(client, 1, "bob"), [429])

    def test_exempt_routes(self):
        """[R5] /health and the /dev/ routes are never refused and never counted"""
        _, client = open_service(self)
        for _ in range(8):
            self.assertEqual(client.get("/health", headers=as_client("ada")).status_code, 200)
            self.assertEqual(client.get("/dev/outbox", headers=as_client("ada")).status_code, 200)
        self.assertEqual(burst(client, 6), [200, 200, 200, 200, 200, 429])
        self.assertEqual(client.get("/health", headers=as_client("ada")).status_code, 200)
        self.assertEqual(client.get("/dev/outbox", headers=as_client("ada")).status_code, 200)

    def test_errors_count(self):
        """[R5] every other request counts, whatever its answer: 404, 405 and 400 use up the budget"""
        _, client = open_service(self)
        ada = as_client("ada")
        self.assertEqual(client.get("/nowhere", headers=ada).status_code, 404)
        self.assertEqual(client.delete("/users", headers=ada).status_code, 405)
        self.assertEqual(client.post("/signup", headers=ada, body="{not json").status_code, 400)
        self.assertEqual(client.get("/users/99", headers=ada).status_code, 404)
        self.assertEqual(client.get("/users", headers=ada).status_code, 200)
        self.assertEqual(client.get("/nowhere", headers=ada).status_code, 429)

    def test_model(self):
        """[model] any sequence of requests and pauses is answered as a sliding window of 5 per 60 s per client"""
        rng = random.Random(23)
        data_dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, data_dir, True)
        for run in range(40):
            clock, client = open_service(self, data_dir)
            log = {}
            steps = []
            for _ in range(rng.randint(1, 30)):
                client_id = rng.choice(["ada", "bob", ""])
                wait = 0 if rng.random() < 0.5 else rng.randint(0, 70_000)
                clock.advance(wait)
                now = clock.now()
                key = client_id or "anonymous"
                recent = [at for at in log.get(key, []) if now - at < 60_000]
                allowed = len(recent) < 5
                if allowed:
                    recent.append(now)
                log[key] = recent
                response = client.get("/users", headers=as_client(client_id) if client_id else None)
                expected = (200, None) if allowed else (
                    429, str(max(1, math.ceil((recent[0] + 60_000 - now) / 1000))))
                got = (response.status_code, None if allowed else response.header("Retry-After"))
                steps.append("+%d ms GET /users as %r → %s" % (wait, client_id, got[0]))
                if got != expected:
                    self.fail("run %d: after %s: expected (status, Retry-After) %r, got %r" % (
                        run, "; ".join(steps[-8:]), expected, got))


class RateLimitHeaders(unittest.TestCase):
    """Rate limit headers"""

    def test_remaining(self):
        """[R6] a request let through carries X-RateLimit-Limit 5 and X-RateLimit-Remaining, the requests left after it"""
        clock, client = open_service(self)
        left = []
        for _ in range(5):
            response = client.get("/users", headers=as_client("ada"))
            self.assertEqual(response.header("X-RateLimit-Limit"), "5")
            left.append(response.header("X-RateLimit-Remaining"))
        self.assertEqual(left, ["4", "3", "2", "1", "0"])
        clock.advance(60_000)
        created = client.post("/signup", headers=as_client("ada"), json={"email": "ada@example.com", "name": "Ada"})
        self.assertEqual(created.status_code, 201)
        self.assertEqual(created.header("X-RateLimit-Remaining"), "4")

    def test_refused_and_exempt_headers(self):
        """[R6] a 429 carries X-RateLimit-Limit 5 and X-RateLimit-Remaining 0; exempt routes carry neither"""
        _, client = open_service(self)
        burst(client, 5)
        refused = client.get("/users/1", headers=as_client("ada"))
        self.assertEqual(refused.status_code, 429)
        self.assertEqual(refused.header("X-RateLimit-Limit"), "5")
        self.assertEqual(refused.header("X-RateLimit-Remaining"), "0")
        health = client.get("/health", headers=as_client("ada"))
        self.assertIsNone(health.header("X-RateLimit-Remaining"))
        self.assertIsNone(health.header("X-RateLimit-Limit"))


if __name__ == "__main__":
    unittest.main()
