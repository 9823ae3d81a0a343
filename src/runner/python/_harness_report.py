"""What the page is shown of a run (harness.py): print() output as console lines, values for the Expected /
Actual panes, and errors with the harness's and unittest's own frames left out of their tracebacks. Standard
library only; runs under CPython 3.11+ and Pyodide, like the harness.
"""

import io
import os
import traceback
import unittest

import _project

MAX_REPR = 2000
_MAX_CONSOLE = 4000


def show(value):
    """repr() for the Expected / Actual panes, capped; a broken __repr__ must not hide the failure."""
    try:
        text = repr(value)
    except Exception as e:  # noqa: BLE001 - the candidate's __repr__ may raise anything
        text = "<repr failed: %s>" % type(e).__name__
    return text if len(text) <= MAX_REPR else text[:MAX_REPR] + "…"


# -------------------------------------------------------------------------------------------------------
# Output capture: print() in the solution or a test becomes console lines.


class Console(io.TextIOBase):
    def __init__(self, emit, level):
        self._emit = emit
        self._level = level
        self._pending = ""
        self._sent = 0

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        self._pending += text
        while "\n" in self._pending:
            line, self._pending = self._pending.split("\n", 1)
            self._send(line)
        return len(text)

    def flush(self):
        if self._pending:
            line, self._pending = self._pending, ""
            self._send(line)

    def _send(self, line):
        self._sent += 1
        if self._sent <= _MAX_CONSOLE:
            self._emit({"type": "console", "level": self._level, "text": line[:MAX_REPR]})


# -------------------------------------------------------------------------------------------------------
# Errors as the page shows them.


# The harness's own files: harness.py and the _harness_*.py modules beside it (this one included).
_HARNESS_DIR = os.path.dirname(os.path.abspath(__file__))
_UNITTEST_DIR = os.path.join(os.path.dirname(os.path.abspath(unittest.__file__)), "")


def _frames_worth_showing(tb):
    """The traceback without the harness's and unittest's own frames."""
    frames = traceback.extract_tb(tb)
    keep = [f for f in frames if not _is_runner_file(f.filename)]
    return keep or frames[-1:]


def _is_runner_file(filename):
    if not os.path.isabs(filename):
        return False
    full = os.path.abspath(filename)
    return _is_harness_file(full) or full.startswith(_UNITTEST_DIR)


def _is_harness_file(full):
    folder, name = os.path.split(full)
    return folder == _HARNESS_DIR and (name == "harness.py" or (name.startswith("_harness_") and name.endswith(".py")))


def serialize(error, directory, tb=None, is_assertion=False):
    """An error as the page shows it; files of the project in `directory` by their path in it."""
    tb = tb if tb is not None else error.__traceback__
    frames = _frames_worth_showing(tb) if tb is not None else []
    shown = lambda filename: _project.shown_path(directory, filename)  # noqa: E731
    stack_lines = ['  File "%s", line %d, in %s' % (shown(f.filename), f.lineno, f.name) for f in frames]
    message = str(error)
    if isinstance(error, KeyError) and len(error.args) == 1:
        message = str(error.args[0])
    if isinstance(error, SyntaxError) and error.filename:
        stack_lines.append('  File "%s", line %s' % (shown(error.filename), error.lineno))
        message = "%s (%s, line %s)" % (error.msg, shown(error.filename), error.lineno)
    serialized = {
        "name": type(error).__name__,
        "message": message[:MAX_REPR] if message else "(raised without a message)",
        "stack": "Traceback (most recent call last):\n" + "\n".join(stack_lines) if stack_lines else "",
        "isAssertion": bool(is_assertion),
        "isTimeout": False,
    }
    expected = getattr(error, "rehearse_expected", None)
    actual = getattr(error, "rehearse_actual", None)
    if isinstance(expected, str) and isinstance(actual, str):
        serialized["expected"] = expected
        serialized["actual"] = actual
    return serialized


def crash_event(error, directory, tb=None):
    return {"type": "crashed", "error": serialize(error, directory, tb)}


def tamper_event(changed):
    names = ", ".join(changed[:4]) + (" …" if len(changed) > 4 else "")
    return {"type": "crashed", "error": {
        "name": "IntegrityError",
        "message": "Your code replaced part of the test framework (%s), so this run cannot count. "
                   "Leave unittest and Python's built-ins as they are." % names,
        "isAssertion": False, "isTimeout": False, "stack": ""}}
