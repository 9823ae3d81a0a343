"""Routes: a method, a path pattern such as '/users/{user_id}/emails', and the function that answers.

A pattern's `{name}` segment matches any one non-empty segment of the path and hands it to the handler
as the parameter `name`; the other segments must be equal. Routes are tried in the order they were
declared, so declare '/users/me' before '/users/{user_id}'.
"""

import re
from urllib.parse import unquote

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_PARAMETER = re.compile(r"^\{([A-Za-z_][A-Za-z0-9_]*)\}$")


class Route:
    def __init__(self, method, pattern, endpoint, status_code):
        if method not in METHODS:
            raise ValueError("method must be one of %s, got %r" % (", ".join(METHODS), method))
        if not isinstance(pattern, str) or not pattern.startswith("/"):
            raise ValueError("a route's path must start with '/', got %r" % (pattern,))
        self.method = method
        self.pattern = pattern
        self.endpoint = endpoint
        self.status_code = status_code
        self.segments = [_PARAMETER.match(s) or s for s in split_path(pattern)]

    def match(self, path):
        """The path parameters ({'user_id': '7'}) when `path` fits the pattern, else None."""
        parts = split_path(path)
        if len(parts) != len(self.segments):
            return None
        params = {}
        for segment, part in zip(self.segments, parts):
            if isinstance(segment, str):
                if segment != part:
                    return None
            elif part == "":
                return None
            else:
                params[segment.group(1)] = unquote(part)
        return params

    def __repr__(self):
        return "Route(%s %s)" % (self.method, self.pattern)


def split_path(path):
    """'/users/7/' → ['users', '7'] (one trailing slash is ignored); '/' → []."""
    trimmed = path[1:] if path.startswith("/") else path
    if trimmed.endswith("/"):
        trimmed = trimmed[:-1]
    return trimmed.split("/") if trimmed else []


class Router:
    """The routes of an app, in declaration order."""

    def __init__(self):
        self.routes = []

    def add(self, route):
        self.routes.append(route)

    def pattern_of(self, path):
        """The pattern of the first route that has `path`, whatever its method, or None."""
        for route in self.routes:
            if route.match(path) is not None:
                return route.pattern
        return None

    def find(self, method, path):
        """(route, params) for the first route of this method that fits; (None, allowed methods) when only
        other methods fit (a 405); (None, []) when nothing does (a 404)."""
        allowed = []
        for route in self.routes:
            params = route.match(path)
            if params is None:
                continue
            if route.method == method:
                return route, params
            if route.method not in allowed:
                allowed.append(route.method)
        return None, allowed
