import shutil
import tempfile
import unittest

from framework.testing import ManualClock, TestClient
from server import start_service


class Requirement1(unittest.TestCase):
    """Requirement 1"""

    def test_survives_restart(self):
        """a user created before a restart is still there after it"""
        data_dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, data_dir, True)
        clock = ManualClock(0)
        before = TestClient(start_service(data_dir=data_dir, clock=clock))
        created = before.post("/signup", json={"email": "ada@example.com", "name": "Ada"})
        self.assertEqual(created.status_code, 201)

        after = TestClient(start_service(data_dir=data_dir, clock=clock))
        read = after.get("/users/%d" % created.json()["id"])
        self.assertEqual(read.status_code, 200)
        self.assertEqual(read.json()["email"], "ada@example.com")


class ProfileUpdates(unittest.TestCase):
    """Profile updates"""

    def test_rename(self):
        """a user can be renamed"""
        data_dir = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, data_dir, True)
        client = TestClient(start_service(data_dir=data_dir, clock=ManualClock(0)))
        client.post("/signup", json={"email": "ada@example.com", "name": "Ada"})
        response = client.patch("/users/1", json={"name": "Ada L."})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["name"], "Ada L.")


if __name__ == "__main__":
    unittest.main()
