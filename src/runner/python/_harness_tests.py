"""A test file's tests as the harness sees them (harness.py): found in the order they are written, titled by
their docstrings, and run one at a time. Standard library only; runs under CPython 3.11+ and Pyodide.
"""

import time
import unittest

import _harness_report

# What the verdict depends on, captured before any candidate code runs.
_TestCase = unittest.TestCase
_TestResult = unittest.TestResult
_perf = time.perf_counter


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


def tests_of(module):
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


def run_one(cls, name, directory):
    """Runs one test method; returns (state, error dict or None, duration ms). Errors name the project's
    files in `directory` by their path in it."""
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
    serialized = _harness_report.serialize(error, directory, tb, is_assertion=(kind == "failure"))
    subtest = getattr(error, "rehearse_subtest", None)
    if subtest:
        serialized["message"] = "%s: %s" % (subtest, serialized["message"])
    return "failed", serialized, duration
