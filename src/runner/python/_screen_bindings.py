"""The screen's first walk (screen.py): which names may hold an imported module or something in it, learned
before the rules run. Standard library only; runs under CPython 3.11+ and Pyodide.
"""

import ast
from collections import deque

from _screen_rules import (
    BINDING_NODES, FOREIGN_CLASS, INSTANCE, PROTECTED, REEXPORTED, SHARED_GETTERS, _extend, _is_module_like,
    _is_self_name, _root_module, _target_names
)


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
