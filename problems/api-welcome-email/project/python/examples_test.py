import shutil
import tempfile
import unittest

from framework.testing import FakeMailProvider, ManualClock, TestClient
from server import start_service


def open_service(test, clock):
    data_dir = tempfile.mkdtemp()
    test.addCleanup(shutil.rmtree, data_dir, True)
    mail = FakeMailProvider(clock)
    return mail, start_service(data_dir=data_dir, clock=clock, mail=mail)


class Requirement1(unittest.TestCase):
    """Requirement 1"""

    def test_answers_first(self):
        """the signup answers before the welcome email is sent; the email goes out when the service is idle"""
        clock = ManualClock(0)
        mail, service = open_service(self, clock)
        client = TestClient(service)
        response = client.post("/signup", json={"email": "ada@example.com", "name": "Ada"})
        self.assertEqual(response.status_code, 201)
        self.assertEqual(mail.outbox, [])
        service.idle()
        self.assertEqual([e["to"] for e in mail.outbox], ["ada@example.com"])


class Retries(unittest.TestCase):
    """Retries"""

    def test_retried(self):
        """a failed send is tried again 30 seconds later"""
        clock = ManualClock(0)
        mail, service = open_service(self, clock)
        mail.fail_next(1)
        TestClient(service).post("/signup", json={"email": "ada@example.com", "name": "Ada"})
        service.idle()
        clock.advance(30_000)
        service.idle()
        self.assertEqual([a["at"] for a in mail.attempts], [0, 30_000])
        self.assertEqual(len(mail.outbox), 1)


if __name__ == "__main__":
    unittest.main()
