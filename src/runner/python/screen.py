"""Screens each of a candidate's Python files before any of it runs: does this code have a way to reach the
test runner? (A single-file problem's one file is solution.py; the browser's worker and harness.run screen
every .py file of a project, one at a time, and name the file in each finding.)

The hidden tests, the harness (harness.py) and the candidate's files share one interpreter. A solution that can
reach the harness's objects, unittest's machinery or the test files can make a wrong answer pass, so a run whose
source has any finding here is refused before it is imported. `screen(source)` parses the source with `ast` and never
executes it; each finding is {"line", "col", "rule", "message"}, sorted by position, and its message tells the
candidate what was found, why it cannot stay and what to write instead. A SyntaxError is not a finding: the
import reports it, with Python's own message.

Why a static screen can be strict enough: every way to reach an attribute by a computed name (getattr with a
non-literal name, `__dict__`, `vars()`, `__getattribute__`, operator.attrgetter, mock.patch with a computed
target) is itself a finding, so every attribute the code can touch is spelled in the source as an identifier
or a string literal, where the rules can see it.

The rules are tables (_screen_rules.py: RULES, then one table per kind of thing: modules, built-in names,
attributes, dunder names, module internals). Two walks: Bindings (_screen_bindings.py) first learns which names
(and attribute names) may hold an imported module or something in it, wherever and in whatever order they are
bound; then Screen (_screen_walk.py, with its checks in _screen_checks.py) walks the tree once, with a small
scope tracker, and looks each node up in the tables. This file is the screen's face: screen() and screen_json().

What is deliberately allowed:
  - Assigning to attributes of an imported module inside a method of one's own unittest.TestCase subclass,
    for modules other than unittest, builtins, json, sys, io and asyncio: `time.time = lambda: 1000` in a test
    method is an ordinary testing habit, and the candidate's own tests run after the hidden verdict is final.
    The same holds for `@patch("time.time")`. So that such a patch cannot leak into the hidden tests, a file
    that uses the exception may not run its own test code while it is imported (rule `test-leak`: a
    reference to its TestCase class outside the tests, a class decorator or metaclass on it, a call in its
    class body or in a method's defaults, a method decorator other than mock's and unittest's, or
    `__init_subclass__` on it).
  - `getattr`/`hasattr`/`setattr`/`delattr` called directly with a string literal naming an allowed
    attribute; `vars(self)`; `super().__setattr__(...)` and `object.__setattr__(self, ...)`.
  - `__set_name__` and `__init_subclass__` (on classes other than test classes): they only ever receive the
    candidate's own classes. `self.__class__.__name__` and the usual dunder methods.
  - `sys.stdout`/`sys.stderr` passed to `print(..., file=...)` or used as `.write(...)`/`.flush()`;
    `sys.maxsize`, `sys.setrecursionlimit`; `asyncio.get_running_loop()` used, not changed.

What a static screen cannot see, and what covers it instead:
  - values that pass through the candidate's own functions are not followed: a module or a class the tests run
    on may not be handed to a call or returned (rule `module-escape`), but an object reached otherwise (an
    instance's attribute set by code this check cannot resolve) is not tracked. The harness fingerprints
    TestCase, TestResult, JSONEncoder and the built-ins it relies on and ends a run that changed them, and
    every run starts in a fresh interpreter.
  - what the tests hand in (a fake clock, a callback) is the candidate's to use, and to change: plain
    `clock.advance = ...` cannot be told from `node.next = ...` (changing its class, `type(clock).now = ...`,
    is a finding). The tests should keep their own state.
  - an answer object whose comparisons lie (beyond `mock.ANY` and an `__eq__`/`__contains__` that returns a
    constant, which are findings), or a solution that counts its calls and answers by the tests' order:
    nothing reaches the runner; the tests' model-based checks and plain-data comparisons are the defence.

Standard library only; runs under CPython 3.11+ and Pyodide.
"""

import json
import re

from _screen_rules import CODING_COOKIE, UTF8_NAMES, _parse, message
from _screen_walk import Screen


def screen(source):
    """Findings for `source` (a list of dicts sorted by position); [] when it does not parse.

    `source` is the text of one of the candidate's files (solution.py, chat/hub.py), encoded as UTF-8."""
    cookie = _foreign_encoding(source)
    if cookie:
        return [cookie]
    # The importer drops a UTF-8 byte order mark; ast.parse of a str would call it a syntax error.
    source = source[1:] if source.startswith("\ufeff") else source
    try:
        tree = _parse(source, "exec")
    except (SyntaxError, ValueError):
        return []
    except RecursionError:
        return [_too_deep()]
    try:
        return Screen(tree).run()
    except RecursionError:
        # What cannot be read cannot be cleared (CPython would not compile it either).
        return [_too_deep()]


def _foreign_encoding(source):
    """PEP 263: a `coding:` comment on line 1 or 2 makes the importer decode the file with that codec (utf-7 or
    unicode_escape can turn a comment into code), while ast.parse of a str ignores it."""
    # Only \r and \n end a line for the tokenizer (str.splitlines would also split at \f, \x1c, \u2028...).
    for number, line in enumerate(re.split(r"\r\n|\r|\n", source, maxsplit=2)[:2], start=1):
        match = CODING_COOKIE.match(line)
        if match and not UTF8_NAMES.match(match.group(1)):
            return {"line": number, "col": 0, "rule": "encoding",
                    "message": message("encoding", number, match.group(0).strip())}
    return None


def _too_deep():
    return {"line": 1, "col": 0, "rule": "too-deep", "message": message("too-deep", 1, None)}


def screen_json(source):
    return json.dumps(screen(source))
