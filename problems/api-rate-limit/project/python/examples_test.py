import shutil
import tempfile
import unittest

from framework.testing import ManualClock, TestClient
from server import start_service


def open_service(test):
    data_dir = tempfile.mkdtemp()
    test.addCleanup(shutil.rmtree, data_dir, True)
    clock = ManualClock(0)
    return clock, TestClient(start_service(data_dir=data_dir, clock=clock))


ADA = {"X-Client-Id": "ada"}


class Requirement1(unittest.TestCase):
    """Requirement 1"""

    def test_answers_as_before(self):
        """the service answers as before while a client stays under the limit"""
        _, client = open_service(self)
        response = client.get("/users", headers=ADA)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"users": []})

    def test_sixth_request(self):
        """the sixth request in a minute answers 429 with Retry-After"""
        clock, client = open_service(self)
        for _ in range(5):
            self.assertEqual(client.get("/users", headers=ADA).status_code, 200)
            clock.advance(1_000)
        sixth = client.get("/users", headers=ADA)
        self.assertEqual(sixth.status_code, 429)
        self.assertEqual(sixth.header("Retry-After"), "55")


class RateLimitHeaders(unittest.TestCase):
    """Rate limit headers"""

    def test_remaining(self):
        """a request carries how many requests are left"""
        _, client = open_service(self)
        self.assertEqual(client.get("/users", headers=ADA).header("X-RateLimit-Remaining"), "4")


if __name__ == "__main__":
    unittest.main()
