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

This file holds the run's steps and state; beside it, in modules of their own: finding, titling and running
the tests (_harness_tests.py), what the page is shown of console output and errors (_harness_report.py), the
comparison asserts (_harness_asserts.py), and the project's files (_project.py).

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
import json
import linecache
import os
import sys
import time
import types
import unittest

import _harness_asserts
import _harness_report
import _harness_tests
import _project

# What the verdict depends on, captured before any candidate code runs.
_TestCase = unittest.TestCase
_TestResult = unittest.TestResult
_dumps = json.dumps

_harness_asserts.wrap_comparisons()
_harness_asserts.add_message_assert()

# The harness's own functions a verdict passes through, by the module their callers look them up in.
_GUARDED = (
    ("harness", globals(), ("run_test", "prepare", "_changed", "_fingerprint", "run_test_json", "prepare_json",
                            "runnable_start", "_release", "start_own_json", "finish_json")),
    ("_harness_tests", vars(_harness_tests), ("run_one", "tests_of")),
    ("_harness_report", vars(_harness_report), ("serialize",)),
    ("_harness_asserts", vars(_harness_asserts), ("message_has_part", "_assert_message")),
)


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
    for module_name, namespace, keys in _GUARDED:
        for key in keys:
            function = namespace.get(key)
            marks["%s.%s" % (module_name, key)] = id(function)
            marks["%s.%s.__code__" % (module_name, key)] = id(getattr(function, "__code__", None))
    marks["time.perf_counter"] = id(time.perf_counter)
    marks["harness._dumps"] = id(_dumps)
    for key, value in list(vars(json.encoder.JSONEncoder).items()):
        marks["json.JSONEncoder.%s" % key] = id(value)
    return marks


def _changed(baseline):
    now = _fingerprint()
    return sorted(key for key, value in baseline.items() if now.get(key) != value)


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
    sys.stdout, sys.stderr = _harness_report.Console(emit, "log"), _harness_report.Console(emit, "error")


def _release():
    """Flushes print() output captured since the last call; returns it as console events."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, _harness_report.Console):
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
        return _release() + [_harness_report.crash_event(RuntimeError(
            "%s called exit() while it was being imported (status %s); remove the call or put it "
            "under `if __name__ == \"__main__\":`" % (modules[importing], error.code)), directory, error.__traceback__)]
    except BaseException as error:  # noqa: BLE001
        return _release() + [_harness_report.crash_event(error, directory)]
    finally:
        unittest.main = real_main
    tampered = _changed(run.baseline)
    if tampered:
        return _release() + [_harness_report.tamper_event(tampered)]
    try:
        tests = _import_tests(directory, test_module)
    except ImportError as error:
        return _release() + [_harness_report.crash_event(_project.explained(error, modules, directory), directory)]
    except BaseException as error:  # noqa: BLE001
        return _release() + [_harness_report.crash_event(error, directory)]
    run.plans["problem"] = _harness_tests.tests_of(tests)
    run.plans["own"] = [test for module in imported for test in _harness_tests.tests_of(module)]
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
    state, error, duration = _harness_tests.run_one(cls, name, _current.directory)
    tampered = _changed(_current.baseline)
    if tampered:
        return _release() + [_harness_report.tamper_event(tampered)]
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
        return [(group, title) for (_, _, group, title) in _harness_tests.tests_of(module)]
    finally:
        sys.path.remove(directory)
        _forget([name for name in list(sys.modules) if name not in before])

