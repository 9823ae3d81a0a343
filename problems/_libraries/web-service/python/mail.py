"""A fake mail provider: it keeps what was sent, and a test can make it fail.

    app.mail.send(to='ada@example.com', subject='Welcome', body='Hello Ada')
    app.mail.sent          # [{'to': ..., 'subject': ..., 'body': ..., 'at': <clock ms>}]
    app.mail.fail_next(2)  # the next two sends raise MailProviderError
    app.mail.go_down()     # every send raises until go_up()
"""


class MailProviderError(Exception):
    """The provider refused a message (it is down); nothing was sent."""


class Outbox:
    def __init__(self, clock):
        self.clock = clock
        self.sent = []
        self.attempts = 0
        self.failures_left = 0
        self.down = False

    def send(self, *, to, subject, body):
        """Sends one message, or raises MailProviderError when the provider is failing; counts the attempt
        either way. Returns the message sent."""
        self.attempts += 1
        if self.down or self.failures_left > 0:
            self.failures_left = max(0, self.failures_left - 1)
            raise MailProviderError("the mail provider is unavailable (attempt %d)" % self.attempts)
        message = {"to": str(to), "subject": str(subject), "body": str(body), "at": self.clock.now()}
        self.sent.append(message)
        return dict(message)

    def fail_next(self, count=1):
        """The next `count` sends fail."""
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError("count must be an integer >= 0, got %r" % (count,))
        self.failures_left = count

    def go_down(self):
        self.down = True

    def go_up(self):
        self.down = False

    def sent_to(self, address):
        """The messages sent to `address`, oldest first."""
        return [dict(m) for m in self.sent if m["to"] == address]
