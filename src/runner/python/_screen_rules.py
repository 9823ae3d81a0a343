"""The screen's tables (screen.py): every rule, with why what it finds cannot stay and what to write instead,
then one table per kind of thing the rules look up (modules, built-in names, attributes, dunder names, module
internals), and the small helpers over names and syntax trees that both walks use (_screen_bindings.py,
_screen_walk.py, _screen_checks.py). Standard library only; runs under CPython 3.11+ and Pyodide.
"""

import ast
import re
import warnings
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
    # sqlite3 is not here (docs/decisions/python-screen.md): it only reads and writes SQLite databases, it
    # refuses any other file, and a file it creates starts with a NUL-bearing header no import can run.
    "file-system": ("os", "posix", "nt", "pathlib", "shutil", "tempfile", "glob", "fileinput", "linecache",
                    "zipfile", "tarfile", "gzip", "bz2", "lzma", "dbm", "mmap", "py_compile",
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
    # A SQLite extension is native code loaded from a file: it would run out of sight of this check.
    **{name: ("code-from-data", None) for name in ("enable_load_extension", "load_extension")},
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


def message(rule, line, name):
    """"line 12: `sys._getframe` <why>; <verdict> <instead>" (without a name, the why says what it is about)."""
    why, instead = RULES[rule]
    subject = "`%s` %s" % (name, why) if name else why
    return "line %d: %s; %s %s" % (line, subject, VERDICT, instead)


def _parse(text, mode):
    with warnings.catch_warnings():
        # "\d" in a plain string is a SyntaxWarning: the import shows it; the screen need not print it too.
        warnings.simplefilter("ignore")
        return ast.parse(text, mode=mode)


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
    """`patch(...)`, `mock.patch.object(...)`... but not a web framework's route decorator, `@app.patch('/users/{id}')`:
    a first argument written as a URL path is no name mock could import, so such a call patches nothing."""
    dotted = _dotted_name(call.func)
    if not any(dotted == p or dotted.endswith("." + p) for p in MOCK_PATCHERS):
        return False
    first = _string_value(call.args[0]) if call.args else None
    return not (first is not None and first.startswith("/"))


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
