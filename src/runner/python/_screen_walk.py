"""The screen's second walk (screen.py): the rules, applied in one walk with a small scope tracker. This file
keeps the walk's state, its scopes, definitions and imports; the checks of names, attributes, calls and strings
are _screen_checks.py's. Standard library only; runs under CPython 3.11+ and Pyodide.
"""

import ast
from typing import NamedTuple

from _screen_bindings import Bindings
from _screen_checks import Checks
from _screen_rules import (
    ALWAYS_EQUAL, DUNDERS, MODULE_BUILTINS, MODULE_RULE, REEXPORTED, SAFE_DECORATORS, STAR_SAFE, STREAMS, TESTCASES,
    _answers_constantly, _dotted_name, _dotted_prefixes, _is_patcher, _is_private, _source_of, message
)


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


class Screen(Checks, ast.NodeVisitor):
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
