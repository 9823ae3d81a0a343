"""Mail, faked: the provider keeps what it "delivers" in an outbox instead of sending it. It can be told to
fail, the way a real provider times out or answers 5xx.

    mail.send(to='ada@example.com', subject='Welcome', body='Hello Ada')
    mail.outbox         # [{'to', 'subject', 'body', 'sent_at'}], oldest first
    mail.attempts       # every send, delivered or not: [{'to', 'subject', 'body', 'at', 'ok'}]
    mail.fail_next(2)   # the next two sends raise MailError
    mail.set_down(True) # every send and every ping raises MailError until set_down(False)
"""


class MailError(Exception):
    """The provider did not accept the email (or, from ping(), is unreachable)."""


class FakeMailProvider:
    def __init__(self, clock):
        self.clock = clock
        self.outbox = []
        self.attempts = []
        self.failures = 0
        self.down = False

    def fail_next(self, count):
        """The next `count` sends fail (then it delivers again)."""
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError("count must be an integer >= 0, got %r" % (count,))
        self.failures = count

    def set_down(self, down):
        """While down, every send and every ping fails."""
        self.down = bool(down)

    def send(self, *, to, subject, body):
        """Delivers the email, or raises MailError."""
        at = self.clock.now()
        email = {"to": str(to), "subject": str(subject), "body": str(body)}
        if self.down or self.failures > 0:
            if self.failures > 0:
                self.failures -= 1
            self.attempts.append(dict(email, at=at, ok=False))
            raise MailError("the mail provider did not accept the email to %s" % email["to"])
        self.attempts.append(dict(email, at=at, ok=True))
        self.outbox.append(dict(email, sent_at=at))

    def ping(self):
        """Returns when the provider is reachable; raises MailError when it is not (for health checks)."""
        if self.down:
            raise MailError("the mail provider is unreachable")
