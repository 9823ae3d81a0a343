"""The checks of the screen's second walk (_screen_walk.py) for names and attributes, changes to modules,
calls and strings: each looks a node up in the tables (_screen_rules.py). Standard library only; runs under
CPython 3.11+ and Pyodide.
"""

import ast

from _screen_rules import (
    ATTRIBUTES, ATTRIBUTE_BUILTINS, BUILTIN_NAMES, CLASS_CONSUMERS, CLASS_LOOKS, DUNDERS, DUNDER_PATTERN,
    ESCAPING_MODULES, FOREIGN_CLASS, FRAME_WORDS, MODULE_BUILTINS, MODULE_RULE, MUTATORS, PROTECTED,
    PROTECTED_TARGET, REEXPORTED, REFLECTION, RUNNER_INTERNALS, RUNNER_MODULES, SELF_NAMES, SETTERS, STREAMS,
    STREAM_METHODS, VALUE_WRAPPERS, _dotted_name, _dotted_prefixes, _is_fresh, _is_module_like, _is_patcher,
    _is_private, _is_protected_class, _is_self_name, _parse, _root_module, _source_of, _string_value
)


class Checks:
    """Half of Screen (_screen_walk.py), never used alone: it reads the walk's state (`bindings`, `scopes`, the
    nodes already judged) and records findings with its `flag`."""

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
