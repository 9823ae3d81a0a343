"""The service's routes."""

from app.users.signup import parse_signup, welcome_email
from app.users.store import DuplicateEmail
from framework import FakeMailProvider, HTTPException, Request


def register_routes(app, deps):
    @app.post("/signup", status_code=201)
    def signup(request: Request):
        form = parse_signup(request.json())
        try:
            user = deps.users.add(email=form["email"], name=form["name"], created_at=deps.clock.now())
        except DuplicateEmail as error:
            raise HTTPException(409, str(error)) from None
        deps.mail.send(**welcome_email(user))
        return user

    @app.get("/users")
    def list_users():
        return {"users": deps.users.list()}

    @app.get("/users/{user_id}")
    def get_user(user_id):
        user = deps.users.find(_as_id(user_id))
        if user is None:
            raise HTTPException(404, "no user with id %s" % user_id)
        return user

    @app.get("/health")
    def health():
        return {"status": "ok"}

    # What the fake mail provider has delivered, for trying the service by hand.
    @app.get("/dev/outbox")
    def outbox():
        return {"emails": deps.mail.outbox if isinstance(deps.mail, FakeMailProvider) else []}


def _as_id(text):
    try:
        return int(text)
    except ValueError:
        return None
