"""The service's entry (read-only): the Requests pane and the tests start the service here, and start it
again over the same data directory to restart it."""

from app.main import create_app


def start_service(*, data_dir, clock, mail=None):
    """`data_dir`: a directory whose files outlive the service; `clock.now()`: milliseconds; `mail`: the
    mail provider (a FakeMailProvider on the clock when None, as in the Requests pane). Returns the app,
    whose handle(request) and idle() the runner calls."""
    return create_app(data_dir=data_dir, clock=clock, mail=mail)
