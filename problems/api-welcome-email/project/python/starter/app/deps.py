"""What the routes use besides the request: built once per service in main.py."""

from dataclasses import dataclass

from app.users.store import UserStore
from framework import TaskQueue


@dataclass
class Deps:
    clock: object  # now() in milliseconds
    tasks: TaskQueue
    mail: object  # send(to=, subject=, body=) and ping(); a FakeMailProvider unless the tests pass one
    users: UserStore
