"""Builds the service: its dependencies, its routes and its middleware."""

from app.deps import Deps
from app.rate_limit import rate_limit
from app.routes import register_routes
from app.users.store import UserStore
from framework import App, FakeMailProvider


def create_app(*, data_dir, clock, mail=None):
    app = App(clock=clock)
    deps = Deps(clock=clock, tasks=app.tasks, mail=mail or FakeMailProvider(clock), users=UserStore())
    app.middleware(rate_limit(clock))
    register_routes(app, deps)
    return app
