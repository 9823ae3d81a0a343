"""SQLite in a file under the service's data directory, through Python's sqlite3.

    db = Database(data_dir)                       # <data_dir>/service.sqlite3
    db.execute('CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, email TEXT UNIQUE)')
    user_id = db.execute('INSERT INTO users (email) VALUES (?)', ['ada@example.com']).lastrowid
    db.query('SELECT id, email FROM users WHERE id = ?', [user_id])   # [{'id': 1, 'email': '...'}]

Every statement outside `with db.transaction():` is committed as it runs, so what a request wrote is
on disk when it answers, and a service started again over the same directory reads it back.
"""

import sqlite3
from contextlib import contextmanager

DEFAULT_FILE = "service.sqlite3"


class Database:
    def __init__(self, data_dir, file_name=DEFAULT_FILE):
        if not isinstance(data_dir, str) or data_dir == "":
            raise ValueError("Database needs the service's data directory, got %r" % (data_dir,))
        if not isinstance(file_name, str) or not file_name or "/" in file_name or file_name.endswith(".py"):
            raise ValueError("file_name must be a plain file name (not a .py file), got %r" % (file_name,))
        self.path = data_dir.rstrip("/") + "/" + file_name
        # isolation_level=None: sqlite3 opens no transaction behind the code's back (autocommit).
        self.connection = sqlite3.connect(self.path, isolation_level=None)
        self.connection.row_factory = sqlite3.Row
        self.depth = 0

    def execute(self, sql, params=()):
        """Runs one statement; returns the cursor (`.lastrowid`, `.rowcount`, `.fetchall()`)."""
        return self.connection.execute(sql, params)

    def executescript(self, sql):
        """Runs several statements separated by semicolons (a schema)."""
        self.connection.executescript(sql)

    def query(self, sql, params=()):
        """The rows of a SELECT as dicts, column name → value."""
        return [dict(row) for row in self.connection.execute(sql, params).fetchall()]

    def query_one(self, sql, params=()):
        """The first row as a dict, or None."""
        row = self.connection.execute(sql, params).fetchone()
        return None if row is None else dict(row)

    @contextmanager
    def transaction(self):
        """Statements inside commit together, or not at all if the block raises."""
        if self.depth:
            self.depth += 1
            try:
                yield self
            finally:
                self.depth -= 1
            return
        self.connection.execute("BEGIN")
        self.depth = 1
        try:
            yield self
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        else:
            self.connection.execute("COMMIT")
        finally:
            self.depth = 0

    def close(self):
        self.connection.close()
