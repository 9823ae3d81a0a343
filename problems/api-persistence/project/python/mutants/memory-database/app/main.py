# Mutant: the database is SQLite in memory, not a file in the data directory
"""Builds the service: its dependencies, its routes and its middleware."""

from app.deps import Deps
from app.routes import register_routes
from app.users.store import UserStore
import sqlite3

from framework import App, Database, FakeMailProvider

# The database file in the service's data directory.
DATABASE_FILE = "accounts.db"


def create_app(*, data_dir, clock, mail=None):
    app = App(clock=clock)
    db = Database(data_dir, DATABASE_FILE)
    db.connection = sqlite3.connect(":memory:", isolation_level=None)
    db.connection.row_factory = sqlite3.Row
    deps = Deps(clock=clock, tasks=app.tasks, mail=mail or FakeMailProvider(clock), users=UserStore(db))
    register_routes(app, deps)
    return app
