"""The application: routes by decorator, middleware around every request, and the two calls the runner
makes (handle, idle).

    app = App(clock=clock)

    @app.get('/users/{user_id}')
    def get_user(user_id: int, db=Depends(get_db)):
        ...

    @app.middleware
    def add_header(request, call_next):
        response = call_next(request)
        response.set_header('X-Served-By', 'rehearse')
        return response

A handler returns a dict, a list, a string, a number or None (answered as JSON, with the route's status
code, 200 unless the decorator says `status_code=201`), or a Response. Raising HTTPException answers its
status with {"error": detail}; anything else it raises answers 500 with {"error": "internal server error",
"detail": <the message>}, recorded in `app.errors`. A path no route has answers 404; a path some route has
with another method answers 405 with `Allow`. Middleware sees each of these answers as a Response.
"""

import inspect

from framework.coroutines import drive
from framework.errors import HTTPException
from framework.messages import JSONResponse, Request, Response
from framework.params import Resolution
from framework.routing import Route, Router
from framework.tasks import TaskQueue


class App:
    """`clock` has now() in milliseconds. The app owns its background queue, `app.tasks`."""

    def __init__(self, *, clock):
        if not callable(getattr(clock, "now", None)):
            raise TypeError("App(clock=...) needs an object with now() in milliseconds")
        self.clock = clock
        self.router = Router()
        self.middlewares = []
        self.tasks = TaskQueue(clock)
        # Errors that became 500 answers, oldest first: {'route': pattern or None, 'message': str}.
        self.errors = []

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
        the outermost (it sees the request first and the response last). `call_next(request)` returns the
        Response of the rest of the chain (`await call_next(request)` in an `async def` middleware).
        Return a Response, or raise HTTPException, to answer without calling the rest."""
        if not callable(function):
            raise TypeError("middleware must be a function taking (request, call_next)")
        self.middlewares.append(function)
        return function

    # Serving ---------------------------------------------------------------------------------------

    def handle(self, wire):
        """A request as plain data → the response as plain data (docs/decisions/api-scenarios.md)."""
        try:
            request = Request(wire["method"], wire["path"], wire.get("headers") or (), wire.get("body") or "")
        except (KeyError, AttributeError, TypeError, ValueError) as error:
            return error_response(HTTPException(400, "malformed request: %s" % error)).to_wire()
        route, found = self.router.find(request.method, request.path)
        request.route = route.pattern if route else self.router.pattern_of(request.path)
        chain = lambda r: self.dispatch(r, route, found)  # noqa: E731 - the innermost link
        for middleware in reversed(self.middlewares):
            chain = self.wrap(middleware, chain)
        return self.answer(request, chain).to_wire()

    def idle(self):
        """Runs the background tasks due at the clock's time."""
        self.tasks.run_due()

    def dispatch(self, request, route, found):
        if route is None and found:
            raise HTTPException(405, "method %s is not allowed on %s" % (request.method, request.path),
                                {"Allow": ", ".join(found)})
        if route is None:
            raise HTTPException(404, "not found: %s %s" % (request.method, request.path))
        request.path_params = found
        resolution = Resolution(request, self.tasks, drive)
        try:
            return as_response(resolution.call(route.endpoint), route.status_code)
        finally:
            resolution.finish()

    def wrap(self, middleware, call_next):
        """One link of the chain: the middleware with the rest of the chain as its call_next."""
        if inspect.iscoroutinefunction(middleware):
            async def next_async(request):
                return self.answer(request, call_next)

            return lambda request: drive(middleware(request, next_async))
        return lambda request: middleware(request, lambda inner: self.answer(inner, call_next))

    def answer(self, request, link):
        """The Response of `link(request)`, with a raise turned into the framework's error answer."""
        try:
            response = link(request)
            if not isinstance(response, Response):
                raise TypeError("middleware must return the Response it got from call_next (or its own), got %r"
                                % (response,))
            return response
        except HTTPException as error:
            return error_response(error)
        except Exception as error:  # noqa: BLE001 - any failure is the service's 500, as a real server's
            self.errors.append({"route": request.route, "message": str(error)})
            return JSONResponse({"error": "internal server error", "detail": "%s: %s" % (
                type(error).__name__, error)}, status_code=500)


def as_response(value, status_code):
    if isinstance(value, Response):
        return value
    return JSONResponse(value, status_code=status_code)


def error_response(error):
    return JSONResponse({"error": error.detail}, status_code=error.status_code, headers=error.headers)
