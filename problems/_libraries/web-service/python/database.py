"""SQLite in a file under the service's data directory, through Python's sqlite3.

    db = Database(data_dir, 'app.db')
    db.run('CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, email TEXT UNIQUE)')
    user_id = db.run('INSERT INTO users (email) VALUES (?)', ['ada@example.com']).last_insert_id
    db.all('SELECT id, email FROM users')                 # [{'id': 1, 'email': 'ada@example.com'}]
    db.get('SELECT * FROM users WHERE id = ?', [user_id])  # a dict, or None
    with db.transaction():                                 # both or neither
        ...

A statement outside a transaction is committed as it runs, so what a request wrote is in the file when
it answers, and a service started again over the same directory reads it back. `sqlite3` may also be
used directly, on a file under the data directory.
"""

import sqlite3
from collections import namedtuple
from contextlib import contextmanager

Written = namedtuple("Written", ["changes", "last_insert_id"])


class DatabaseError(Exception):
    """A statement failed (bad SQL, a constraint, a database that cannot be read)."""


class UniqueViolation(DatabaseError):
    """A write broke a UNIQUE (or PRIMARY KEY) constraint, e.g. a second user with the same email."""


class Database:
    def __init__(self, data_dir, name="app.db"):
        if not isinstance(data_dir, str) or data_dir == "":
            raise ValueError("Database needs the service's data directory, got %r" % (data_dir,))
        if not isinstance(name, str) or not name or "/" in name or name.endswith(".py"):
            raise ValueError("name must be a plain file name (not a .py file), got %r" % (name,))
        self.name = name
        self.path = data_dir.rstrip("/") + "/" + name
        # isolation_level=None: sqlite3 opens no transaction behind the code's back (autocommit).
        self.connection = self.guard(lambda: sqlite3.connect(self.path, isolation_level=None))
        self.connection.row_factory = sqlite3.Row
        # The file lives in the sandbox's memory file system, which the runner copies out after each
        # request: a rollback journal on it (created and deleted at every write) and syncs buy no safety
        # there, and cost milliseconds per write in Pyodide. The journal stays in memory instead.
        self.guard(lambda: self.connection.execute("PRAGMA journal_mode = MEMORY").fetchone())
        self.guard(lambda: self.connection.execute("PRAGMA synchronous = OFF"))
        self.depth = 0

    def run(self, sql, params=()):
        """Runs a statement that returns no rows (CREATE, INSERT, UPDATE, DELETE)."""
        cursor = self.guard(lambda: self.connection.execute(sql, params))
        return Written(cursor.rowcount, cursor.lastrowid)

    def all(self, sql, params=()):
        """Every row of a query, each as a dict {column: value}."""
        return [dict(row) for row in self.guard(lambda: self.connection.execute(sql, params).fetchall())]

    def get(self, sql, params=()):
        """The first row of a query as a dict, or None."""
        row = self.guard(lambda: self.connection.execute(sql, params).fetchone())
        return None if row is None else dict(row)

    @contextmanager
    def transaction(self):
        """Statements inside commit together when the block ends, or roll back when it raises."""
        if self.depth:
            self.depth += 1
            try:
                yield self
            finally:
                self.depth -= 1
            return
        self.guard(lambda: self.connection.execute("BEGIN"))
        self.depth = 1
        try:
            yield self
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        else:
            self.guard(lambda: self.connection.execute("COMMIT"))
        finally:
            self.depth = 0

    def ping(self):
        """Returns when the database answers a query; raises DatabaseError otherwise (for health checks)."""
        self.guard(lambda: self.connection.execute("SELECT 1").fetchone())

    def close(self):
        self.connection.close()

    @staticmethod
    def guard(work):
        try:
            return work()
        except sqlite3.IntegrityError as error:
            if "UNIQUE" in str(error) or "PRIMARY KEY" in str(error):
                raise UniqueViolation(str(error)) from None
            raise DatabaseError(str(error)) from None
        except sqlite3.Error as error:
            raise DatabaseError(str(error)) from None
