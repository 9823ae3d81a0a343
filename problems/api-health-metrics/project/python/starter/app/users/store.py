"""The users, in memory. A user is a dict with the API's field names: id, email, name, createdAt."""


class DuplicateEmail(Exception):
    def __init__(self, email):
        super().__init__("an account with the email %s already exists" % email)


class UserStore:
    def __init__(self):
        self.users = []
        self.next_id = 1

    def add(self, *, email, name, created_at):
        """Adds a user with the next id and returns a copy; raises DuplicateEmail when the email is taken."""
        if any(u["email"] == email for u in self.users):
            raise DuplicateEmail(email)
        user = {"id": self.next_id, "email": email, "name": name, "createdAt": created_at}
        self.next_id += 1
        self.users.append(user)
        return dict(user)

    def find(self, user_id):
        """A copy of the user with this id, or None."""
        for user in self.users:
            if user["id"] == user_id:
                return dict(user)
        return None

    def list(self):
        """Every user, by id (copies)."""
        return [dict(u) for u in self.users]
