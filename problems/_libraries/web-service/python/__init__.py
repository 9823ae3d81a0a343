"""A small web framework in the standard library only, shaped like FastAPI (read-only: it is the library
the service is built on). Read app.py first; then messages.py (Request, Response), params.py (how a
handler's parameters are filled), tasks.py (background work), mail.py (the fake mail provider),
database.py (SQLite), storage.py (small files that outlive the service) and testing.py (TestClient, ManualClock).
"""

from framework.app import App
from framework.database import Database, DatabaseError, UniqueViolation
from framework.errors import HTTPException
from framework.mail import FakeMailProvider, MailError
from framework.messages import Headers, JSONResponse, Request, Response
from framework.params import Depends
from framework.storage import Disk, DiskError
from framework.tasks import TaskQueue

__all__ = ["App", "Database", "DatabaseError", "Depends", "Disk", "DiskError", "FakeMailProvider", "HTTPException",
           "Headers", "JSONResponse", "MailError", "Request", "Response", "TaskQueue", "UniqueViolation"]
