import random
import shutil
import tempfile
import unittest

from framework.testing import Disk, FakeMailProvider, ManualClock, TestClient, mentions
from server import start_service


class Scene:
    """A service with a FakeMailProvider and a Disk the test controls (or the mail provider it is given)."""

    def __init__(self, test, mail=None, data_dir=None):
        if data_dir is None:
            data_dir = tempfile.mkdtemp()
            test.addCleanup(shutil.rmtree, data_dir, True)
        clock = ManualClock(0)
        self.mail = FakeMailProvider(clock)
        self.disk = Disk(data_dir)
        self.client = TestClient(start_service(data_dir=data_dir, clock=clock, mail=mail or self.mail,
                                               disk=self.disk))


def signup(client, email):
    return client.post("/signup", json={"email": email, "name": "Someone"})


def rows(test, client):
    """The metrics as [method, route, status, count] rows."""
    response = client.get("/metrics")
    test.assertEqual(response.status_code, 200)
    return [[r["method"], r["route"], r["status"], r["count"]] for r in response.json()["requests"]]


class FlakyProvider:
    """A mail provider whose ping raises `error`."""

    def __init__(self, error):
        self.error = error

    def send(self, *, to, subject, body):
        pass

    def ping(self):
        raise self.error


class Requirement1(unittest.TestCase):
    """Requirement 1"""

    def test_all_ok(self):
        """[R1] with every dependency up, /health answers 200 with each check ok"""
        response = Scene(self).client.get("/health")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"status": "ok", "checks": {"mail": {"status": "ok"}, "disk": {"status": "ok"}}})

    def test_mail_down(self):
        """[R2] a mail provider that is down answers 503: mail failing with its error, the disk still checked"""
        scene = Scene(self)
        scene.mail.set_down(True)
        response = scene.client.get("/health")
        self.assertEqual(response.status_code, 503)
        body = response.json()
        self.assertEqual(body["status"], "failing")
        self.assertEqual(body["checks"]["mail"].get("status"), "failing")
        self.assertTrue(mentions(body["checks"]["mail"].get("error"), "unreachable"), "error: %r" % (body,))
        self.assertEqual(body["checks"]["disk"], {"status": "ok"})

    def test_disk_broken(self):
        """[R2] a broken disk answers 503: disk failing with its error, mail still checked"""
        scene = Scene(self)
        scene.disk.set_broken(True)
        response = scene.client.get("/health")
        self.assertEqual(response.status_code, 503)
        body = response.json()
        self.assertEqual(body["status"], "failing")
        self.assertEqual(body["checks"]["mail"], {"status": "ok"})
        self.assertEqual(body["checks"]["disk"].get("status"), "failing")
        self.assertTrue(mentions(body["checks"]["disk"].get("error"), "disk"), "error: %r" % (body,))

    def test_both_then_recovered(self):
        """[R2] both failing are both reported; each request checks afresh, so it answers 200 again once they recover"""
        scene = Scene(self)
        scene.disk.set_broken(True)
        scene.mail.set_down(True)
        both = scene.client.get("/health")
        self.assertEqual(both.status_code, 503)
        self.assertEqual([both.json()["checks"]["mail"]["status"], both.json()["checks"]["disk"]["status"]],
                         ["failing", "failing"])
        scene.mail.set_down(False)
        one = scene.client.get("/health")
        self.assertEqual(one.status_code, 503)
        self.assertEqual([one.json()["checks"]["mail"]["status"], one.json()["checks"]["disk"]["status"]],
                         ["ok", "failing"])
        scene.disk.set_broken(False)
        self.assertEqual(scene.client.get("/health").status_code, 200)

    def test_any_error(self):
        """[R3] a check that raises something other than the framework's errors is reported as failing, never a 500"""
        response = Scene(self, FlakyProvider(ConnectionResetError("socket hang up"))).client.get("/health")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json()["checks"]["mail"], {"status": "failing", "error": "socket hang up"})
        bare = Scene(self, FlakyProvider(TimeoutError())).client.get("/health")
        self.assertEqual(bare.status_code, 503)
        self.assertEqual(bare.json()["checks"]["mail"], {"status": "failing", "error": "TimeoutError"})


ROUTE = "/users/{user_id}"


class Metrics(unittest.TestCase):
    """Metrics"""

    def test_counts(self):
        """[R4] /metrics counts answered requests by method, route pattern and status, sorted by route, method, status"""
        client = Scene(self).client
        signup(client, "ada@example.com")
        signup(client, "ada@example.com")
        client.get("/users/1")
        client.get("/users/2")
        client.get("/users/1")
        client.get("/users")
        self.assertEqual(rows(self, client), [
            ["POST", "/signup", 201, 1],
            ["POST", "/signup", 409, 1],
            ["GET", "/users", 200, 1],
            ["GET", ROUTE, 200, 2],
            ["GET", ROUTE, 404, 1],
        ])

    def test_unmatched_and_405(self):
        """[R4] a path no route matches is counted under "unmatched"; a wrong method under the route it matched"""
        client = Scene(self).client
        client.get("/nope")
        client.post("/nope/deeper")
        client.delete("/users")
        self.assertEqual(rows(self, client), [
            ["DELETE", "/users", 405, 1],
            ["GET", "unmatched", 404, 1],
            ["POST", "unmatched", 404, 1],
        ])

    def test_every_answer_counts(self):
        """[R5] every request counts once answered: a 500, a 400, /health and earlier /metrics requests, but not the one being answered"""
        scene = Scene(self)
        scene.mail.set_down(True)
        self.assertEqual(signup(scene.client, "ada@example.com").status_code, 500)  # the signup sends its email itself
        self.assertEqual(scene.client.post("/signup", body="{").status_code, 400)
        scene.client.get("/health")
        self.assertEqual(rows(self, scene.client), [
            ["GET", "/health", 503, 1],
            ["POST", "/signup", 400, 1],
            ["POST", "/signup", 500, 1],
        ])
        self.assertEqual(rows(self, scene.client), [
            ["GET", "/health", 503, 1],
            ["GET", "/metrics", 200, 1],
            ["POST", "/signup", 400, 1],
            ["POST", "/signup", 500, 1],
        ])

    def test_model(self):
        """[model] any sequence of requests is counted exactly, by method, route and status"""
        requests = [("GET", "/users", "/users"), ("GET", "/users/1", ROUTE), ("GET", "/users/7", ROUTE),
                    ("POST", "/signup", "/signup"), ("PUT", "/signup", "/signup"), ("GET", "/health", "/health"),
                    ("GET", "/missing", "unmatched"), ("PATCH", "/users/1/x", "unmatched")]
        rng = random.Random(4)
        data_dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, data_dir, True)
        for run in range(30):
            client = Scene(self, data_dir=data_dir).client
            model, sent = {}, []
            for _ in range(rng.randint(0, 20)):
                method, path, route = rng.choice(requests)
                body = {"email": "u%d@example.com" % rng.randint(0, 2), "name": "U"} if method == "POST" else None
                status = client.request(method, path, json=body).status_code
                sent.append("%s %s → %d" % (method, path, status))
                model[(route, method, status)] = model.get((route, method, status), 0) + 1
            expected = [[method, route, status, count] for (route, method, status), count in sorted(model.items())]
            got = rows(self, client)
            if got != expected:
                self.fail("run %d: after %s: expected %r, got %r" % (run, "; ".join(sent), expected, got))


if __name__ == "__main__":
    unittest.main()
