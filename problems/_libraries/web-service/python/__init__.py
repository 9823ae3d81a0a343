"""A small web framework in the standard library only, shaped like FastAPI (read-only: it is the library
the service is built on). Read app.py first; then messages.py (Request, Response), params.py (how a
handler's parameters are filled), tasks.py (background work), mail.py (the fake mail provider),
database.py (SQLite) and testing.py (TestClient, ManualClock).
"""

from framework.app import App
from framework.database import Database
from framework.errors import HTTPException
from framework.mail import MailProviderError, Outbox
from framework.messages import Headers, JSONResponse, Request, Response
from framework.params import Depends
from framework.tasks import BackgroundTasks
from framework.testing import ManualClock, TestClient, TestResponse

__all__ = ["App", "BackgroundTasks", "Database", "Depends", "HTTPException", "Headers", "JSONResponse",
           "MailProviderError", "ManualClock", "Outbox", "Request", "Response", "TestClient", "TestResponse"]
