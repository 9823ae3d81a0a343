"""Requests, responses and headers as a handler sees them.

The wire format is plain data (docs/decisions/api-scenarios.md): a request is
{'method', 'path', 'headers': [[name, value], ...], 'body': str} and a response
{'status', 'headers': [[name, value], ...], 'body': str}. These classes wrap it so a
handler reads `request.query['limit']` or `request.headers.get('x-api-key')` and returns
a dict, a list or a Response.
"""

import json
from urllib.parse import parse_qsl

from framework.errors import HTTPException


class Headers:
    """Header lines in order, looked up without regard to case; a name may repeat."""

    def __init__(self, pairs=()):
        self.items = [(str(name), str(value)) for name, value in pairs]

    def get(self, name, default=None):
        """The first value sent under `name` (any case), else `default`."""
        wanted = name.lower()
        for key, value in self.items:
            if key.lower() == wanted:
                return value
        return default

    def get_all(self, name):
        wanted = name.lower()
        return [value for key, value in self.items if key.lower() == wanted]

    def set(self, name, value):
        """Replaces every line of `name` with one line."""
        self.remove(name)
        self.items.append((name, str(value)))

    def add(self, name, value):
        self.items.append((name, str(value)))

    def remove(self, name):
        wanted = name.lower()
        self.items = [(key, value) for key, value in self.items if key.lower() != wanted]

    def __contains__(self, name):
        return self.get(name) is not None

    def __getitem__(self, name):
        value = self.get(name)
        if value is None:
            raise KeyError(name)
        return value

    def __setitem__(self, name, value):
        self.set(name, value)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return "Headers(%r)" % (self.items,)


class Request:
    """One request: `method` ('GET'), `path` ('/users/7', without the query), `query` (a dict, the last
    value of a repeated name wins), `headers`, `body` (text), and once routed `path_params` ({'user_id':
    '7'}) and `route`, the matched route's pattern ('/users/{user_id}', None when no route has the path);
    `state` is a dict middleware may fill for the handler."""

    def __init__(self, method, target, headers=(), body=""):
        self.method = str(method).upper()
        path, _, query = str(target).partition("?")
        self.path = path or "/"
        self.query = dict(parse_qsl(query, keep_blank_values=True))
        self.headers = Headers(headers)
        self.body = body or ""
        self.path_params = {}
        self.route = None
        self.state = {}

    def header(self, name):
        """The first value of the header `name` (any case), or None."""
        return self.headers.get(name)

    def json(self):
        """The body parsed as JSON; a body that is not JSON is the client's mistake: 400."""
        if self.body.strip() == "":
            raise HTTPException(400, "the request body is not valid JSON (it is empty)")
        try:
            return json.loads(self.body)
        except ValueError as error:
            raise HTTPException(400, "the request body is not valid JSON: %s" % error) from None

    def __repr__(self):
        return "Request(%s %s)" % (self.method, self.path)


class Response:
    """A response with a text body: `Response('ok', status_code=200, headers={'X-A': '1'})`."""

    media_type = "text/plain; charset=utf-8"

    def __init__(self, content="", status_code=200, headers=None, media_type=None):
        self.status_code = int(status_code)
        self.body = self.render(content)
        self.headers = Headers(headers.items() if isinstance(headers, dict) else headers or ())
        if media_type is not None:
            self.media_type = media_type
        if self.media_type and "content-type" not in self.headers:
            self.headers.add("content-type", self.media_type)

    def render(self, content):
        return "" if content is None else str(content)

    def header(self, name):
        """The first value of the header `name` (any case), or None."""
        return self.headers.get(name)

    def set_header(self, name, value):
        """Sets the header `name`, replacing any value it had; returns the response."""
        self.headers.set(name, value)
        return self

    def to_wire(self):
        return {"status": self.status_code, "headers": [[n, v] for n, v in self.headers], "body": self.body}

    def __repr__(self):
        return "Response(%d)" % self.status_code


class JSONResponse(Response):
    """A response whose body is `content` as JSON: `JSONResponse({'id': 1}, status_code=201)`."""

    media_type = "application/json"

    def render(self, content):
        return json.dumps(content, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
