"""Runs a problem's unittest file against the candidate's project and reports every step as an event.

The same file runs in two places, so the browser and the command line cannot disagree about a verdict:
  - in the browser's Python test worker (Pyodide), whose JavaScript drives it one step at a time
    (prepare, then run_test for each test, then finish) and posts the events each step returns on the
    run's private MessagePort (src/runner/python/worker/pythonWorker.entry.ts). Python is never handed the
    port or any function that posts: an event exists only if a step returned it;
  - under CPython in `npm run check:problems` (scripts/problems/pycheck.py), through run() below, which
    takes the same steps and prints the events as JSON lines.

Events have the shapes of the TypeScript harness's WorkerEvent (src/runner/sandbox/protocol.ts), so the page
folds Python runs with the same accumulator, watchdog and manifest check as TypeScript runs.

Titles: a test's title is the first line of its method's docstring (else its name in words); its group is
the first line of its class's docstring (else the class name). Tests run in the order they are written.

The project: every .py file under the run's directory but the test files (a single-file problem's is one
file, solution.py; a codebase problem's are packages and modules, `chat/hub.py`). Each is imported, in the
order of its module name, before the test module, so every file's top-level code runs and its own test
classes are found; the tests import them by name (`from chat.hub import Hub`). Errors name a project file by
its path in the project (`File "chat/hub.py", line 12`).

The candidate's code is untrusted. What this file guards against, and how:
  - `unittest.main()` or `sys.exit()` at the top of a project file: the import is reported as a crash with a
    clear message instead of ending the interpreter;
  - test classes written in the project's files: they run afterwards as "Your tests" and never count;
  - code that can reach the test runner at all (gc, frames, tracing, sys.modules, import hooks, patching
    unittest or built-ins, ...): screen.py finds it in the text of every project file before anything runs,
    and the run does not start (the decision is made before the candidate's code exists in the interpreter);
  - a project file named like a test file, a module of this harness or a standard module: refused by the
    page before the run (core/files/reservedPaths.ts), so the tests import what they mean to;
  - replacing the test framework's checks anyway: the functions the verdict depends on are fingerprinted
    before the project is imported and checked after every test (a second line of defence, inside the
    interpreter, so not one a verdict relies on);
  - anything a run leaves behind: in the browser each run has an interpreter of its own, restored from a
    snapshot and thrown away after the run (docs/decisions/python-run-isolation.md).
"""

import builtins
import hashlib
import importlib
import io
import json
import linecache
import os
import sys
import time
import traceback
import types
import unittest

import _plain_values
import _project

_MAX_REPR = 2000
_MAX_CONSOLE = 4000

# What the verdict depends on, captured before any candidate code runs.
_TestCase = unittest.TestCase
_TestResult = unittest.TestResult
_perf = time.perf_counter
_dumps = json.dumps


def _show(value):
    """repr() for the Expected / Actual panes, capped; a broken __repr__ must not hide the failure."""
    try:
        text = repr(value)
    except Exception as e:  # noqa: BLE001 - the candidate's __repr__ may raise anything
        text = "<repr failed: %s>" % type(e).__name__
    return text if len(text) <= _MAX_REPR else text[:_MAX_REPR] + "…"


def _wrap_comparison(name, names):
    """assertEqual(actual, expected): on failure, remember both for the Expected / Actual panes. A pass
    that rested on a comparison the solution's own class wrote, against plain data, is a failure
    (_plain_values.py says why)."""
    original = getattr(_TestCase, name)
    mismatch = _plain_values.mismatch

    def compare(self, first, second, *args, **kwargs):
        try:
            outcome = original(self, first, second, *args, **kwargs)
        except self.failureException as error:
            if not hasattr(error, "rehearse_expected"):
                error.rehearse_expected = _show(second)
                error.rehearse_actual = _show(first)
            raise
        if names:
            why = mismatch(first, second, names)
            if why is not None:
                error = self.failureException(why)
                error.rehearse_expected = _show(second)
                error.rehearse_actual = _show(first)
                raise error
        return outcome

    compare.__name__ = name
    compare.__doc__ = original.__doc__
    compare.__wrapped_by_rehearse__ = True
    return compare


# Each comparison assert, with the comparison methods a pass of it rests on (None: it rests on none that
# a solution's class could answer falsely in its favour, or answers "different", which hides no bug).
_COMPARISONS = {
    "assertEqual": _plain_values.EQUALITY, "assertAlmostEqual": _plain_values.EQUALITY,
    "assertListEqual": _plain_values.EQUALITY, "assertDictEqual": _plain_values.EQUALITY,
    "assertTupleEqual": _plain_values.EQUALITY, "assertSetEqual": _plain_values.EQUALITY,
    "assertSequenceEqual": _plain_values.EQUALITY, "assertCountEqual": _plain_values.EQUALITY,
    "assertMultiLineEqual": _plain_values.EQUALITY, "assertIn": _plain_values.EQUALITY,
    "assertGreater": _plain_values.ORDERING, "assertGreaterEqual": _plain_values.ORDERING,
    "assertLess": _plain_values.ORDERING, "assertLessEqual": _plain_values.ORDERING,
    "assertNotEqual": None, "assertIs": None, "assertIsNot": None,
}
for _name, _names in _COMPARISONS.items():
    if not getattr(getattr(_TestCase, _name), "__wrapped_by_rehearse__", False):
        setattr(_TestCase, _name, _wrap_comparison(_name, _names))


def _fingerprint():
    """Identities of everything a verdict relies on; candidate code that replaces one of them is caught."""
    marks = {}
    for owner_name, owner in (("unittest.TestCase", _TestCase), ("unittest.TestResult", _TestResult)):
        for key, value in list(vars(owner).items()):
            if callable(value) or isinstance(value, (staticmethod, classmethod, property)):
                marks["%s.%s" % (owner_name, key)] = id(value)
    for key in ("TestCase", "TestResult", "TestSuite", "TestLoader", "SkipTest", "main"):
        marks["unittest.%s" % key] = id(getattr(unittest, key, None))
    for key in ("isinstance", "issubclass", "len", "repr", "type", "getattr", "hasattr", "id", "iter", "next",
                "AssertionError", "Exception", "BaseException", "__import__"):
        marks["builtins.%s" % key] = id(getattr(builtins, key, None))
    for key in ("_run_one", "_test_case", "run_test", "prepare", "_changed", "_fingerprint", "_serialize",
                "run_test_json", "prepare_json", "runnable_start", "_release", "start_own_json", "finish_json"):
        function = globals().get(key)
        marks["harness.%s" % key] = id(function)
        marks["harness.%s.__code__" % key] = id(getattr(function, "__code__", None))
    marks["time.perf_counter"] = id(time.perf_counter)
    marks["harness._dumps"] = id(_dumps)
    for key, value in list(vars(json.encoder.JSONEncoder).items()):
        marks["json.JSONEncoder.%s" % key] = id(value)
    return marks


def _changed(baseline):
    now = _fingerprint()
    return sorted(key for key, value in baseline.items() if now.get(key) != value)


# -------------------------------------------------------------------------------------------------------
# Output capture: print() in the solution or a test becomes console lines.


class _Console(io.TextIOBase):
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
            self._emit({"type": "console", "level": self._level, "text": line[:_MAX_REPR]})


# -------------------------------------------------------------------------------------------------------
# Errors as the page shows them.


_OWN_FILE = os.path.abspath(__file__)
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
    return full == _OWN_FILE or full.startswith(_UNITTEST_DIR)


def _serialize(error, tb=None, is_assertion=False):
    tb = tb if tb is not None else error.__traceback__
    frames = _frames_worth_showing(tb) if tb is not None else []
    shown = lambda filename: _project.shown_path(_current.directory, filename)  # noqa: E731
    stack_lines = ['  File "%s", line %d, in %s' % (shown(f.filename), f.lineno, f.name) for f in frames]
    message = str(error)
    if isinstance(error, KeyError) and len(error.args) == 1:
        message = str(error.args[0])
    if isinstance(error, SyntaxError) and error.filename:
        stack_lines.append('  File "%s", line %s' % (shown(error.filename), error.lineno))
        message = "%s (%s, line %s)" % (error.msg, shown(error.filename), error.lineno)
    serialized = {
        "name": type(error).__name__,
        "message": message[:_MAX_REPR] if message else "(raised without a message)",
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


# -------------------------------------------------------------------------------------------------------
# Finding the tests, in the order they are written.


def _first_line(doc):
    if not doc:
        return ""
    for line in doc.strip().splitlines():
        if line.strip():
            return line.strip()
    return ""


def _title_of_method(name, function):
    title = _first_line(getattr(function, "__doc__", None))
    if title:
        return title
    words = name[len("test_"):] if name.startswith("test_") else name
    return words.replace("_", " ").strip() or name


def _group_of_class(cls):
    return _first_line(cls.__doc__) or cls.__name__


def _test_classes(module):
    """TestCase subclasses defined in `module` itself (not imported into it), in the order written."""
    found = []
    for value in list(vars(module).values()):
        if isinstance(value, type) and issubclass(value, _TestCase) and value is not _TestCase \
                and getattr(value, "__module__", None) == module.__name__:
            found.append(value)
    return found


def _test_case(module):
    """[(cls, method_name, group, title)] in file order: classes as written, methods as written."""
    plan = []
    loader = unittest.TestLoader()
    for cls in _test_classes(module):
        names = set(loader.getTestCaseNames(cls))
        ordered = [name for name in _defined_order(cls) if name in names]
        ordered += sorted(names - set(ordered))
        group = _group_of_class(cls)
        for name in ordered:
            plan.append((cls, name, group, _title_of_method(name, getattr(cls, name))))
    return plan


def _defined_order(cls):
    """Names as the classes wrote them, base first; unittest's own classes define no tests (skipped: they
    hold a hundred names, and this runs for every test class of every run)."""
    order = {}
    for klass in reversed(cls.__mro__):
        if klass is object or klass.__module__.startswith("unittest"):
            continue
        for name in vars(klass):
            order.setdefault(name, None)
    return list(order)


# -------------------------------------------------------------------------------------------------------
# Running one test.


class _OneResult(_TestResult):
    """Keeps the first problem a test reported (failure, error, skip, unexpected success)."""

    def __init__(self):
        super().__init__()
        self.problem = None

    def _keep(self, kind, err):
        if self.problem is None:
            self.problem = (kind, err)

    def addFailure(self, test, err):
        self._keep("failure", err)

    def addError(self, test, err):
        self._keep("error", err)

    def addSubTest(self, test, subtest, err):
        if err is not None:
            kind = "failure" if issubclass(err[0], test.failureException) else "error"
            self._keep(kind, err)
            error = err[1]
            try:
                error.rehearse_subtest = subtest._subDescription()
            except Exception:  # noqa: BLE001
                pass

    def addSkip(self, test, reason):
        self._keep("skip", reason)

    def addUnexpectedSuccess(self, test):
        self._keep("unexpected-success", None)


def _run_one(cls, name):
    """Runs one test method; returns (state, error dict or None, duration ms)."""
    result = _OneResult()
    started = _perf()
    try:
        test = cls(name)
        test.run(result)
    except BaseException as error:  # noqa: BLE001 - SystemExit and KeyboardInterrupt from the candidate included
        result.problem = ("error", (type(error), error, error.__traceback__))
    duration = round((_perf() - started) * 1000, 3)
    if result.problem is None:
        return "passed", None, duration
    kind, detail = result.problem
    if kind == "skip":
        return "failed", {"name": "Skipped", "message": "skipped: %s" % (detail,), "isAssertion": False,
                          "isTimeout": False}, duration
    if kind == "unexpected-success":
        return "failed", {"name": "UnexpectedSuccess", "message": "expected to fail, but passed",
                          "isAssertion": True, "isTimeout": False}, duration
    _, error, tb = detail
    serialized = _serialize(error, tb, is_assertion=(kind == "failure"))
    subtest = getattr(error, "rehearse_subtest", None)
    if subtest:
        serialized["message"] = "%s: %s" % (subtest, serialized["message"])
    return "failed", serialized, duration


def _crash_event(error, tb=None):
    return {"type": "crashed", "error": _serialize(error, tb)}


def _tamper_event(changed):
    names = ", ".join(changed[:4]) + (" …" if len(changed) > 4 else "")
    return {"type": "crashed", "error": {
        "name": "IntegrityError",
        "message": "Your code replaced part of the test framework (%s), so this run cannot count. "
                   "Leave unittest and Python's built-ins as they are." % names,
        "isAssertion": False, "isTimeout": False, "stack": ""}}


class _NoMain:
    """unittest.main while the project is imported: running the candidate's tests is our job, not theirs."""

    def __init__(self, *args, **kwargs):
        pass


class _Run:
    """One run's state between the calls of its driver (the browser worker's loop, or run() below)."""

    def __init__(self):
        self.plans = {"problem": [], "own": []}
        self.baseline = None
        self.before = set()
        self.directory = None
        self.streams = None
        self.console = []


_current = _Run()


def _capture():
    lines = _current.console
    emit = lines.append
    sys.stdout, sys.stderr = _Console(emit, "log"), _Console(emit, "error")


def _release():
    """Flushes print() output captured since the last call; returns it as console events."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, _Console):
            stream.flush()
    lines, _current.console[:] = list(_current.console), []
    return lines


def prepare(directory, test_module):
    """Imports every module of the project, then the test module, from `directory`. Returns the events to
    report now: the captured console, then either a crash or the problem group's `started` (the own group
    comes later)."""
    global _current
    _current = _Run()
    run = _current
    run.directory = directory
    run.baseline = _fingerprint()
    run.before = set(sys.modules)
    run.streams = (sys.stdout, sys.stderr)
    modules = _project.modules(directory)
    _capture()
    sys.path.insert(0, directory)
    importlib.invalidate_caches()
    linecache.clearcache()
    real_main = unittest.main
    imported = []
    importing = None
    try:
        unittest.main = _NoMain
        for importing in modules:
            imported.append(importlib.import_module(importing))
    except SystemExit as error:
        return _release() + [_crash_event(RuntimeError(
            "%s called exit() while it was being imported (status %s); remove the call or put it "
            "under `if __name__ == \"__main__\":`" % (modules[importing], error.code)), error.__traceback__)]
    except BaseException as error:  # noqa: BLE001
        return _release() + [_crash_event(error)]
    finally:
        unittest.main = real_main
    tampered = _changed(run.baseline)
    if tampered:
        return _release() + [_tamper_event(tampered)]
    try:
        tests = _import_tests(directory, test_module)
    except ImportError as error:
        return _release() + [_crash_event(_project.explained(error, modules, directory))]
    except BaseException as error:  # noqa: BLE001
        return _release() + [_crash_event(error)]
    run.plans["problem"] = _test_case(tests)
    run.plans["own"] = [test for module in imported for test in _test_case(module)]
    return _release() + [_started("problem")]


# Test files compiled ahead (the browser's interpreter snapshot compiles every problem's test files when it is
# made, see scripts/vite/pythonSnapshotPlugin.ts), by the SHA-256 of their text: compiling a long test file
# is most of a run's start in Pyodide. A file that is not here is imported as usual.
_PRECOMPILED = {}


def _digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def precompile(source, module):
    """Compiles a problem's test file ahead, as the import would (called before any candidate code exists)."""
    _PRECOMPILED[_digest(source)] = compile(source, module + ".py", "exec", dont_inherit=True)


def _import_tests(directory, test_module):
    path = os.path.join(directory, test_module + ".py")
    try:
        with open(path, encoding="utf-8") as handle:
            code = _PRECOMPILED.get(_digest(handle.read()))
    except OSError:
        code = None
    if code is None:
        return importlib.import_module(test_module)
    module = types.ModuleType(test_module)
    module.__file__ = path
    sys.modules[test_module] = module
    try:
        exec(code, module.__dict__)
    except BaseException:
        sys.modules.pop(test_module, None)
        raise
    return module


def _started(group):
    plan = _current.plans[group]
    return {"type": "started", "group": group,
            "tests": [{"index": i, "title": title, "path": [g]} for i, (_, _, g, title) in enumerate(plan)]}


def start_own():
    """The own group's `started` event (after the problem group's last test)."""
    return [{"type": "done", "group": "problem"}, _started("own")]


def count(group):
    return len(_current.plans[group])


def runnable_start(group, index, timeout_ms):
    _, _, _, title = _current.plans[group][index]
    return {"type": "runnable-start", "group": group, "kind": "test", "index": index, "title": title,
            "timeoutMs": timeout_ms}


def run_test(group, index):
    """Runs one test; returns its console output and its `test-end`, or a crash if the framework changed."""
    cls, name, group_title, title = _current.plans[group][index]
    state, error, duration = _run_one(cls, name)
    tampered = _changed(_current.baseline)
    if tampered:
        return _release() + [_tamper_event(tampered)]
    event = {"type": "test-end", "group": group, "index": index, "title": title, "path": [group_title],
             "state": state, "durationMs": duration}
    if error is not None:
        event["error"] = error
    return _release() + [event]


def finish():
    """Puts the interpreter back as prepare() found it: streams, path, and the modules the run imported."""
    run = _current
    _release()
    if run.streams:
        sys.stdout, sys.stderr = run.streams
    if run.directory in sys.path:
        sys.path.remove(run.directory)
    _forget([name for name in list(sys.modules) if name not in run.before])
    return [{"type": "done", "group": "own"}]


def _forget(modules):
    for name in modules:
        sys.modules.pop(name, None)


def run(directory, test_module, emit, timeout_ms=2000, own_tests=True):
    """The whole run as the browser worker drives it (the screen, prepare, then each test, then finish),
    reporting every event through `emit`. Used by the command-line check; never raises."""
    emit({"type": "loading"})
    findings = _project.screen_files(directory)
    if findings:
        emit({"type": "crashed", "error": {
            "name": "NotCounted", "message": "\n".join(f["message"] for f in findings[:3]),
            "isAssertion": False, "isTimeout": False, "stack": ""}})
        return
    over = False
    try:
        for event in prepare(directory, test_module):
            emit(event)
            over = over or event["type"] == "crashed"
        groups = ("problem", "own") if own_tests else ("problem",)
        for group in groups:
            if over:
                break
            if group == "own":
                for event in start_own():
                    emit(event)
            for index in range(count(group)):
                emit(runnable_start(group, index, timeout_ms))
                for event in run_test(group, index):
                    emit(event)
                    over = over or event["type"] == "crashed"
                if over:
                    break
    finally:
        ending = finish()
    if not over:
        if not own_tests:
            emit({"type": "done", "group": "problem"})
        for event in ending:
            emit(event)


# The browser worker's steps: the same functions, each answer as one JSON string (a plain value to cross
# into JavaScript, where it is parsed with a JSON.parse captured before any candidate code ran).


def prepare_json(directory, test_module):
    return _dumps(prepare(directory, test_module))


def start_own_json():
    return _dumps(start_own())


def runnable_start_json(group, index, timeout_ms):
    return _dumps([runnable_start(group, index, timeout_ms)])


def run_test_json(group, index):
    return _dumps(run_test(group, index))


def finish_json():
    return _dumps(finish())


def plan_titles(directory, test_module):
    """[(group, title)] of a test file, as run() would show them (the checker and the manifest use it)."""
    sys.path.insert(0, directory)
    before = set(sys.modules)
    try:
        module = importlib.import_module(test_module)
        return [(group, title) for (_, _, group, title) in _test_case(module)]
    finally:
        sys.path.remove(directory)
        _forget([name for name in list(sys.modules) if name not in before])

