# Mutant: the retry waits are 30 ms and 60 ms (seconds written as milliseconds)
"""The welcome email, sent in the background (problem.md R1–R5): the signup only queues it; the queue sends
it when the service is next idle, and retries a failed send 30 s and then 60 s later."""

from app.users.signup import welcome_email
from framework import MailError

# The waits before the second and the third attempt.
RETRY_DELAYS_MS = [30, 60]


def queue_welcome_email(deps, user):
    def attempt(failures):
        try:
            deps.mail.send(**welcome_email(user))
        except MailError:
            if failures >= len(RETRY_DELAYS_MS):
                deps.users.set_welcome_email(user["id"], "failed")
            else:
                deps.tasks.later("welcome email to user %d, attempt %d" % (user["id"], failures + 2),
                                 RETRY_DELAYS_MS[failures], lambda: attempt(failures + 1))
            return
        deps.users.set_welcome_email(user["id"], "sent")

    deps.tasks.enqueue("welcome email to user %d" % user["id"], lambda: attempt(0))
