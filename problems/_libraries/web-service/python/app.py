"""The application: routes by decorator, middleware, and the two calls the runner makes (handle, idle).

    app = App(clock=clock)

    @app.get('/users/{user_id}')
    def get_user(user_id: int, db=Depends(get_db)):
        ...

    @app.middleware
    def add_header(request, call_next):
        response = call_next(request)
        response.headers['X-Served-By'] = 'rehearse'
        return response

A handler returns a dict, a list, a string, a number or None (sent as JSON, with the route's status
code), or a Response. It raises HTTPException for an error answer. Anything else it raises is a 500, and
the error is printed on the console.
"""

import inspect
import sys

from framework.coroutines import drive
from framework.errors import HTTPException
from framework.mail import Outbox
from framework.messages import JSONResponse, Request, Response
from framework.params import Resolution
from framework.routing import Route, Router
from framework.tasks import BackgroundTasks


class App:
    """`clock` has now() in milliseconds. The app owns its task queue (`app.tasks`), its fake mail
    provider (`app.mail`) and `app.state`, a dict for whatever the service keeps (a database...)."""

    def __init__(self, *, clock):
        if not callable(getattr(clock, "now", None)):
            raise TypeError("App(clock=...) needs an object with now() in milliseconds")
        self.clock = clock
        self.router = Router()
        self.middlewares = []
        self.tasks = BackgroundTasks(clock)
        self.mail = Outbox(clock)
        self.state = {}

    # Declaring routes ------------------------------------------------------------------------------

    def route(self, method, path, *, status_code=200):
        def register(endpoint):
            self.router.add(Route(method, path, endpoint, status_code))
            return endpoint

        return register

    def get(self, path, *, status_code=200):
        return self.route("GET", path, status_code=status_code)

    def post(self, path, *, status_code=200):
        return self.route("POST", path, status_code=status_code)

    def put(self, path, *, status_code=200):
        return self.route("PUT", path, status_code=status_code)

    def patch(self, path, *, status_code=200):
        return self.route("PATCH", path, status_code=status_code)

    def delete(self, path, *, status_code=200):
        return self.route("DELETE", path, status_code=status_code)

    def middleware(self, function):
        """`function(request, call_next)` runs around every request, routed or not; the first declared is
        the outermost. `call_next(request)` returns the Response of the rest of the chain (awaited, in an
        `async def` middleware). Return a Response (or raise HTTPException) to answer without the handler."""
        if not callable(function):
            raise TypeError("middleware must be a function taking (request, call_next)")
        self.middlewares.append(function)
        return function

    # Serving ---------------------------------------------------------------------------------------

    def handle(self, wire):
        """A request as plain data → the response as plain data (docs/decisions/api-scenarios.md)."""
        try:
            request = Request(wire.get("method", "GET"), wire.get("path", "/"), wire.get("headers") or (),
                              wire.get("body") or "")
        except (AttributeError, TypeError, ValueError) as error:
            return error_response(HTTPException(400, "malformed request: %s" % error)).to_wire()
        return self.respond(request).to_wire()

    def idle(self):
        """Runs the background tasks due at the clock's time."""
        self.tasks.run_due()

    def respond(self, request):
        """The Response to `request`, through every middleware."""
        chain = self.dispatch
        for middleware in reversed(self.middlewares):
            chain = _wrap(middleware, chain)
        try:
            return as_response(chain(request), 200)
        except HTTPException as error:
            return error_response(error)
        except Exception as error:  # noqa: BLE001 - any failure is the service's 500, as a real server's
            return server_error(request, error)

    def dispatch(self, request):
        """Routes `request` and calls its handler: the innermost link of the middleware chain."""
        route, found = self.router.find(request.method, request.path)
        if route is None and found:
            return error_response(HTTPException(405), {"Allow": ", ".join(found)})
        if route is None:
            return error_response(HTTPException(404))
        request.path_params = found
        resolution = Resolution(request, self.tasks, drive)
        try:
            return as_response(resolution.call(route.endpoint), route.status_code)
        except HTTPException as error:
            return error_response(error)
        except Exception as error:  # noqa: BLE001
            return server_error(request, error)
        finally:
            resolution.finish()


def _wrap(middleware, call_next):
    if inspect.iscoroutinefunction(middleware):
        async def next_async(request):
            return call_next(request)

        return lambda request: as_response(drive(middleware(request, next_async)), 200)
    return lambda request: as_response(middleware(request, call_next), 200)


def as_response(value, status_code):
    if isinstance(value, Response):
        return value
    return JSONResponse(value, status_code=status_code)


def error_response(error, headers=None):
    response = JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)
    for name, value in (headers or {}).items():
        response.headers.set(name, value)
    return response


def server_error(request, error):
    print("%s %s failed: %s: %s" % (request.method, request.path, type(error).__name__, error), file=sys.stderr)
    return JSONResponse({"detail": "Internal Server Error"}, status_code=500)
