import shutil
import tempfile
import unittest

from framework.testing import Disk, FakeMailProvider, ManualClock, TestClient
from server import start_service


def open_service(test):
    data_dir = tempfile.mkdtemp()
    test.addCleanup(shutil.rmtree, data_dir, True)
    clock = ManualClock(0)
    mail, disk = FakeMailProvider(clock), Disk(data_dir)
    return mail, disk, TestClient(start_service(data_dir=data_dir, clock=clock, mail=mail, disk=disk))


class Requirement1(unittest.TestCase):
    """Requirement 1"""

    def test_healthy(self):
        """/health answers 200 when every dependency answers"""
        _, _, client = open_service(self)
        response = client.get("/health")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["status"], "ok")

    def test_mail_down(self):
        """/health answers 503 when the mail provider is down"""
        mail, _, client = open_service(self)
        mail.set_down(True)
        self.assertEqual(client.get("/health").status_code, 503)


class Metrics(unittest.TestCase):
    """Metrics"""

    def test_counts(self):
        """/metrics counts requests by method, route and status"""
        _, _, client = open_service(self)
        client.get("/users")
        client.get("/users")
        self.assertEqual(client.get("/metrics").json(),
                         {"requests": [{"method": "GET", "route": "/users", "status": 200, "count": 2}]})


if __name__ == "__main__":
    unittest.main()
