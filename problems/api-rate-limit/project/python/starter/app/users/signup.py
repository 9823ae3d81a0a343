"""What a signup must contain, and the email a new user is welcomed with."""

import re

from framework import HTTPException

EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")


def parse_signup(body):
    """The signup body as {'email', 'name'}: the email stripped and lower-cased, the name stripped; 400
    otherwise."""
    data = body if isinstance(body, dict) else {}
    email = data.get("email").strip().lower() if isinstance(data.get("email"), str) else ""
    name = data.get("name").strip() if isinstance(data.get("name"), str) else ""
    if not EMAIL.fullmatch(email):
        raise HTTPException(400, "email must be an email address")
    if name == "" or len(name) > 100:
        raise HTTPException(400, "name must be 1 to 100 characters")
    return {"email": email, "name": name}


def welcome_email(user):
    """The keyword arguments of mail.send for the welcome email of `user`."""
    return {
        "to": user["email"],
        "subject": "Welcome, %s!" % user["name"],
        "body": "Hi %s, your account is ready. Sign in with %s." % (user["name"], user["email"]),
    }
