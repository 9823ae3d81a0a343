"""How a handler's parameters are filled, FastAPI's way, from the parameter's name, annotation and default:

- a name in the route's pattern ('/users/{user_id}' → `user_id`): the path segment;
- annotated `Request`, or named `request`: the request;
- annotated `TaskQueue`: the app's background task queue;
- named `body`: the JSON body (400 when it is missing or malformed);
- a default of `Depends(get_db)`: what `get_db` returns (its own parameters are filled the same way; a
  generator's value is what it yields, and it resumes after the response);
- anything else: the query parameter of that name, required unless it has a default.

An `int`, `float` or `bool` annotation converts a path or query value; a value that does not convert is
the client's mistake: 422 with an error naming the parameter.
"""

import inspect
from weakref import WeakKeyDictionary

from framework.errors import HTTPException
from framework.messages import Request
from framework.tasks import TaskQueue


class Depends:
    """`def handler(db = Depends(get_db))`: the handler receives what `get_db` gives, once per request."""

    def __init__(self, dependency):
        if not callable(dependency):
            raise TypeError("Depends needs a function, got %r" % (dependency,))
        self.dependency = dependency

    def __repr__(self):
        return "Depends(%s)" % getattr(self.dependency, "__name__", "?")


class Resolution:
    """One request's filled dependencies (each called once) and the generators to resume afterwards."""

    def __init__(self, request, tasks, drive):
        self.request = request
        self.tasks = tasks
        self.drive = drive
        self.cache = {}
        self.cleanups = []

    def call(self, function):
        """Calls `function` with its parameters filled; returns its value (a coroutine's result, driven)."""
        arguments = {name: self.value_for(name, parameter) for name, parameter in _parameters(function)}
        if inspect.isgeneratorfunction(function):
            generator = function(**arguments)
            value = next(generator)
            self.cleanups.append(generator)
            return value
        return self.drive(function(**arguments))

    def value_for(self, name, parameter):
        default = parameter.default
        if isinstance(default, Depends):
            key = default.dependency
            if key not in self.cache:
                self.cache[key] = self.call(key)
            return self.cache[key]
        annotation = _annotation(parameter)
        if annotation in (Request, "Request") or (name == "request" and annotation is None):
            return self.request
        if annotation in (TaskQueue, "TaskQueue"):
            return self.tasks
        if name in self.request.path_params:
            return convert(self.request.path_params[name], annotation, "path parameter", name)
        if name == "body":
            return self.request.json()
        if name in self.request.query:
            return convert(self.request.query[name], annotation, "query parameter", name)
        if default is inspect.Parameter.empty:
            raise HTTPException(422, "missing query parameter %s" % name)
        return default

    def finish(self):
        """Resumes each generator dependency, the last one first, so it can close what it opened."""
        while self.cleanups:
            generator = self.cleanups.pop()
            try:
                next(generator)
            except StopIteration:
                pass
            else:
                generator.close()


# A function's parameters, read once: inspect.signature is most of a small request's time.
_KNOWN = WeakKeyDictionary()


def _parameters(function):
    try:
        return _KNOWN[function]
    except (KeyError, TypeError):
        pass
    found = [(name, parameter) for name, parameter in inspect.signature(function).parameters.items()
             if parameter.kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)]
    try:
        _KNOWN[function] = found
    except TypeError:  # a callable that cannot be weakly referenced is read each time
        pass
    return found


def _annotation(parameter):
    """The annotation as a class or, under `from __future__ import annotations`, as its name."""
    annotation = parameter.annotation
    return None if annotation is inspect.Parameter.empty else annotation


_CONVERSIONS = {int: "an integer", "int": "an integer", float: "a number", "float": "a number",
                bool: "true or false", "bool": "true or false"}


def convert(text, annotation, where, name):
    """'7' → 7 for an `int` parameter; text that does not convert → 422."""
    if annotation not in _CONVERSIONS:
        return text
    try:
        if annotation in (int, "int"):
            return int(text, 10)
        if annotation in (float, "float"):
            return float(text)
        if text.lower() in ("true", "1"):
            return True
        if text.lower() in ("false", "0"):
            return False
    except ValueError:
        pass
    raise HTTPException(422, "%s %s must be %s, got %r" % (where, name, _CONVERSIONS[annotation], text))
