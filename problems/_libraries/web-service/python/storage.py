"""Where a service keeps small files that outlive it, in its data directory: a restart over the same
directory gets the same files.

    disk = Disk(data_dir)
    disk.write('probe', b'ok')
    disk.read('probe')        # b'ok'; None when there is no such file
    disk.set_broken(True)     # every read and write raises DiskError (a failed volume), until set_broken(False)

The files are rows of one SQLite file in the directory (a service needs no other access to the file system),
opened at the first read or write and opened again after a failure.
"""

import sqlite3

DISK_FILE = "disk.sqlite3"


class DiskError(Exception):
    """The disk cannot be read or written."""


class Disk:
    def __init__(self, data_dir):
        if not isinstance(data_dir, str) or data_dir == "":
            raise ValueError("Disk needs the service's data directory, got %r" % (data_dir,))
        self.path = data_dir.rstrip("/") + "/" + DISK_FILE
        self.broken = False
        self.connection = None

    def read(self, name):
        """The file's bytes, or None when there is no such file."""
        row = self.work("read", name, lambda db: db.execute("SELECT bytes FROM files WHERE name = ?",
                                                            [str(name)]).fetchone())
        return None if row is None else bytes(row[0])

    def write(self, name, data):
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("a file's content is bytes, got %r" % (type(data).__name__,))
        self.work("write", name, lambda db: db.execute(
            "INSERT INTO files (name, bytes) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET bytes = excluded.bytes",
            [str(name), bytes(data)]))

    def names(self):
        """The names of the files written so far, sorted."""
        return [row[0] for row in self.work("list", "files", lambda db: db.execute(
            "SELECT name FROM files ORDER BY name").fetchall())]

    def set_broken(self, broken):
        """While broken, every read and write raises DiskError."""
        self.broken = bool(broken)

    def work(self, verb, name, action):
        if self.broken:
            raise DiskError("cannot %s %s: the disk is unavailable" % (verb, name))
        try:
            if self.connection is None:
                self.connection = self.connect()
            return action(self.connection)
        except sqlite3.Error as error:
            self.connection = None
            raise DiskError("cannot %s %s: %s" % (verb, name, error)) from None

    def connect(self):
        connection = sqlite3.connect(self.path, isolation_level=None)
        # As in database.py: no rollback journal file and no syncs on the sandbox's memory file system.
        connection.execute("PRAGMA journal_mode = MEMORY").fetchone()
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, bytes BLOB NOT NULL)")
        return connection
