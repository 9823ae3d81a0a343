"""The Python web-service library (problems/_libraries/web-service/python/, mounted as `framework`) under
CPython: routes, parameters, bodies, errors, middleware, dependencies, background tasks, mail, SQLite.
Run by webServicePython.test.ts, which puts the library on the import path as `framework`."""

import asyncio
import shutil
import tempfile
import unittest

from framework import (App, Database, Depends, Disk, DiskError, FakeMailProvider, HTTPException, JSONResponse, MailError, Request,
                       Response, TaskQueue, UniqueViolation)
from framework.testing import ManualClock, TestClient, mentions


def make_app():
    clock = ManualClock(1000)
    app = App(clock=clock)
    return app, clock, TestClient(app)


class Routing(unittest.TestCase):
    def test_path_query_and_body(self):
        app, _, client = make_app()

        @app.get("/users/{user_id}/posts/{slug}")
        def post(user_id: int, slug, limit: int = 10, verbose: bool = False):
            return {"user": user_id, "slug": slug, "limit": limit, "verbose": verbose}

        @app.post("/echo", status_code=201)
        def echo(body):
            return {"got": body}

        r = client.get("/users/7/posts/hello%20world?limit=3&verbose=true")
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.json(), {"user": 7, "slug": "hello world", "limit": 3, "verbose": True})
        self.assertEqual(r.headers["Content-Type"], "application/json")
        self.assertEqual(client.get("/users/7/posts/x/").json()["limit"], 10)
        r = client.get("/users/seven/posts/x")
        self.assertEqual(r.status_code, 422)
        self.assertIn("user_id", r.json()["error"])
        self.assertEqual(client.post("/echo", json={"a": [1]}).json(), {"got": {"a": [1]}})
        self.assertEqual(client.post("/echo", json={"a": 1}).status_code, 201)
        bad = client.post("/echo", body="{not json")
        self.assertEqual(bad.status_code, 400)
        self.assertTrue(mentions(bad.json()["error"], "not", "valid", "json"), bad.json())
        self.assertEqual(client.post("/echo").status_code, 400)

    def test_unrouted_paths_and_methods(self):
        app, _, client = make_app()
        app.get("/items")(lambda: [])
        app.delete("/items")(lambda: None)
        self.assertEqual(client.get("/nothing").status_code, 404)
        self.assertEqual(client.get("/nothing").json(), {"error": "not found: GET /nothing"})
        r = client.put("/items")
        self.assertEqual(r.status_code, 405)
        self.assertEqual(r.headers["allow"], "GET, DELETE")

    def test_required_query_parameter_and_first_route_wins(self):
        app, _, client = make_app()
        app.get("/users/me")(lambda: "me")
        app.get("/users/{name}")(lambda name: name)
        app.get("/search")(lambda q: q)
        self.assertEqual(client.get("/users/me").json(), "me")
        self.assertEqual(client.get("/users/ada").json(), "ada")
        self.assertEqual(client.get("/search").status_code, 422)
        self.assertEqual(client.get("/search?q=").json(), "")

    def test_errors_and_responses(self):
        app, _, client = make_app()

        @app.get("/limited")
        def limited():
            raise HTTPException(429, "slow down", headers={"Retry-After": "30"})

        @app.get("/broken")
        def broken():
            raise KeyError("oops")

        @app.get("/text")
        def text():
            return Response("hi", status_code=202, headers={"X-A": "1"})

        r = client.get("/limited")
        self.assertEqual((r.status_code, r.json(), r.headers["retry-after"]), (429, {"error": "slow down"}, "30"))
        self.assertEqual(client.get("/broken").status_code, 500)
        self.assertEqual(client.get("/broken").json(), {"error": "internal server error", "detail": "KeyError: 'oops'"})
        self.assertEqual(app.errors[-1], {"route": "/broken", "message": "'oops'"})
        r = client.get("/text")
        self.assertEqual((r.status_code, r.text, r.headers["x-a"]), (202, "hi", "1"))
        self.assertTrue(r.headers["content-type"].startswith("text/plain"))
        with self.assertRaises(ValueError):
            HTTPException(True)

    def test_wire_format(self):
        app, _, _ = make_app()
        app.get("/h")(lambda request: {"key": request.headers.get("X-Api-Key"), "q": request.query})
        wire = app.handle({"method": "GET", "path": "/h?a=1&a=2", "headers": [["x-api-key", "k1"]], "body": ""})
        self.assertEqual(wire["status"], 200)
        self.assertEqual(wire["headers"], [["content-type", "application/json"]])
        self.assertEqual(wire["body"], '{"key":"k1","q":{"a":"2"}}')


class MiddlewareAndDependencies(unittest.TestCase):
    def test_order_short_circuit_and_async(self):
        app, _, client = make_app()
        seen = []

        @app.middleware
        def outer(request, call_next):
            seen.append("outer")
            response = call_next(request)
            response.headers["X-Outer"] = "1"
            return response

        @app.middleware
        async def inner(request: Request, call_next):
            seen.append("inner")
            if request.headers.get("x-block"):
                return JSONResponse({"error": "blocked"}, status_code=403)
            request.state["user"] = "ada"
            return await call_next(request)

        @app.get("/me")
        async def me(request):
            await asyncio.sleep(0)
            return {"user": request.state["user"]}

        r = client.get("/me")
        self.assertEqual((r.status_code, r.json(), r.headers["x-outer"]), (200, {"user": "ada"}, "1"))
        self.assertEqual(seen, ["outer", "inner"])
        r = client.get("/me", headers={"X-Block": "yes"})
        self.assertEqual((r.status_code, r.headers["x-outer"]), (403, "1"))
        self.assertEqual(client.get("/missing").headers["x-outer"], "1")

    def test_middleware_errors(self):
        app, _, client = make_app()

        @app.middleware
        def guard(request, call_next):
            if request.path == "/deny":
                raise HTTPException(401, "who are you")
            if request.path == "/crash":
                raise RuntimeError("bug")
            return call_next(request)

        self.assertEqual(client.get("/deny").status_code, 401)
        self.assertEqual(client.get("/crash").status_code, 500)

    def test_dependencies_once_per_request_with_cleanup(self):
        app, _, client = make_app()
        events = []

        def get_db():
            events.append("open")
            yield "db"
            events.append("close")

        def get_repo(db=Depends(get_db)):
            return "repo(%s)" % db

        @app.get("/x")
        def handler(repo=Depends(get_repo), db=Depends(get_db)):
            events.append("handler")
            return [repo, db]

        self.assertEqual(client.get("/x").json(), ["repo(db)", "db"])
        self.assertEqual(events, ["open", "handler", "close"])


class BackgroundWork(unittest.TestCase):
    def test_tasks_run_at_idle_in_due_order(self):
        app, clock, client = make_app()
        ran = []

        async def async_task(name):
            ran.append((name, clock.now()))

        def failing():
            raise ValueError("nope")

        @app.post("/work")
        def work(tasks: TaskQueue):
            tasks.later("late", 500, lambda: ran.append(("late", None)))
            tasks.enqueue("first", lambda: async_task("first"))
            tasks.enqueue("failing", failing)
            tasks.enqueue("chain", lambda: tasks.enqueue("chained", lambda: ran.append(("chained", None))))
            return {"queued": tasks.pending, "waiting": tasks.waiting()[-1]}

        self.assertEqual(client.post("/work").json(), {"queued": 4, "waiting": {"name": "late", "at": 1500}})
        self.assertEqual(ran, [])
        client.idle()
        self.assertEqual(ran, [("first", 1000), ("chained", None)])
        clock.advance(499)
        client.idle()
        self.assertEqual(len(ran), 2)
        clock.advance(1)
        client.idle()
        self.assertEqual(ran[-1], ("late", None))
        self.assertEqual(app.tasks.pending, 0)
        self.assertEqual(app.tasks.failures, [{"name": "failing", "at": 1000, "error": "nope"}])
        with self.assertRaises(ValueError):
            app.tasks.later("x", -1, print)


class Mail(unittest.TestCase):
    def test_outbox_and_failures(self):
        clock = ManualClock(1000)
        mail = FakeMailProvider(clock)
        mail.fail_next(2)
        for _ in range(2):
            with self.assertRaises(MailError):
                mail.send(to="a@x.io", subject="s", body="b")
        clock.advance(5)
        mail.send(to="a@x.io", subject="Welcome", body="Hi")
        self.assertEqual(mail.outbox, [{"to": "a@x.io", "subject": "Welcome", "body": "Hi", "sent_at": 1005}])
        self.assertEqual([a["ok"] for a in mail.attempts], [False, False, True])
        mail.set_down(True)
        with self.assertRaises(MailError):
            mail.send(to="b@x.io", subject="s", body="b")
        with self.assertRaises(MailError):
            mail.ping()
        mail.set_down(False)
        mail.ping()
        mail.send(to="b@x.io", subject="s", body="b")
        self.assertEqual(len(mail.outbox), 2)


class Storage(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_data_survives_a_new_database_over_the_same_directory(self):
        db = Database(self.dir, "app.db")
        db.run("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE)")
        written = db.run("INSERT INTO users (email) VALUES (?)", ["ada@x.io"])
        self.assertEqual(written.changes, 1)
        with self.assertRaises(UniqueViolation):
            db.run("INSERT INTO users (email) VALUES (?)", ["ada@x.io"])
        with self.assertRaises(RuntimeError):
            with db.transaction():
                db.run("INSERT INTO users (email) VALUES (?)", ["bob@x.io"])
                raise RuntimeError("abort")
        again = Database(self.dir, "app.db")
        again.ping()
        self.assertEqual(again.all("SELECT id, email FROM users"), [{"id": written.last_insert_id, "email": "ada@x.io"}])
        self.assertIsNone(again.get("SELECT * FROM users WHERE email = ?", ["bob@x.io"]))
        with self.assertRaises(ValueError):
            Database(self.dir, "evil.py")

    def test_disk_files_outlive_it_and_it_can_break(self):
        disk = Disk(self.dir)
        self.assertIsNone(disk.read("probe"))
        disk.write("probe", b"\x01\x02")
        disk.write("probe", b"\x03")
        self.assertEqual(Disk(self.dir).read("probe"), b"\x03")
        self.assertEqual(disk.names(), ["probe"])
        disk.set_broken(True)
        with self.assertRaises(DiskError):
            disk.write("probe", b"x")
        disk.set_broken(False)
        self.assertEqual(disk.read("probe"), b"\x03")
        shutil.rmtree(self.dir)
        with self.assertRaises(DiskError):
            Disk(self.dir).read("probe")


if __name__ == "__main__":
    unittest.main()
