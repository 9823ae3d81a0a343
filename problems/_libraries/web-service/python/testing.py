"""Driving a service from a test: a clock the test moves, and a client that speaks the wire format.

    clock = ManualClock()
    client = TestClient(start_service(data_dir=data_dir, clock=clock))
    response = client.post('/signup', json={'email': 'ada@example.com'})
    response.status_code, response.json(), response.headers['Retry-After']
    clock.advance(1000); client.idle()
"""

import re
from json import dumps, loads

from framework.mail import FakeMailProvider
from framework.messages import Headers
from framework.storage import Disk

__all__ = ["Disk", "FakeMailProvider", "ManualClock", "TestClient", "TestResponse", "mentions"]


class ManualClock:
    """now() is what the test says: it starts at `start_ms` and moves only with advance()."""

    def __init__(self, start_ms=0):
        self.time_ms = start_ms

    def now(self):
        return self.time_ms

    def advance(self, ms):
        if isinstance(ms, bool) or not isinstance(ms, (int, float)) or not ms >= 0:
            raise ValueError("advance() takes a number of milliseconds >= 0, got %r" % (ms,))
        self.time_ms += ms

    def set(self, ms):
        self.time_ms = ms


class TestResponse:
    __test__ = False  # not a test case, for runners that collect by name

    def __init__(self, wire):
        self.status_code = wire["status"]
        self.headers = Headers(wire.get("headers") or ())
        self.text = wire.get("body") or ""

    def header(self, name):
        """The value of the header `name` (any case), or None."""
        return self.headers.get(name)

    def json(self):
        """The body parsed as JSON (raises ValueError when it is not JSON)."""
        return loads(self.text)

    def __repr__(self):
        return "TestResponse(%d, %s)" % (self.status_code, self.text[:200])


class TestClient:
    """Sends requests to `service.handle` as the Requests pane and the runner do; each call returns a
    TestResponse. `json=` sends a body as JSON with its content type; `body=` sends text as it is."""

    __test__ = False

    def __init__(self, service):
        self.service = service

    def request(self, method, path, *, json=None, body=None, headers=None):
        pairs = [[str(n), str(v)] for n, v in (headers.items() if isinstance(headers, dict) else headers or ())]
        text = body or ""
        if json is not None:
            text = dumps(json)
            if not any(n.lower() == "content-type" for n, _ in pairs):
                pairs.append(["content-type", "application/json"])
        return TestResponse(self.service.handle({"method": method, "path": path, "headers": pairs, "body": text}))

    def get(self, path, **options):
        return self.request("GET", path, **options)

    def post(self, path, **options):
        return self.request("POST", path, **options)

    def put(self, path, **options):
        return self.request("PUT", path, **options)

    def patch(self, path, **options):
        return self.request("PATCH", path, **options)

    def delete(self, path, **options):
        return self.request("DELETE", path, **options)

    def idle(self):
        self.service.idle()


def mentions(text, *words):
    """True when `text` contains every one of `words` as a whole word, in any order and any case: how tests
    check a message without pinning its wording ('Rate limit exceeded' and 'exceeded the rate LIMIT' both
    mention 'rate' and 'limit')."""
    if not isinstance(text, str):
        return False
    found = set(re.split(r"[\W_]+", text.lower()))
    return all(word.lower() in found for word in words)
