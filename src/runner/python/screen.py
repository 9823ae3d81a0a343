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
or a string literal, where the rules below can see it.

The rules are tables (RULES, then one table per kind of thing: modules, built-in names, attributes, dunder
names, module internals). Two walks: Bindings first learns which names (and attribute names) may hold an
imported module or something in it, wherever and in whatever order they are bound; then Screen walks the tree
once, with a small scope tracker, and looks each node up in the tables.

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

import ast
import json
import re
import warnings
from collections import deque
from typing import NamedTuple


class Rule(NamedTuple):
    why: str  # what the thing reaches or does
    instead: str  # what to write instead


VERDICT = "Rehearse cannot count a run that could rewrite its own verdict."

RULES = {
    "runner": Rule("names Rehearse's test runner or the hidden tests",
                   "Your code is imported by the tests and needs nothing from them: remove it."),
    "runner-internals": Rule("is part of the machinery the test runner depends on (unittest's, json's, "
                             "asyncio's or its console's)",
                             "Remove it (if it is your own attribute, give it another name)."),
    "loader": Rule("loads modules or tests by name, so it could swap or reach the tests' own code",
                   "Use plain `import` statements for the standard library."),
    "object-graph": Rule("reaches any live object in the interpreter, the test runner's included",
                         "Remove it; keep references to your own objects instead."),
    "code-from-data": Rule("turns text or data into running code that this check cannot read",
                           "Write the code out; to copy objects use `copy.deepcopy`."),
    "builtins": Rule("reaches Python's built-ins module, which the test runner shares",
                     "Use the built-in names directly, e.g. `len` or `TimeoutError`."),
    "host": Rule("reaches the browser page that runs the tests", "A solution is plain Python: remove it."),
    "tracing": Rule("watches or steers every line the tests run",
                    "Remove it; to measure time use `time.perf_counter()`."),
    "frames": Rule("reaches running frames, tracebacks or tasks, where the test runner keeps its state",
                   "Remove it and pass values as arguments instead."),
    "import-state": Rule("changes which code an import finds, the tests' imports included",
                         "Remove it and use plain `import` statements."),
    "private": Rule("is a private internal of Python or of a module (its name starts with `_`)",
                    "Use the module's public functions and classes."),
    "file-system": Rule("reaches the files the hidden tests are loaded from",
                        "Keep your data in memory; a solution needs no files."),
    "dynamic-code": Rule("runs text as code, out of sight of this check", "Write the code out."),
    "namespace": Rule("hands out a whole namespace, the test runner's included",
                      "Use the names you need directly (`vars(self)` is fine)."),
    "dynamic-attribute": Rule("reaches an attribute whose name is not written in the code, out of sight of this "
                              "check", 'Write `obj.name`, or call `getattr(obj, "name", default)` with the name '
                              "written out."),
    "dunder": Rule("reaches the insides of functions, classes or modules, the test runner's included",
                   "Use the object's ordinary attributes and methods."),
    "set-attribute": Rule("sets attributes behind Python's back, on objects that may not be yours",
                          'Assign `self.x = ...`; in a frozen dataclass use `object.__setattr__(self, "x", ...)`.'),
    "console": Rule("can write into the stream the test runner reads its events from",
                    "Use `print(...)`, or `print(..., file=sys.stderr)` for errors."),
    "module-escape": Rule("hands a module, or a class the tests run on, to other code, where it could be changed "
                          "out of sight of this check",
                          "Call what you need on it directly (`time.monotonic()`), or pass a function "
                          "(`clock=time.monotonic`)."),
    "patch": Rule("changes a module, or an object, that the test runner and the hidden tests rely on",
                  "Pass a clock or a fake in as an argument instead. Your own TestCase methods may patch "
                  "modules such as `time`, but never unittest, builtins, json, sys, io or asyncio."),
    "mock-target": Rule("patches a module the test runner and the hidden tests rely on",
                        'Patch your own code, or modules such as `time` (e.g. `@patch("time.time")`).'),
    "test-leak": Rule("runs your own test code while the file is imported, so the patches your tests make "
                      "(say of `time`) would be in place for the hidden tests",
                      "Let the test runner run your tests; leave the test class alone outside them."),
    "star-import": Rule("imports names this check cannot see", "Import the names you use one by one."),
    "encoding": Rule("declares a source encoding other than UTF-8, so Python would read other code than this check "
                     "reads", "Remove the line; your files are UTF-8."),
    "source-text": Rule("reads the source text of running code or of functions the tests hand in, and with it "
                        "the tests' expected values", "Remove it; work from the arguments your code is given."),
    "event-loop": Rule("changes the event loop machinery the asynchronous tests run on",
                       "Use `asyncio.run(...)`, or `unittest.IsolatedAsyncioTestCase` in your own tests."),
    "always-equal": Rule("compares equal to anything, so a wrong answer would pass every comparison",
                         "Return real values; mock.ANY belongs in your own TestCase methods."),
    "too-deep": Rule("this file nests code too deeply for this check to read", "Split it into smaller expressions."),
}

# Modules, by the rule that forbids them; `import a.b` and `from a.b import c` are checked for a, a.b and a.b.c,
# and every part that starts with `_` (except `__future__`) is `private`.
MODULES = {
    "runner": ("harness", "hidden_test", "examples_test", "screen"),
    "loader": ("importlib", "imp", "zipimport", "pkgutil", "runpy", "site", "pydoc", "logging.config"),
    "object-graph": ("gc", "ctypes", "_ctypes", "_testcapi", "_testinternalcapi"),
    # pickle and copyreg call whatever a byte string names; timeit and doctest execute strings.
    "code-from-data": ("marshal", "pickle", "_pickle", "copyreg", "shelve", "code", "codeop", "timeit", "doctest"),
    "builtins": ("builtins", "__builtin__"),
    "host": ("js", "pyodide", "pyodide_js", "_pyodide", "micropip"),
    # signal handlers receive the frame that was running when the signal came.
    "tracing": ("trace", "bdb", "pdb", "cProfile", "profile", "sys.monitoring", "signal"),
    # The project is imported before the hidden tests: a file write would change the tests it is judged by.
    "file-system": ("os", "posix", "nt", "pathlib", "shutil", "tempfile", "glob", "fileinput", "linecache",
                    "zipfile", "tarfile", "gzip", "bz2", "lzma", "sqlite3", "dbm", "mmap", "py_compile",
                    "compileall", "filecmp"),
}
MODULE_RULE = {name: rule for rule, names in MODULES.items() for name in names}

# Star imports are fine from modules whose every public name is harmless.
STAR_SAFE = {"math", "cmath", "typing", "collections", "collections.abc", "dataclasses", "itertools", "functools",
             "heapq", "bisect", "enum", "abc", "re", "random", "statistics", "decimal", "fractions", "__future__"}

# Built-in functions, as bare names. A function's own local or parameter of that name is the candidate's;
# a module-level one is not trusted, because until its definition runs the name is still the built-in.
BUILTIN_NAMES = {
    "eval": "dynamic-code", "exec": "dynamic-code", "compile": "dynamic-code", "__import__": "dynamic-code",
    "breakpoint": "tracing", "globals": "namespace", "vars": "namespace", "getattr": "dynamic-attribute",
    "setattr": "dynamic-attribute", "delattr": "dynamic-attribute", "hasattr": "dynamic-attribute",
    "open": "file-system", "help": "loader", "locals": "namespace",
}
# The same names as attributes of anything (`re.compile` and `obj.open()` stay allowed).
ATTRIBUTE_BUILTINS = {name: rule for name, rule in BUILTIN_NAMES.items() if name not in ("compile", "open", "help",
                                                                                          "locals")}
REFLECTION = ("getattr", "setattr", "delattr", "hasattr")

# Attributes, and names imported from a module, by the rule that forbids them: (rule, owner), where owner None
# means on anything and a module name means only on that module (`self.stack` is the candidate's own).
ATTRIBUTES = {
    **{name: ("frames", None) for name in (
        "_getframe", "_getframemodulename", "_current_frames", "_current_exceptions", "exc_info", "last_exc",
        "last_traceback", "last_value", "f_back", "f_locals", "f_globals", "f_builtins", "f_code", "f_trace",
        "tb_frame", "tb_next", "gi_frame", "gi_code", "cr_frame", "cr_code", "ag_frame", "ag_code", "all_tasks",
        "get_coro", "get_stack", "print_stack", "walk_stack", "walk_tb", "currentframe", "getouterframes",
        "getinnerframes", "getmembers", "getmembers_static", "getattr_static", "getclosurevars", "getmodule",
        "current_task")},
    "exception": ("frames", "sys"), "stack": ("frames", "inspect"), "trace": ("frames", "inspect"),
    "unwrap": ("frames", "inspect"), "findCaller": ("frames", None),
    # Source text of the calling frames, or of functions a test hands in: a solution could read the test's
    # expected values off its caller's line.
    **{name: ("source-text", "inspect") for name in (
        "getsource", "getsourcelines", "findsource", "getcomments", "getblock")},
    **{name: ("source-text", "traceback") for name in (
        "extract_stack", "format_stack", "StackSummary", "FrameSummary", "TracebackException",
        "format_exception", "format_exc", "format_tb", "extract_tb", "format_list")},
    "formatwarning": ("source-text", "warnings"),
    # The event loop machinery the asynchronous tests run on.
    **{name: ("event-loop", None) for name in (
        "set_event_loop_policy", "set_event_loop", "set_task_factory", "set_exception_handler",
        "set_default_executor", "set_child_watcher")},
    **{name: ("tracing", None) for name in (
        "settrace", "setprofile", "gettrace", "getprofile", "settrace_all_threads", "setprofile_all_threads",
        "remote_exec", "addaudithook")},
    "monitoring": ("tracing", "sys"),
    **{name: ("object-graph", None) for name in ("get_referrers", "get_referents", "get_objects")},
    **{name: ("import-state", None) for name in ("meta_path", "path_hooks", "path_importer_cache")},
    "modules": ("import-state", "sys"), "path": ("import-state", "sys"),
    # They evaluate strings (type hints) or reach attributes by computed names.
    **{name: ("dynamic-code", None) for name in ("get_type_hints", "get_annotations", "ForwardRef", "CodeType")},
    "attrgetter": ("dynamic-attribute", "operator"), "methodcaller": ("dynamic-attribute", "operator"),
    "Formatter": ("dynamic-attribute", "string"),
    **{name: ("loader", None) for name in (
        "TestLoader", "defaultTestLoader", "TestProgram", "loadTestsFromName", "loadTestsFromNames")},
    **{name: ("file-system", None) for name in (
        "FileHandler", "RotatingFileHandler", "TimedRotatingFileHandler", "WatchedFileHandler")},
    "open_code": ("file-system", "io"), "FileIO": ("file-system", "io"),
    **{name: ("console", "sys") for name in ("__stdout__", "__stderr__", "__stdin__", "displayhook")},
}
# sys's streams are the harness's console objects: only written to, never replaced or looked inside.
STREAMS = ("stdout", "stderr", "stdin")
STREAM_METHODS = ("write", "flush")

# Names that reach an object's insides; found as identifiers, attributes, definitions or inside any string.
DUNDERS = ("__globals__", "__subclasses__", "__code__", "__closure__", "__builtins__", "__traceback__",
           "__self__", "__func__", "__dict__", "__getattribute__", "__import__", "__loader__", "__spec__",
           "__mro__", "__bases__", "__base__", "__wrapped__", "__reduce__", "__reduce_ex__", "__setstate__",
           "__annotations__", "__annotate__", "__defaults__", "__kwdefaults__")
DUNDER_PATTERN = re.compile("|".join(re.escape(d) for d in DUNDERS))
SETTERS = ("__setattr__", "__delattr__")

# unittest's and json's working parts that the harness does not fingerprint, its own console's emit, and the
# event loop's and a task's insides (closing a test's coroutine would end it as if it passed); flagged on any
# receiver but `self`/`cls`.
RUNNER_INTERNALS = {
    "_Outcome", "testPartExecutor", "_callTestMethod", "_callSetUp", "_callTearDown", "_callCleanup",
    "_callAsync", "_callMaybeAsync", "_feedErrorsToResult", "_addSkip", "_asyncioRunner", "_asyncioTestContext",
    "_type_equality_funcs", "_getAssertEqualityFunc", "_baseAssertEqual", "c_make_encoder", "_make_iterencode",
    "encode_basestring", "encode_basestring_ascii", "py_encode_basestring", "_default_encoder",
    "_default_decoder", "ESCAPE_DCT", "_emit", "_coro", "_ready", "_scheduled",
}
# A format string reads attributes too ("{0.f_back.f_locals}".format(frame)).
FRAME_WORDS = re.compile(r"(?<!\w)(f_back|f_locals|f_globals|f_builtins|f_code|tb_frame|tb_next|gi_frame|cr_frame|"
                         r"ag_frame)(?!\w)")
# A whole string that names something inside a protected module, as a patch target would.
PROTECTED_TARGET = re.compile(r"^(unittest|builtins|json|sys|asyncio|io)\.[A-Za-z_][\w.]*$")
RUNNER_MODULES = re.compile(r"(?<!\w)(harness|hidden_test|examples_test)(?!\w)")

# Modules the harness and the hidden tests rely on: never patched, never handed around.
PROTECTED = {"unittest", "builtins", "json", "sys", "asyncio", "io"}
ESCAPING_MODULES = PROTECTED | {
    "inspect", "threading", "traceback", "codecs", "json.encoder", "json.decoder", "json.scanner",
    "unittest.case", "unittest.result", "unittest.suite", "unittest.loader", "unittest.runner",
    "unittest.util", "unittest.async_case", "asyncio.events", "asyncio.tasks", "asyncio.futures",
    "asyncio.base_events", "asyncio.runners", "asyncio.coroutines"}
MOCK_PATCHERS = ("patch", "patch.object", "patch.dict", "patch.multiple")
MUTATORS = {"append", "extend", "insert", "remove", "pop", "popitem", "clear", "update", "setdefault", "add",
            "discard", "sort", "reverse", "__setitem__", "__delitem__"}
TESTCASES = {"unittest.TestCase", "unittest.IsolatedAsyncioTestCase", "unittest.case.TestCase",
             "unittest.async_case.IsolatedAsyncioTestCase"}
SELF_NAMES = ("self", "cls")
# Modules whose classes the harness and the hidden tests run on (event loops, test cases, random.Random for the
# model tests...): such a class may not be handed to other code, where `cls.method = ...` would change it.
CLASS_OWNERS = PROTECTED | {"random", "collections", "dataclasses", "enum", "functools", "heapq", "re", "time",
                            "math", "itertools", "bisect"}
# Decorators of test methods that do not run the method while the class is made.
SAFE_DECORATORS = {"skip", "skipIf", "skipUnless", "expectedFailure", "staticmethod", "classmethod", "property"}
# Calls that only look at a class they are given, or only call it.
CLASS_CONSUMERS = {"isinstance", "issubclass", "assertRaises", "assertRaisesRegex", "assertIsInstance",
                   "assertNotIsInstance", "assertWarns", "assertWarnsRegex", "type", "id", "repr", "str", "print",
                   "field", "defaultdict", "TypeVar", "cast", "NewType"}
EXCEPTION_SUFFIXES = ("Error", "Exception", "Warning", "Exit", "Interrupt", "Cancelled", "Full", "Empty")
VALUE_WRAPPERS = (ast.Tuple, ast.List, ast.Set, ast.Dict, ast.IfExp, ast.BoolOp, ast.Starred, ast.NamedExpr)
# Where a class is only looked at, subclassed, raised, or bound to a name (which Bindings follows).
CLASS_LOOKS = (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.arguments, ast.For, ast.AsyncFor, ast.comprehension,
               ast.withitem, ast.ExceptHandler, ast.Compare, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef,
               ast.arg, ast.Raise, ast.Subscript, ast.Expr, ast.FormattedValue, ast.BinOp, ast.UnaryOp, ast.If,
               ast.While, ast.Assert, ast.match_case, ast.MatchValue, ast.MatchClass)
CODING_COOKIE = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
UTF8_NAMES = re.compile(r"^utf[-_]?8([-_].*)?$", re.I)
# Modules hold the modules they import (`logging.os`, `inspect.builtins`, `enum.bltns`): reached that way
# they are the same modules, judged the same. The names a module re-exports them under, and what they are.
REEXPORTED = {**{name.split(".")[0]: name.split(".")[0] for name in MODULE_RULE},
              **{name: name for name in CLASS_OWNERS | ESCAPING_MODULES if "." not in name},
              "bltns": "builtins", "stdlib_re": "re"}
MODULE_PATH = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$")
# Built-ins that are also ordinary method names (`re.compile`, `door.open()`): findings when the receiver is
# a module other than re, which may be builtins under another name.
MODULE_BUILTINS = {"compile": "dynamic-code", "open": "file-system", "help": "loader", "locals": "namespace"}
# Answers that would make every assertEqual/assertIn pass.
ALWAYS_EQUAL = {"unittest.mock.ANY", "mock.ANY"}
CONSTANT_ANSWERS = {"__eq__": True, "__ne__": False, "__contains__": True}
# Calls that return an object the tests share (the running loop, the loop policy): like a module, not new data.
SHARED_GETTERS = {"get_running_loop", "get_event_loop", "get_event_loop_policy"}
# Markers in a carried path: an object a protected module made (its own attributes and items are its own), and
# the class of an object that is not self (changing it changes that class for everyone who uses it).
INSTANCE = "<instance>"
FOREIGN_CLASS = "<a class>"
# The nodes Bindings learns from (imports, assignments, loops, parameters, definitions, stored names).
BINDING_NODES = {ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr, ast.For,
                 ast.AsyncFor, ast.comprehension, ast.withitem, ast.arguments, ast.arg, ast.FunctionDef,
                 ast.AsyncFunctionDef, ast.ClassDef, ast.Name}
# `unittest.async_case.IsolatedAsyncioTestCase` is as deep as a path this screen needs to name exactly; a
# longer one keeps only its module, so that self-referring aliases (`x = x.y`) cannot grow paths forever.
MAX_PATH_DOTS = 3


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


def _parse(text, mode):
    with warnings.catch_warnings():
        # "\d" in a plain string is a SyntaxWarning: the import shows it; the screen need not print it too.
        warnings.simplefilter("ignore")
        return ast.parse(text, mode=mode)


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


def message(rule, line, name):
    """"line 12: `sys._getframe` <why>; <verdict> <instead>" (without a name, the why says what it is about)."""
    why, instead = RULES[rule]
    subject = "`%s` %s" % (name, why) if name else why
    return "line %d: %s; %s %s" % (line, subject, VERDICT, instead)


def _root_module(path):
    return path.lstrip(".").split(".")[0]


def _is_private(part):
    return part.startswith("_") and part != "__future__"


def _dotted_prefixes(dotted):
    parts = dotted.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def _source_of(node, limit=60):
    text = ast.unparse(node)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _string_value(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Constant) and isinstance(node.value, bytes):
        return node.value.decode("latin-1")
    return None


def _answers_constantly(name, body):
    """`def __eq__(self, other): return True` (a docstring aside): every comparison would pass."""
    if name not in CONSTANT_ANSWERS:
        return False
    statements = [s for s in body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    return (len(statements) == 1 and isinstance(statements[0], ast.Return)
            and isinstance(statements[0].value, ast.Constant) and statements[0].value.value is CONSTANT_ANSWERS[name])


def _is_fresh(path):
    """A path into a new object a protected module made, not into its class (see INSTANCE)."""
    parts = path.split(".")
    if INSTANCE not in parts:
        return False
    return "<its class>" not in parts[len(parts) - 1 - parts[::-1].index(INSTANCE):]


def _is_module_like(path):
    """`unittest.case`: lowercase names, as modules are (`http.HTTPStatus.OK` is not)."""
    return bool(MODULE_PATH.match(path))


def _is_self_name(node):
    return isinstance(node, ast.Name) and node.id in SELF_NAMES


def _extend(path, part):
    """`path.part`, or just the module and "…" past MAX_PATH_DOTS: still rooted, no longer exact."""
    if path.count(".") < MAX_PATH_DOTS:
        return path + "." + part
    return _root_module(path) + ".…"


def _dotted_name(node):
    """`a.b.c` for a chain of names, "" for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted_name(node.value)
        return inner + "." + node.attr if inner else ""
    return ""


def _is_patcher(call):
    dotted = _dotted_name(call.func)
    return any(dotted == p or dotted.endswith("." + p) for p in MOCK_PATCHERS)


def _is_protected_class(path):
    """`asyncio.BaseEventLoop` or `random.Random`, not `asyncio.FIRST_COMPLETED` nor `asyncio.TimeoutError`: a
    class the tests run on (an exception class or a constant changes nothing they decide)."""
    last = path.split(".")[-1]
    return (_root_module(path) in CLASS_OWNERS and last[:1].isupper() and not last.isupper()
            and not last.endswith(EXCEPTION_SUFFIXES))


def _target_names(target):
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [name for element in target.elts for name in _target_names(element)]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    return []


# -------------------------------------------------------------------------------------------------------------
# What names are bound to imported modules, collected before the rules run.


class Bindings:
    """Names bound to imported modules or things in them, and their aliases (`T = unittest.TestCase`).

    Flow- and scope-insensitive on purpose: a name bound to a module anywhere counts everywhere, so neither the
    order of definitions, a loop, `global` nor a function's scope can hide an alias. Also keeps each node's
    parent and the string constants that sit in annotations (which typing can evaluate as code)."""

    def __init__(self, tree):
        self.paths = {}  # name -> {dotted path}
        # Attribute name -> {dotted path}, from `self.j = json` or a class body's `T = unittest.TestCase`:
        # `anything.T` may be that object, whatever `anything` is.
        self.attributes = {}
        self.parents = {}
        self.annotation_strings = set()
        self.rebound = set()  # every name the code binds itself, anywhere
        self.modules = set()  # names bound by `import x` (always a module)
        self.classes = []  # every ClassDef, in breadth-first order
        flows = []  # (target keys, value expression) for aliases
        queue = deque([tree])  # breadth first: a node's parent is known when the node is reached
        while queue:
            node = queue.popleft()
            children = list(ast.iter_child_nodes(node))
            for child in children:
                self.parents[id(child)] = node
            queue.extend(children)
            if type(node) in BINDING_NODES:  # most nodes bind nothing: skip them cheaply
                self._note(node, flows)
        self._propagate(flows)

    def _note(self, node, flows):
        if isinstance(node, ast.ClassDef):
            self.classes.append(node)
        self._bind_imports(node)
        in_class = isinstance(self.parents.get(id(node)), ast.ClassDef)
        flows.extend((self._keys(targets, in_class), value) for targets, value in self._flows(node))
        self._note_annotations(node)
        self._note_rebinding(node)

    def _note_rebinding(self, node):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            self.rebound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self.rebound.add(node.name)
        elif isinstance(node, ast.arg):
            self.rebound.add(node.arg)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            self.rebound.update((a.asname or a.name).split(".")[0] for a in node.names)

    def _bind(self, name, path, table=None):
        (self.paths if table is None else table).setdefault(name, set()).add(path)

    @staticmethod
    def _keys(targets, in_class):
        """Where an assignment puts a value: names, attribute names, and a class body's names as both."""
        keys = []
        for target in targets:
            if isinstance(target, ast.Attribute):
                keys.append(("attribute", target.attr))
            for name in _target_names(target):
                keys.append(("name", name))
                if in_class:
                    keys.append(("attribute", name))
        return keys

    def _bind_imports(self, node):
        """`import a.b` binds a; `from a import b` binds b to "a.b" (and to "b" too when b is a module that
        modules re-export, as in `from inspect import builtins`)."""
        if isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.asname or alias.name.split(".")[0]
                self.modules.add(name)
                self._bind(name, alias.name if alias.asname else name)
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            for alias in node.names:
                if alias.name != "*":
                    self._bind(alias.asname or alias.name, module + "." + alias.name)
                if alias.name in REEXPORTED and _is_module_like(module):
                    self._bind(alias.asname or alias.name, REEXPORTED[alias.name])

    @staticmethod
    def _flows(node):
        """(targets, value) of every binding; a parameter's default binds a Name made up for it."""
        if isinstance(node, ast.Assign):
            return [(node.targets, node.value)]
        if isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)) and node.value is not None:
            return [([node.target], node.value)]
        if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            return [([node.target], node.iter)]
        if isinstance(node, ast.withitem) and node.optional_vars is not None:
            return [([node.optional_vars], node.context_expr)]
        if isinstance(node, ast.arguments):
            # Defaults belong to the last positional parameters, and one to one to the keyword-only ones.
            positional = node.posonlyargs + node.args
            pairs = list(zip(positional[len(positional) - len(node.defaults):], node.defaults))
            pairs += [(a, d) for a, d in zip(node.kwonlyargs, node.kw_defaults) if d is not None]
            return [([ast.Name(a.arg, ast.Store())], d) for a, d in pairs]
        return []

    def _note_annotations(self, node):
        annotations = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            annotations.append(node.returns)
        if isinstance(node, (ast.arg, ast.AnnAssign)) and node.annotation is not None:
            annotations.append(node.annotation)
        for annotation in annotations:
            for inner in ast.walk(annotation):
                if isinstance(inner, ast.Constant) and isinstance(inner.value, str):
                    self.annotation_strings.add(id(inner))

    def _propagate(self, flows):
        changed = True
        while changed:
            changed = False
            for keys, value in flows:
                found = self.carried(value)
                for kind, key in keys:
                    table = self.paths if kind == "name" else self.attributes
                    before = len(table.get(key, ()))
                    for path in found:
                        self._bind(key, path, table)
                    changed = changed or len(table.get(key, ())) != before

    def carried(self, value):
        """The module paths a value may carry. Only expressions that hand on the very objects they name count:
        `[unittest.TestCase][0]` is still the class, but what a call or an operator returns is a new value
        (`list(sys.argv)` is the candidate's list; a module handed to a call is rule `module-escape`)."""
        if isinstance(value, (ast.Name, ast.Attribute, ast.Subscript)):
            return self.resolve(value)
        if isinstance(value, ast.Call):
            return self.carried_by_call(value)
        if isinstance(value, (ast.Tuple, ast.List, ast.Set)):
            return set().union(*(self.carried(e) for e in value.elts))
        if isinstance(value, ast.Dict):
            return set().union(*(self.carried(v) for v in value.values))
        if isinstance(value, ast.IfExp):
            return self.carried(value.body) | self.carried(value.orelse)
        if isinstance(value, ast.BoolOp):
            return set().union(*(self.carried(v) for v in value.values))
        if isinstance(value, (ast.NamedExpr, ast.Starred)):
            return self.carried(value.value)
        return set()

    def carried_by_call(self, call):
        """A call's result is new data, except the shared objects asyncio hands out and `type(x)`, which is the
        class of something the value may carry (`type(loop).time = ...` changes the tests' loop class). An
        object made by a protected module is new too, but it carries its class: `type(unittest.TestCase())`
        is TestCase itself. `type(x)` of anything but self is a class the code may not own (FOREIGN_CLASS),
        and `C.mro()` hands on the class it was asked of."""
        func_paths = self.resolve(call.func)
        if {p.split(".")[-1] for p in func_paths} & SHARED_GETTERS:
            return {"asyncio.<the running event loop>"}
        if isinstance(call.func, ast.Name) and call.func.id == "type" and len(call.args) == 1:
            inner = self.carried(call.args[0])
            if inner:
                return {_extend(p, "<its class>") for p in inner}
            return set() if _is_self_name(call.args[0]) else {FOREIGN_CLASS}
        if isinstance(call.func, ast.Attribute) and call.func.attr == "mro":
            return self.carried(call.func.value)
        return {_extend(p, INSTANCE) for p in func_paths if _root_module(p) in PROTECTED}

    def resolve(self, node):
        """Dotted paths an expression names: `t.sleep` with `import time as t` is {"time.sleep"}."""
        if isinstance(node, ast.Name):
            return set(self.paths.get(node.id, ()))
        if isinstance(node, ast.Attribute):
            base = self.resolve(node.value)
            longer = {_extend(p, node.attr) for p in base}
            if node.attr in REEXPORTED and any(_is_module_like(p) for p in base):
                longer.add(REEXPORTED[node.attr])  # `inspect.builtins` is builtins itself
            return longer | self.attributes.get(node.attr, set())
        if isinstance(node, ast.Subscript):
            return self.carried(node.value)
        return self.carried(node) if isinstance(node, (ast.Tuple, ast.List, ast.Dict)) else set()

    def root_paths(self, node):
        """Paths anywhere down an attribute/subscript chain (`a.b[0].c`: of `a.b[0].c`, `a.b[0]`, `a.b`, `a`)."""
        found = set()
        while isinstance(node, (ast.Attribute, ast.Subscript)):
            found |= self.resolve(node)
            node = node.value
        return found | self.carried(node)

    def is_receiver(self, node):
        parent = self.parents.get(id(node))
        return isinstance(parent, (ast.Attribute, ast.Subscript)) and parent.value is node


# -------------------------------------------------------------------------------------------------------------
# The rules, applied in one walk with a small scope tracker.


class Scope(NamedTuple):
    kind: str  # "module", "class", "function"
    locals: frozenset  # a function's own locals and parameters
    own_test: bool  # inside a method of the candidate's own TestCase subclass
    test_class: bool  # a class that subclasses unittest.TestCase


def _function_locals(node):
    """Names a function binds itself (parameters, assignments, imports, defs), minus global/nonlocal ones."""
    args = node.args
    names = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
    names |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    declared = set()
    body = list(node.body) if isinstance(node.body, list) else [node.body]
    stack = body
    while stack:
        child = stack.pop()
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(child.name)
            continue
        if isinstance(child, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
            continue
        if isinstance(child, (ast.Global, ast.Nonlocal)):
            declared.update(child.names)
        elif isinstance(child, ast.Name) and isinstance(child.ctx, (ast.Store, ast.Del)):
            names.add(child.id)
        elif isinstance(child, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in child.names)
        stack.extend(ast.iter_child_nodes(child))
    return frozenset(names - declared)


class Screen(ast.NodeVisitor):
    def __init__(self, tree):
        self.tree = tree
        self.bindings = Bindings(tree)
        self.scopes = [Scope("module", frozenset(), False, False)]
        self.test_classes = self.find_test_classes()  # names of the candidate's own TestCase subclasses
        self.findings = []
        self.flagged = set()  # ids of nodes that already have a finding: one finding per node
        self.handled = set()  # ids of getattr-like names a call has already judged (`getattr(x, "name")`)
        self.reflected = set()  # ids of their receivers, which are read, not handed on
        self.leaks = []  # (node, name) that become test-leak findings if a test patches a module
        self.exempt_patches = False

    def run(self):
        self.visit(self.tree)
        if self.exempt_patches:
            for node, name in self.leaks:
                self.flag(node, "test-leak", name)
        self.findings.sort(key=lambda f: (f["line"], f["col"]))
        return self.findings

    def flag(self, node, rule, name=None):
        """Records a finding on `node`, named `name` (by default its source; a callable makes the name only
        when there is a finding, since ast.unparse is slow). Returns True, so a check can end with it."""
        if id(node) in self.flagged:
            return True
        self.flagged.add(id(node))
        name = _source_of(node) if name is None else name() if callable(name) else name
        line = getattr(node, "lineno", 1)
        self.findings.append({"line": line, "col": getattr(node, "col_offset", 0), "rule": rule,
                              "message": message(rule, line, name)})
        return True

    def parent(self, node):
        return self.bindings.parents.get(id(node))

    # --- scopes ---------------------------------------------------------------------------------------------

    def visit_ClassDef(self, node):
        for child in node.decorator_list + node.bases + node.keywords:
            self.visit(child)
        test_class = any(self.is_testcase_base(base, self.test_classes) for base in node.bases)
        if test_class:
            self.leaks.extend((d, None) for d in node.decorator_list)
            self.leaks.extend((k, None) for k in node.keywords if k.arg == "metaclass")
        self.scopes.append(Scope("class", frozenset(), self.scopes[-1].own_test, test_class))
        for statement in node.body:
            if test_class:
                self.note_class_body_calls(statement)
            self.visit(statement)
        self.scopes.pop()

    def find_test_classes(self):
        """Before the walk, so that a reference above the class's definition is seen too."""
        found = set()
        while True:
            more = {c.name for c in self.bindings.classes if any(self.is_testcase_base(b, found) for b in c.bases)}
            if more <= found:
                return found
            found |= more

    def is_testcase_base(self, base, test_classes):
        if isinstance(base, ast.Name) and base.id in test_classes:
            return True
        return bool(self.bindings.resolve(base) & TESTCASES)

    def note_class_body_calls(self, statement):
        """What in a test class's body runs at import: its statements' calls, a method's defaults and
        decorators (other than mock's and unittest's own), and `__init_subclass__`."""
        if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.leaks.extend((inner, None) for inner in ast.walk(statement) if isinstance(inner, ast.Call))
            return
        if statement.name == "__init_subclass__":
            self.leaks.append((statement, statement.name))
        for default in statement.args.defaults + [d for d in statement.args.kw_defaults if d is not None]:
            self.leaks.extend((inner, None) for inner in ast.walk(default) if isinstance(inner, ast.Call))
        for decorator in statement.decorator_list:
            called = decorator.func if isinstance(decorator, ast.Call) else decorator
            if not (isinstance(decorator, ast.Call) and _is_patcher(decorator)) and \
                    _dotted_name(called).split(".")[-1] not in SAFE_DECORATORS:
                self.leaks.append((decorator, None))

    def visit_FunctionDef(self, node):
        self.check_definition_name(node)
        outer = self.scopes[-1]
        own_test = outer.own_test or (outer.kind == "class" and outer.test_class)
        # A test method's decorators (`@patch("time.time")`) belong to the test.
        self.scopes.append(outer._replace(own_test=own_test))
        for child in node.decorator_list + [node.args] + ([node.returns] if node.returns else []):
            self.visit(child)
        self.scopes.pop()
        self.scopes.append(Scope("function", _function_locals(node), own_test, False))
        for statement in node.body:
            self.visit(statement)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        self.visit(node.args)
        outer = self.scopes[-1]
        self.scopes.append(Scope("function", _function_locals(node), outer.own_test, False))
        self.visit(node.body)
        self.scopes.pop()

    def check_definition_name(self, node):
        if node.name in DUNDERS:
            self.flag(node, "dunder", node.name)
        elif _answers_constantly(node.name, node.body):
            self.flag(node, "always-equal", node.name)

    def visit_Assign(self, node):
        """`__eq__ = lambda self, other: True` in a class body."""
        lam = node.value
        for target in node.targets:
            if isinstance(target, ast.Name) and isinstance(lam, ast.Lambda) and _answers_constantly(
                    target.id, [ast.Return(lam.body)]):
                self.flag(node, "always-equal", target.id)
        self.generic_visit(node)

    def check_always_equal(self, node):
        """mock.ANY compares equal to anything: fine in the candidate's own tests, never as an answer."""
        if self.bindings.resolve(node) & ALWAYS_EQUAL and not self.scopes[-1].own_test:
            return self.flag(node, "always-equal")
        return False

    def is_builtin(self, name):
        """True unless the innermost function binds `name` itself (class and module bindings do not count:
        until they run, the name is still the built-in)."""
        for scope in reversed(self.scopes):
            if scope.kind == "function":
                return name not in scope.locals
        return True

    # --- imports --------------------------------------------------------------------------------------------

    def visit_Import(self, node):
        for alias in node.names:
            self.check_module(node, alias.name)

    def visit_ImportFrom(self, node):
        module = node.module or ""
        if module and self.check_module(node, module):
            return
        for alias in node.names:
            if alias.name == "*":
                if module not in STAR_SAFE:
                    self.flag(node, "star-import", "from %s import *" % module)
                continue
            full = module + "." + alias.name if module else alias.name
            if self.check_module(node, full, named=True):
                continue
            self.check_imported_name(node, module, alias.name)

    def check_module(self, node, dotted, named=False):
        """Flags a forbidden module; `named` is a `from a import b` name, which may be a module or not."""
        for prefix in _dotted_prefixes(dotted):
            rule = MODULE_RULE.get(prefix)
            if rule:
                return self.flag(node, rule, dotted)
        parts = dotted.split(".")
        # Only a `from a import b` name's package parts are surely modules; its last part is judged as a name.
        if any(_is_private(p) for p in (parts[:-1] if named else parts)):
            return self.flag(node, "private", dotted)
        if named and parts[-1] in DUNDERS:  # `from json import __builtins__`
            return self.flag(node, "dunder", dotted)
        return False

    def check_imported_name(self, node, module, name):
        """`from sys import _getframe` is `sys._getframe`."""
        if name in MODULE_BUILTINS and module != "re":
            return self.flag(node, MODULE_BUILTINS[name], module + "." + name)
        if self.check_attribute_name(node, name, {module}, module + "." + name):
            return True
        rule = MODULE_RULE.get(REEXPORTED.get(name, ""))
        if rule:  # `from logging import os`
            return self.flag(node, rule, module + "." + name)
        if name in STREAMS and module == "sys":
            return self.flag(node, "console", "from sys import " + name)
        if _is_private(name) and not name.startswith("__"):
            return self.flag(node, "private", module + "." + name)
        return False

    # --- names and attributes -------------------------------------------------------------------------------

    def visit_Name(self, node):
        if id(node) in self.handled:
            return
        if node.id in BUILTIN_NAMES and self.is_builtin(node.id) and not self.allowed_builtin_use(node):
            self.flag(node, BUILTIN_NAMES[node.id], node.id)
        elif node.id in DUNDERS:
            self.flag(node, "dunder", node.id)
        elif isinstance(node.ctx, ast.Load):
            self.check_always_equal(node) or self.check_escape(node)
            if node.id in self.test_classes and not self.scopes[-1].own_test and not self.is_base(node):
                self.leaks.append((node, node.id))

    def is_base(self, node):
        parent = self.parent(node)
        return isinstance(parent, ast.ClassDef) and node in parent.bases

    def allowed_builtin_use(self, node):
        """`vars(self)` reads only the candidate's own object."""
        call = self.parent(node)
        return (node.id == "vars" and isinstance(call, ast.Call) and call.func is node and len(call.args) == 1
                and not call.keywords and isinstance(call.args[0], ast.Name) and call.args[0].id == "self")

    def visit_Attribute(self, node):
        self.check_attribute(node)
        self.generic_visit(node)

    def check_attribute(self, node):
        name, receiver = node.attr, node.value
        text = None  # the attribute's source, made only for a finding
        receiver_paths = self.bindings.resolve(receiver)
        if name in DUNDERS:
            return self.flag(node, "dunder", text)
        if name in SETTERS and not self.allowed_setter(node):
            return self.flag(node, "set-attribute", text)
        if self.check_attribute_name(node, name, receiver_paths, text):
            return True
        if name in STREAMS and "sys" in receiver_paths:
            return self.check_stream(node, text)
        if self.check_module_attribute(node, name, receiver_paths):
            return True
        if _is_private(name) and not name.startswith("__") and self.is_module_chain(receiver):
            return self.flag(node, "private", text)
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            if self.changes_a_class(node) and not self.is_protected(receiver):
                return self.flag(node, "set-attribute")
            return self.check_patch(node, receiver, text)
        return self.check_always_equal(node) or self.check_escape(node)

    def changes_a_class(self, node):
        """`type(clock).now = ...`, `clock.__class__ = ...`: changing the class of an object the tests handed in
        changes it for every test after. The candidate's own `type(self).count = ...` is fine."""
        receiver = node.value
        if node.attr == "__class__":
            return not _is_self_name(receiver)
        if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Name) and receiver.func.id == "type":
            return len(receiver.args) == 1 and not _is_self_name(receiver.args[0])
        if isinstance(receiver, ast.Attribute) and receiver.attr == "__class__":
            return not _is_self_name(receiver.value)
        return False

    def check_module_attribute(self, node, name, receiver_paths):
        """`logging.os`, `inspect.linecache`: a forbidden module reached through another; `enum.bltns.compile`:
        a built-in reached through a module."""
        modules = {p for p in receiver_paths if _is_module_like(p)}
        if not modules:
            return False
        rule = MODULE_RULE.get(REEXPORTED.get(name, ""))
        if rule:
            return self.flag(node, rule)
        if name in MODULE_BUILTINS and modules != {"re"}:
            return self.flag(node, MODULE_BUILTINS[name])
        return False

    def check_attribute_name(self, node, name, receiver_paths, text):
        """The attribute tables, for `receiver.name`, `getattr(receiver, "name")` and `from module import name`."""
        if name in ATTRIBUTE_BUILTINS:
            return self.flag(node, ATTRIBUTE_BUILTINS[name], text)
        entry = ATTRIBUTES.get(name)
        if entry and (entry[1] is None or entry[1] in receiver_paths):
            return self.flag(node, entry[0], text)
        if name in RUNNER_INTERNALS and not self.is_self(node):
            return self.flag(node, "runner-internals", text)
        return False

    def is_self(self, node):
        receiver = node.value if isinstance(node, ast.Attribute) else None
        return isinstance(receiver, ast.Name) and receiver.id in SELF_NAMES

    def is_module_chain(self, receiver):
        """A name bound by an import, or an attribute chain on one (`json.encoder`)."""
        while isinstance(receiver, ast.Attribute):
            receiver = receiver.value
        return isinstance(receiver, ast.Name) and receiver.id in self.bindings.paths

    def allowed_setter(self, node):
        """`super().__setattr__(...)` and `object.__setattr__(self, ...)` set the candidate's own object."""
        receiver, call = node.value, self.parent(node)
        if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Name) and receiver.func.id == "super":
            return not receiver.args
        return (isinstance(receiver, ast.Name) and receiver.id == "object" and isinstance(call, ast.Call)
                and call.func is node and bool(call.args) and isinstance(call.args[0], ast.Name)
                and call.args[0].id == "self")

    def check_stream(self, node, text):
        """`sys.stdout` may be written to or passed as `file=`; anything else could reach the harness's console."""
        parent = self.parent(node)
        if isinstance(parent, ast.keyword) and parent.arg == "file" and self.is_print(self.parent(parent)):
            return False
        if isinstance(parent, ast.Attribute) and parent.attr in STREAM_METHODS:
            call = self.parent(parent)
            if isinstance(call, ast.Call) and call.func is parent:
                return False
        return self.flag(node, "console", text)

    def is_print(self, call):
        """print() only writes; any other function given the stream could look inside it."""
        return (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "print"
                and "print" not in self.bindings.rebound)

    def check_escape(self, node):
        """A module or a class the tests rely on, handed to other code (`f(time)`, `f(asyncio.BaseEventLoop)`),
        could be changed there out of sight (`cls.run_until_complete = ...`)."""
        if self.bindings.is_receiver(node) or not isinstance(node.ctx, ast.Load) or id(node) in self.reflected:
            return False
        call = self.parent(node)
        if isinstance(call, ast.Call) and call.func is node:
            return False
        paths = self.bindings.resolve(node)
        if paths & ESCAPING_MODULES or self.is_plain_module(node):
            return self.flag(node, "module-escape")
        if any(_is_protected_class(p) for p in paths) and self.is_handed_on(node):
            return self.flag(node, "module-escape")
        return False

    def is_plain_module(self, node):
        """A name bound by `import x`, used as a value; patch.object(time, "time") in a test is its one use."""
        if not (isinstance(node, ast.Name) and node.id in self.bindings.modules):
            return False
        call = self.parent(node)
        return not (isinstance(call, ast.Call) and call.args and call.args[0] is node and _is_patcher(call))

    def is_handed_on(self, node):
        """Passed to a call (other than isinstance and the like), returned, yielded..., possibly inside a
        container or a conditional; an alias by assignment is tracked instead."""
        parent = self.parent(node)
        while isinstance(parent, VALUE_WRAPPERS):
            node, parent = parent, self.parent(parent)
        if isinstance(parent, ast.keyword):
            node, parent = parent, self.parent(parent)
        if isinstance(parent, ast.Call):
            return node is not parent.func and _dotted_name(parent.func).split(".")[-1] not in CLASS_CONSUMERS
        # Anywhere else the value goes somewhere this check cannot follow (returned, yielded, produced by a
        # comprehension...), unless the place only looks at it or binds a name Bindings follows.
        return not isinstance(parent, CLASS_LOOKS)

    def visit_Subscript(self, node):
        if isinstance(node.ctx, (ast.Store, ast.Del)):
            self.check_patch(node, node.value, None)
        self.generic_visit(node)

    # --- changing modules -----------------------------------------------------------------------------------

    def is_protected(self, receiver):
        return any(_root_module(p) in PROTECTED for p in self.bindings.root_paths(receiver))

    def check_patch(self, node, receiver, text):
        """Assigning into anything reached from an imported module (`time.time = f`, `json.encoder.X[k] = v`).
        A new object a module made (`json.loads(s)["k"] = v`, `queue.maxsize = 2`) is the candidate's own."""
        roots = {p for p in self.bindings.root_paths(receiver) if not _is_fresh(p)}
        if any(p.startswith(FOREIGN_CLASS) for p in roots):
            return self.flag(node, "set-attribute", text)
        if not roots:
            return False
        if any(_root_module(p) in PROTECTED for p in roots):
            return self.flag(node, "patch", text)
        return self.only_in_tests(node, text)

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Name) and func.id in REFLECTION and self.is_builtin(func.id):
            self.check_reflection(node, func)
        elif isinstance(func, ast.Attribute) and func.attr in MUTATORS:
            self.check_mutator(node, func)
        self.check_mock(node)
        self.check_unittest_main(node)
        self.generic_visit(node)

    def check_reflection(self, node, func):
        """`getattr(x, "name")` is `x.name`: allowed when the literal name is; anything else is a finding."""
        name = _string_value(node.args[1]) if len(node.args) >= 2 else None
        if name is None or node.keywords or any(isinstance(a, ast.Starred) for a in node.args):
            return
        self.handled.add(id(func))
        receiver, text = node.args[0], "%s(%s, %r)" % (func.id, _source_of(node.args[0], 30), name)
        # getattr(sys, "maxsize") reads sys.maxsize: it does not hand sys on.
        self.reflected.add(id(receiver))
        paths = self.bindings.resolve(receiver)
        if name in DUNDERS:
            return  # the string itself is a finding
        if name in SETTERS:
            return self.flag(node, "set-attribute", text)
        if self.check_attribute_name(node, name, paths, text):
            return
        if name in STREAMS and "sys" in paths:
            return self.flag(node, "console", text)
        if _is_private(name) and not name.startswith("__") and self.is_module_chain(receiver):
            return self.flag(node, "private", text)
        if func.id in ("setattr", "delattr"):
            return self.check_patch(node, receiver, text)

    def check_mutator(self, node, func):
        """`sys.path.append(...)`, `json.encoder.ESCAPE_DCT.update(...)`: changing a module's data in place."""
        receiver = func.value
        if isinstance(receiver, ast.Name) and any("." not in p for p in self.bindings.paths.get(receiver.id, ())):
            return  # a function of a module itself, like `operator.add`
        self.check_patch(node, receiver, lambda: _source_of(func))

    def check_mock(self, node):
        """mock.patch imports its target by name and changes it until stopped: a protected or forbidden target
        is a finding anywhere, any module only outside the candidate's own test methods."""
        if not _is_patcher(node):
            return False
        target = node.args[0] if node.args else next(
            (k.value for k in node.keywords if k.arg in ("target", "in_dict")), None)
        if target is None:
            return False
        text = _source_of(node)
        name = _string_value(target)
        if name is not None:
            if self.is_forbidden_target(name):
                return self.flag(node, "mock-target", name)
            return self.only_in_tests(node, text)
        if not isinstance(target, (ast.Name, ast.Attribute)) or _dotted_name(node.func).split(".")[-1] == "patch":
            # patch() takes its target by name: a name held in a variable is out of sight of this check.
            return self.flag(node, "dynamic-attribute", text)
        roots = self.bindings.root_paths(target)
        if {_root_module(p) for p in roots} & PROTECTED:
            return self.flag(node, "mock-target", text)
        if self.check_mock_attribute(node):
            return True
        return self.only_in_tests(node, text) if roots else False

    @staticmethod
    def is_forbidden_target(name):
        if _root_module(name) in PROTECTED:
            return True
        return any(MODULE_RULE.get(p) or _is_private(p.split(".")[-1]) for p in _dotted_prefixes(name))

    def only_in_tests(self, node, text):
        if not self.scopes[-1].own_test:
            return self.flag(node, "patch", text)
        self.exempt_patches = True
        return False

    def check_mock_attribute(self, node):
        """patch.object(obj, "name"): the name must be written out, like getattr's."""
        if len(node.args) >= 2 and _string_value(node.args[1]) is None:
            return self.flag(node, "dynamic-attribute")
        return False

    def check_unittest_main(self, node):
        """unittest.main(module=...) imports and runs a module by name."""
        if "unittest.main" in self.bindings.resolve(node.func) and (node.args or any(
                k.arg in ("module", "defaultTest", "testLoader") for k in node.keywords)):
            self.flag(node, "loader")

    def visit_keyword(self, node):
        call = self.parent(node)
        if node.arg == "capture_locals":
            self.flag(node, "frames", "capture_locals")
        elif node.arg == "stack_info":
            self.flag(node, "source-text", "stack_info")
        elif node.arg == "filename" and isinstance(call, ast.Call) and _dotted_name(call.func).endswith("basicConfig"):
            self.flag(node, "file-system", "basicConfig(filename=...)")
        self.generic_visit(node)

    def visit_MatchClass(self, node):
        """`case object(__dict__=d)` reads attributes by the names in the pattern; the subject is unknown, so
        the attribute tables apply as they do to any receiver."""
        for name in node.kwd_attrs:
            entry = ATTRIBUTES.get(name)
            if name in DUNDERS or name in SETTERS:
                self.flag(node, "dunder", name)
            elif entry and entry[1] is None:  # a module as the subject is already `module-escape`
                self.flag(node, entry[0], name)
            elif name in STREAMS:
                self.flag(node, "console", name)
            elif name in ATTRIBUTE_BUILTINS or name in RUNNER_INTERNALS:
                self.flag(node, ATTRIBUTE_BUILTINS.get(name, "runner-internals"), name)
        self.generic_visit(node)

    # --- strings --------------------------------------------------------------------------------------------

    def visit_Constant(self, node):
        text = _string_value(node)
        if text is None:
            return
        dunder = DUNDER_PATTERN.search(text)
        if dunder:
            return self.flag(node, "dunder", dunder.group(0))
        frame = FRAME_WORDS.search(text)
        if frame:
            return self.flag(node, "frames", frame.group(0))
        runner = RUNNER_MODULES.search(text)
        if runner and not self.is_docstring(node):
            return self.flag(node, "runner", runner.group(0))
        if PROTECTED_TARGET.match(text) and not self.is_docstring(node) and id(node) not in self.bindings.annotation_strings:
            # `t = "unittest.TestCase.run"`: a dotted name into the runner's machinery, kept for a patcher.
            return self.flag(node, "mock-target", text)
        if id(node) in self.bindings.annotation_strings:
            self.screen_annotation(node, text)

    def is_docstring(self, node):
        """A string statement is never a value the code can use (rule texts like "the test harness" are fine)."""
        return isinstance(self.parent(node), ast.Expr)

    def screen_annotation(self, node, text):
        """typing.get_type_hints (used by functools.singledispatch) evaluates string annotations as code."""
        try:
            expression = _parse(text.strip(), "eval")
        except (SyntaxError, ValueError):
            return
        ast.increment_lineno(expression, node.lineno - 1)
        for inner in ast.walk(expression):
            for child in ast.iter_child_nodes(inner):
                self.bindings.parents[id(child)] = inner
        self.visit(expression.body)
