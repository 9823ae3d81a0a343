"""Static checks of a problem's Python test file, for pycheck.py (problems/README.md, "Python"): docstrings
(a test's title is its method's docstring, its group its class's), stage prefixes, imports (the standard
library and names from `solution`; a codebase problem's project modules instead), and the tests as written
(what the build lists without running Python, scripts/vite/enumeratePythonTests.ts)."""

import ast
import os
import re
import sys



def stdlib_names():
    names = set(getattr(sys, "stdlib_module_names", ()))
    return names or {"unittest", "asyncio", "random", "math", "itertools", "collections", "functools",
                     "dataclasses", "typing", "re", "json", "heapq", "bisect", "string"}


def check_test_source(path, stage_count, problems, project_modules=None):
    """Test files import the standard library and names from `solution`; a codebase problem's test files
    import project modules (`project_modules`: "chat", "chat.hub", ...) instead of solution."""
    name = os.path.basename(path)
    project = set(project_modules or ())
    source = "the project" if project_modules is not None else "solution"
    try:
        tree = ast.parse(open(path, encoding="utf-8").read(), filename=name)
    except SyntaxError as e:
        problems.append("%s: syntax error: %s" % (name, e))
        return
    allowed = stdlib_names()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                root = alias.name.split(".")[0]
                if project_modules is not None and root in project:
                    if alias.name not in project:
                        problems.append("%s:%d: imports %s, which is no module of the reference project" % (name, node.lineno, alias.name))
                elif root == "solution":
                    problems.append("%s:%d: use `from solution import …`, not `import solution`" % (name, node.lineno))
                elif root not in allowed:
                    problems.append("%s:%d: imports %s (only the standard library and %s)" % (name, node.lineno, alias.name, source))
        elif isinstance(node, ast.ImportFrom):
            root = (node.module or "").split(".")[0]
            if node.level:
                problems.append("%s:%d: relative import" % (name, node.lineno))
            elif project_modules is not None and root in project:
                if node.module not in project:
                    problems.append("%s:%d: imports from %s, which is no module of the reference project" % (name, node.lineno, node.module))
                elif any(alias.name == "*" for alias in node.names):
                    problems.append("%s:%d: `from %s import *`: name what the tests use" % (name, node.lineno, node.module))
            elif root == "solution":
                if any(alias.name == "*" for alias in node.names):
                    problems.append("%s:%d: `from solution import *`: name what the tests use" % (name, node.lineno))
            elif root not in allowed:
                problems.append("%s:%d: imports from %s (only the standard library and %s)" % (name, node.lineno, node.module, source))
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        methods = [n for n in node.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        tests = [m for m in methods if m.name.startswith("test")]
        if not tests:
            continue
        doc = ast.get_docstring(node)
        if not doc:
            problems.append("%s: class %s has no docstring (its first line is the group title)" % (name, node.name))
        elif stage_count:
            match = re.match(r"^Stage (\d+): ", doc)
            if not match or not (1 <= int(match.group(1)) <= stage_count):
                problems.append("%s: class %s: docstring must start with `Stage <n>: ` (1..%d)" % (name, node.name, stage_count))
        for method in tests:
            if not ast.get_docstring(method):
                problems.append("%s: %s.%s has no docstring (its first line is the title)" % (name, node.name, method.name))


def written_tests(path):
    """{class: [test method names]} as written in the file (what the build's static list sees)."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    out = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            out[node.name] = [n.name for n in node.body
                              if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name.startswith("test")]
    return out
