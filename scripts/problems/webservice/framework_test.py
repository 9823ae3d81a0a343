"""The Python web-service library (problems/_libraries/web-service/python/, mounted as `framework`) under
CPython: routes, parameters, bodies, errors, middleware, dependencies, background tasks, mail, SQLite.
Run by webServicePython.test.ts, which puts the library on the import path as `framework`."""

import asyncio
import shutil
import tempfile
import unittest

from framework import (App, BackgroundTasks, Database, Depends, HTTPException, JSONResponse, MailProviderError,
                       ManualClock, Request, Response, TestClient)


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
        self.assertIn("user_id", r.json()["detail"])
        self.assertEqual(client.post("/echo", json={"a": [1]}).json(), {"got": {"a": [1]}})
        self.assertEqual(client.post("/echo", json={"a": 1}).status_code, 201)
        bad = client.post("/echo", body="{not json")
        self.assertEqual(bad.status_code, 400)
        self.assertIn("malformed json", bad.json()["detail"].lower())
        self.assertEqual(client.post("/echo").status_code, 400)

    def test_unrouted_paths_and_methods(self):
        app, _, client = make_app()
        app.get("/items")(lambda: [])
        app.delete("/items")(lambda: None)
        self.assertEqual(client.get("/nothing").status_code, 404)
        self.assertEqual(client.get("/nothing").json(), {"detail": "Not Found"})
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
        self.assertEqual((r.status_code, r.json(), r.headers["retry-after"]), (429, {"detail": "slow down"}, "30"))
        self.assertEqual(client.get("/broken").status_code, 500)
        self.assertEqual(client.get("/broken").json(), {"detail": "Internal Server Error"})
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
                return JSONResponse({"detail": "blocked"}, status_code=403)
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
        def work(tasks: BackgroundTasks):
            tasks.add_task_later(500, ran.append, ("late", None))
            tasks.add_task(async_task, "first")
            tasks.add_task(failing)
            tasks.add_task(lambda: tasks.add_task(ran.append, ("chained", None)))
            return {"queued": tasks.pending}

        self.assertEqual(client.post("/work").json(), {"queued": 4})
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
        with self.assertRaises(ValueError):
            app.tasks.add_task_later(-1, print)


class Mail(unittest.TestCase):
    def test_outbox_and_failures(self):
        app, clock, _ = make_app()
        app.mail.fail_next(2)
        for _ in range(2):
            with self.assertRaises(MailProviderError):
                app.mail.send(to="a@x.io", subject="s", body="b")
        clock.advance(5)
        app.mail.send(to="a@x.io", subject="Welcome", body="Hi")
        self.assertEqual(app.mail.sent, [{"to": "a@x.io", "subject": "Welcome", "body": "Hi", "at": 1005}])
        self.assertEqual(app.mail.attempts, 3)
        app.mail.go_down()
        with self.assertRaises(MailProviderError):
            app.mail.send(to="b@x.io", subject="s", body="b")
        app.mail.go_up()
        app.mail.send(to="b@x.io", subject="s", body="b")
        self.assertEqual(len(app.mail.sent_to("b@x.io")), 1)


class Storage(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_data_survives_a_new_database_over_the_same_directory(self):
        db = Database(self.dir)
        db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE)")
        new_id = db.execute("INSERT INTO users (email) VALUES (?)", ["ada@x.io"]).lastrowid
        with self.assertRaises(RuntimeError):
            with db.transaction():
                db.execute("INSERT INTO users (email) VALUES (?)", ["bob@x.io"])
                raise RuntimeError("abort")
        again = Database(self.dir)
        self.assertEqual(again.query("SELECT id, email FROM users"), [{"id": new_id, "email": "ada@x.io"}])
        self.assertIsNone(again.query_one("SELECT * FROM users WHERE email = ?", ["bob@x.io"]))
        with self.assertRaises(ValueError):
            Database(self.dir, "evil.py")


if __name__ == "__main__":
    unittest.main()
