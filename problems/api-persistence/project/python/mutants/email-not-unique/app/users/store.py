# Mutant: the email column is not UNIQUE: a second account with the same email is created
"""The users, in SQLite (framework/database.py): a file in the service's data directory, so they outlive a
restart. A user is a dict with the API's field names: id, email, name, createdAt."""

from framework import UniqueViolation


class DuplicateEmail(Exception):
    def __init__(self, email):
        super().__init__("an account with the email %s already exists" % email)


COLUMNS = "id, email, name, created_at"


def to_user(row):
    return {"id": row["id"], "email": row["email"], "name": row["name"], "createdAt": row["created_at"]}


class UserStore:
    def __init__(self, db):
        self.db = db
        # AUTOINCREMENT: an id is never handed out twice; UNIQUE: the database itself refuses a second
        # account per email.
        db.run("""CREATE TABLE IF NOT EXISTS users (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            email TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at INTEGER NOT NULL
        )""")

    def add(self, *, email, name, created_at):
        """Adds a user with the next id; raises DuplicateEmail when the email is taken."""
        try:
            written = self.db.run("INSERT INTO users (email, name, created_at) VALUES (?, ?, ?)",
                                  [email, name, created_at])
        except UniqueViolation:
            raise DuplicateEmail(email) from None
        return {"id": written.last_insert_id, "email": email, "name": name, "createdAt": created_at}

    def find(self, user_id):
        row = self.db.get("SELECT %s FROM users WHERE id = ?" % COLUMNS, [user_id])
        return None if row is None else to_user(row)

    def list(self):
        """Every user, by id."""
        return [to_user(row) for row in self.db.all("SELECT %s FROM users ORDER BY id" % COLUMNS)]

    def rename(self, user_id, name):
        """Changes a user's name; None when there is no such user."""
        written = self.db.run("UPDATE users SET name = ? WHERE id = ?", [name, user_id])
        return self.find(user_id) if written.changes > 0 else None
