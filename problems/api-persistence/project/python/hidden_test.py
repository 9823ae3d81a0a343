import os
import random
import shutil
import tempfile
import unittest

from framework.testing import ManualClock, TestClient, mentions
from server import start_service

T0 = 1_700_000_000_000


class Machine:
    """One data directory and one clock; start() starts the service over them (again, for a restart)."""

    def __init__(self, test, data_dir=None):
        if data_dir is None:
            data_dir = tempfile.mkdtemp()
            test.addCleanup(shutil.rmtree, data_dir, True)
        self.data_dir = data_dir
        self.clock = ManualClock(T0)

    def start(self):
        return TestClient(start_service(data_dir=self.data_dir, clock=self.clock))


def signup(client, email, name):
    return client.post("/signup", json={"email": email, "name": name})


class Requirement1(unittest.TestCase):
    """Requirement 1"""

    def test_read_back_after_restart(self):
        """[R1] a user created before a restart is read back after it, every field the same"""
        machine = Machine(self)
        created = signup(machine.start(), "ada@example.com", "Ada Lovelace")
        self.assertEqual(created.status_code, 201)
        machine.clock.advance(5_000)
        read = machine.start().get("/users/%d" % created.json()["id"])
        self.assertEqual(read.status_code, 200)
        self.assertEqual(read.json(), {"id": 1, "email": "ada@example.com", "name": "Ada Lovelace", "createdAt": T0})
        self.assertIsInstance(read.json()["createdAt"], int)

    def test_several_restarts(self):
        """[R1] users survive several restarts, with signups in between"""
        machine = Machine(self)
        signup(machine.start(), "ada@example.com", "Ada")
        machine.clock.advance(1_000)
        signup(machine.start(), "bob@example.com", "Bob")
        third = machine.start()
        self.assertEqual(third.get("/users/1").json()["name"], "Ada")
        self.assertEqual(third.get("/users/2").json(),
                         {"id": 2, "email": "bob@example.com", "name": "Bob", "createdAt": T0 + 1_000})
        self.assertEqual(third.get("/users/3").status_code, 404)

    def test_duplicate_email(self):
        """[R2] a second signup with an email already taken answers 409 with an error about the email, also after a restart"""
        machine = Machine(self)
        first = machine.start()
        signup(first, "ada@example.com", "Ada")
        self.assertEqual(signup(first, "ada@example.com", "Someone else").status_code, 409)
        restarted = machine.start()
        response = signup(restarted, "  ADA@Example.com ", "Ada again")
        self.assertEqual(response.status_code, 409)
        self.assertTrue(mentions(response.json().get("error"), "email"), "error: %r" % (response.json(),))
        self.assertEqual(len(restarted.get("/users").json()["users"]), 1)
        self.assertEqual(restarted.get("/users/1").json()["name"], "Ada")

    def test_ids(self):
        """[R3] ids count up from 1 across restarts, and a refused signup uses no id"""
        machine = Machine(self)
        first = machine.start()
        self.assertEqual(signup(first, "ada@example.com", "Ada").json()["id"], 1)
        self.assertEqual(signup(first, "ada@example.com", "Ada").status_code, 409)
        self.assertEqual(signup(first, "not-an-email", "X").status_code, 400)
        self.assertEqual(signup(first, "bob@example.com", "Bob").json()["id"], 2)
        second = machine.start()
        self.assertEqual(signup(second, "bob@example.com", "Bob").status_code, 409)
        self.assertEqual(signup(second, "cy@example.com", "Cy").json()["id"], 3)
        third = machine.start()
        self.assertEqual(signup(third, "di@example.com", "Di").json()["id"], 4)

    def test_list(self):
        """[R4] GET /users lists every user by id, after a restart too"""
        machine = Machine(self)
        first = machine.start()
        for email, name in [("zed@example.com", "Zed"), ("amy@example.com", "Amy"), ("max@example.com", "Max")]:
            signup(first, email, name)
        users = machine.start().get("/users").json()["users"]
        self.assertEqual([[u["id"], u["name"]] for u in users], [[1, "Zed"], [2, "Amy"], [3, "Max"]])

    def test_own_directory(self):
        """[R5] the data lives in the service's data directory: another directory starts empty, and the first keeps its own"""
        a, b = Machine(self), Machine(self)
        signup(a.start(), "ada@example.com", "Ada")
        other = b.start()
        self.assertEqual(other.get("/users").json(), {"users": []})
        self.assertEqual(signup(other, "ada@example.com", "Ada").status_code, 201)
        self.assertEqual(len(a.start().get("/users").json()["users"]), 1)

    def test_data_is_in_the_files(self):
        """[R5] the data is in the directory's files: a copy of the directory, started elsewhere, has it; an emptied one has not"""
        a = Machine(self)
        signup(a.start(), "ada@example.com", "Ada")
        copy = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, copy, True)
        shutil.rmtree(copy)
        shutil.copytree(a.data_dir, copy)
        moved = Machine(self, copy).start()
        self.assertEqual([u["email"] for u in moved.get("/users").json()["users"]], ["ada@example.com"])
        shutil.rmtree(a.data_dir)
        os.mkdir(a.data_dir)
        self.assertEqual(a.start().get("/users").json(), {"users": []})

    def test_model(self):
        """[model] any sequence of signups and restarts reads back as a list of the accepted signups"""
        rng = random.Random(2)
        for run in range(10):
            machine = Machine(self)
            client = machine.start()
            model = []
            steps = []
            for _ in range(rng.randint(1, 8)):
                machine.clock.advance(1_000)
                if rng.random() < 0.3:
                    client = machine.start()
                    steps.append("restart")
                    continue
                who, name = rng.randint(0, 4), rng.choice(["Ann", "Bo", " Cy ", ""])
                email = "user%d@example.com" % who
                status = signup(client, email.upper(), name).status_code
                expected = 400 if name.strip() == "" else 409 if any(u["email"] == email for u in model) else 201
                steps.append("signup %s %r → %d" % (email.upper(), name, status))
                if status != expected:
                    self.fail("run %d: %s: expected %d" % (run, "; ".join(steps), expected))
                if expected == 201:
                    model.append({"id": len(model) + 1, "email": email, "name": name.strip(),
                                  "createdAt": machine.clock.now()})
            users = machine.start().get("/users").json()["users"]
            if users != model:
                self.fail("run %d: after %s; restart: GET /users expected %r, got %r" % (
                    run, "; ".join(steps), model, users))


class ProfileUpdates(unittest.TestCase):
    """Profile updates"""

    def test_rename(self):
        """[R6] PATCH /users/{id} with a name answers 200 with the user renamed, and the new name survives a restart"""
        machine = Machine(self)
        first = machine.start()
        signup(first, "ada@example.com", "Ada")
        signup(first, "bob@example.com", "Bob")
        response = first.patch("/users/1", json={"name": "  Countess Ada "})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json(), {"id": 1, "email": "ada@example.com", "name": "Countess Ada", "createdAt": T0})
        after = machine.start()
        self.assertEqual(after.get("/users/1").json()["name"], "Countess Ada")
        self.assertEqual(after.get("/users/2").json()["name"], "Bob")

    def test_rename_keeps_email(self):
        """[R6] a rename keeps the email taken: the old account still refuses a second signup with it"""
        machine = Machine(self)
        first = machine.start()
        signup(first, "ada@example.com", "Ada")
        first.patch("/users/1", json={"name": "Ada L."})
        self.assertEqual(signup(machine.start(), "ada@example.com", "Ada").status_code, 409)

    def test_unknown_user_first(self):
        """[R7] an unknown user answers 404 before the body is looked at"""
        client = Machine(self).start()
        signup(client, "ada@example.com", "Ada")
        self.assertEqual(client.patch("/users/2", json={"name": "Bob"}).status_code, 404)
        self.assertEqual(client.patch("/users/2", json={"name": ""}).status_code, 404)
        self.assertEqual(client.patch("/users/2", body="{oops").status_code, 404)

    def test_bad_names(self):
        """[R7] a bad name or malformed JSON answers 400 and changes nothing"""
        machine = Machine(self)
        client = machine.start()
        signup(client, "ada@example.com", "Ada")
        for body in [{"name": ""}, {"name": "   "}, {"name": 42}, {"name": True}, {"name": None}, {}, ["Bob"],
                     {"name": "x" * 101}]:
            with self.subTest(body=body):
                self.assertEqual(client.patch("/users/1", json=body).status_code, 400)
        self.assertEqual(client.patch("/users/1", body='{"name": ').status_code, 400)
        self.assertEqual(machine.start().get("/users/1").json()["name"], "Ada")
        self.assertEqual(client.patch("/users/1", json={"name": " " + "y" * 100 + " "}).status_code, 200)
        self.assertEqual(machine.start().get("/users/1").json()["name"], "y" * 100)


if __name__ == "__main__":
    unittest.main()
