"""The exception a handler or middleware raises to answer with an error status, as FastAPI's HTTPException
(the body is {"error": detail}, as in the TypeScript twin of this framework)."""

from http import HTTPStatus


class HTTPException(Exception):
    """`raise HTTPException(404, 'no such user')` answers 404 with {"error": "no such user"}; `headers`
    are added to the response (`{'Retry-After': '30'}`)."""

    def __init__(self, status_code, detail=None, headers=None):
        if isinstance(status_code, bool) or not isinstance(status_code, int) or not 100 <= status_code <= 599:
            raise ValueError("status_code must be an HTTP status between 100 and 599, got %r" % (status_code,))
        self.status_code = status_code
        self.detail = reason(status_code) if detail is None else detail
        self.headers = dict(headers or {})
        super().__init__(self.detail)

    def __repr__(self):
        return "HTTPException(%d, %r)" % (self.status_code, self.detail)


def reason(status_code):
    """'Not Found' for 404; 'Error' for a status Python has no name for."""
    try:
        return HTTPStatus(status_code).phrase
    except ValueError:
        return "Error"
