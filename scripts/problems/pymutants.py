#!/usr/bin/env python3
"""Python mutation testing of the problems' references (problems/README.md, "Measuring test strength").

    python3 scripts/problems/pymutants.py [--root problems] [--threshold 97] [--json] [--list] [<id> ...]

Generates mutants from each single-file problem's reference.py with the standard library's `ast` (no
third-party tool): arithmetic operator swaps, comparison swaps (boundaries: `<` ↔ `<=`, `>` ↔ `>=`; `==` ↔ `!=`,
`in` ↔ `not in`, `is` ↔ `is not`), `and` ↔ `or`, dropping `not`, integer constants ±1, `True` ↔ `False`, and
statement removal (an assignment, expression, `raise`, `return`, `del`, `continue` or `break` becomes `pass`;
not a bare annotation such as a dataclass field `name: str`).
Each mutant whose source differs from the reference runs against hidden_test.py in one worker process per
problem (the module re-imported for each, the run stopped at the first failure, a 5 s alarm against loops);
a mutant is killed when a test fails or errors. Mutants listed in scripts/problems/equivalent-python-mutants.json
(problem → mutant id → why it cannot be killed) are left out of the adjusted score. Prints the kill rate per
problem; exit status 1 when a problem is below --threshold (adjusted).
"""

import ast
import copy
import importlib
import io
import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "src", "runner", "python"))
EQUIVALENTS = os.path.join(HERE, "equivalent-python-mutants.json")
MUTANT_TIME_LIMIT_S = 5
# A mutant that loops appending would take the machine's memory (and be killed with the whole run): past this
# it gets a MemoryError, which kills the mutant instead.
MEMORY_LIMIT_BYTES = 1 << 30

BINOP_SWAPS = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult,
               ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult, ast.LShift: ast.RShift, ast.RShift: ast.LShift,
               ast.BitAnd: ast.BitOr, ast.BitOr: ast.BitAnd, ast.BitXor: ast.BitOr}
COMPARE_SWAPS = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
                 ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
REMOVABLE = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Raise, ast.Return, ast.Delete, ast.Continue,
             ast.Break)


def _is_docstring(node, parent_body):
    return (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
            and parent_body and parent_body[0] is node)


def mutation_points(tree):
    """Every mutation of the tree as (id, description, apply) where apply(tree_copy) mutates that copy. Ids are
    stable for an unchanged reference: `<line>:<col>:<kind>`."""
    points = []
    nodes = list(ast.walk(tree))
    bodies = {}
    for node in nodes:
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list):
                for child in block:
                    bodies[id(child)] = block
    for index, node in enumerate(nodes):
        where = "%d:%d" % (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))
        if isinstance(node, (ast.BinOp, ast.AugAssign)) and type(node.op) in BINOP_SWAPS:
            new = BINOP_SWAPS[type(node.op)]
            points.append(("%s:op" % where, "%s → %s" % (type(node.op).__name__, new.__name__),
                           _setter(index, lambda n, new=new: setattr(n, "op", new()))))
        if isinstance(node, ast.Compare):
            for k, op in enumerate(node.ops):
                if type(op) in COMPARE_SWAPS:
                    new = COMPARE_SWAPS[type(op)]
                    points.append(("%s:cmp%d" % (where, k), "%s → %s" % (type(op).__name__, new.__name__),
                                   _setter(index, lambda n, k=k, new=new: n.ops.__setitem__(k, new()))))
        if isinstance(node, ast.BoolOp):
            new = ast.Or if isinstance(node.op, ast.And) else ast.And
            points.append(("%s:bool" % where, "%s → %s" % (type(node.op).__name__, new.__name__),
                           _setter(index, lambda n, new=new: setattr(n, "op", new()))))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            points.append(("%s:not" % where, "drop not", _replace(index, lambda n: n.operand)))
        if isinstance(node, ast.Constant) and type(node.value) is bool:
            points.append(("%s:bool-const" % where, "%r → %r" % (node.value, not node.value),
                           _setter(index, lambda n: setattr(n, "value", not n.value))))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            for delta, kind in ((1, "+1"), (-1, "-1")):
                points.append(("%s:const%s" % (where, kind), "%r → %r" % (node.value, node.value + delta),
                               _setter(index, lambda n, d=delta: setattr(n, "value", n.value + d))))
        # A bare annotation (`name: str` in a class body) declares a field for type checkers only.
        bare_annotation = isinstance(node, ast.AnnAssign) and node.value is None
        if isinstance(node, REMOVABLE) and not bare_annotation and not _is_docstring(node, bodies.get(id(node))):
            points.append(("%s:remove" % where, "remove %s" % type(node).__name__, _replace(index, None)))
    return points


def _setter(index, change):
    def apply(tree):
        change(list(ast.walk(tree))[index])
    return apply


def _replace(index, make):
    """Replaces node `index` by make(node) (an expression), or by `pass` when make is None (a statement)."""

    def apply(tree):
        target = list(ast.walk(tree))[index]
        for parent in ast.walk(tree):
            for field, value in ast.iter_fields(parent):
                if isinstance(value, list):
                    for i, child in enumerate(value):
                        if child is target:
                            value[i] = ast.Pass() if make is None else make(child)
                            return
                elif value is target:
                    setattr(parent, field, ast.Pass() if make is None else make(value))
                    return

    return apply


def mutants_of(source):
    """[(id, description, mutated source)] for every point whose mutation compiles and changes the code."""
    tree = ast.parse(source)
    original = ast.unparse(tree)
    out, seen = [], set()
    for point_id, description, apply in mutation_points(tree):
        mutated = copy.deepcopy(tree)
        try:
            apply(mutated)
            ast.fix_missing_locations(mutated)
            code = ast.unparse(mutated)
            compile(code, "solution.py", "exec")
        except Exception:  # noqa: BLE001 - a mutation that does not make valid code is not a mutant
            continue
        if code == original or code in seen:
            continue
        seen.add(code)
        out.append((point_id, description, code))
    return out


# ---------------------------------------------------------------------------------------------------------
# Running


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def run_hidden(work, code):
    """Writes `code` as solution.py in `work` and runs hidden_test there; True when every test passes."""
    with open(os.path.join(work, "solution.py"), "w", encoding="utf-8") as f:
        f.write(code)
    for name in ("solution", "hidden_test"):
        sys.modules.pop(name, None)
    importlib.invalidate_caches()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(MUTANT_TIME_LIMIT_S)
    try:
        module = importlib.import_module("hidden_test")
        suite = unittest.defaultTestLoader.loadTestsFromModule(module)
        result = unittest.TestResult()
        result.failfast = True
        suite.run(result)
        return result.wasSuccessful() and result.testsRun > 0
    except _Timeout:
        return False
    except BaseException:  # noqa: BLE001 - a mutant that breaks the import is killed
        return False
    finally:
        signal.alarm(0)


def screen_ok(code):
    """A mutant the screen would refuse never reaches the tests in the browser: not a behavioural mutant."""
    import screen  # noqa: PLC0415 - in HARNESS_DIR

    return not screen.screen(code)


def measure(root, pid, equivalents):
    folder = os.path.join(root, pid)
    source = open(os.path.join(folder, "reference.py"), encoding="utf-8").read()
    mutants = [m for m in mutants_of(source) if screen_ok(m[2])]
    work = tempfile.mkdtemp(prefix="pymutants-")
    with open(os.path.join(folder, "hidden_test.py"), encoding="utf-8") as f:
        tests = f.read()
    with open(os.path.join(work, "hidden_test.py"), "w", encoding="utf-8") as f:
        f.write(tests)
    sys.path.insert(0, work)
    started = time.perf_counter()
    stdout, stderr = sys.stdout, sys.stderr
    survivors = []
    try:
        sys.stdout = sys.stderr = io.StringIO()  # tests and mutants may print
        reference_passes = run_hidden(work, source)
        for point_id, description, code in mutants:
            sys.stdout = sys.stderr = io.StringIO()
            if run_hidden(work, code):
                survivors.append((point_id, description))
    finally:
        sys.stdout, sys.stderr = stdout, stderr
        sys.path.remove(work)
        shutil.rmtree(work, ignore_errors=True)
    known = equivalents.get(pid, {})
    excluded = [s for s in survivors if s[0] in known]
    live = [s for s in survivors if s[0] not in known]
    total = len(mutants)
    killed = total - len(survivors)
    adjusted_total = total - len(excluded)
    return {
        "id": pid, "total": total, "killed": killed, "survivors": live, "excluded": len(excluded),
        "raw": 100.0 * killed / total if total else 100.0,
        "adjusted": 100.0 * killed / adjusted_total if adjusted_total else 100.0,
        "seconds": time.perf_counter() - started, "referencePasses": reference_passes,
        "stale": sorted(set(known) - {s[0] for s in survivors}),
    }


def single_file_problems(root):
    return sorted(d for d in os.listdir(root)
                  if os.path.exists(os.path.join(root, d, "reference.py")) and os.path.exists(os.path.join(root, d, "hidden_test.py")))


def main(argv):
    root, threshold, as_json, listing, ids = "problems", 97.0, False, False, []
    i = 0
    while i < len(argv):
        if argv[i] == "--root":
            root, i = argv[i + 1], i + 2
            continue
        if argv[i] == "--threshold":
            threshold, i = float(argv[i + 1]), i + 2
            continue
        if argv[i] == "--json":
            as_json = True
        elif argv[i] == "--list":
            listing = True
        else:
            ids.append(argv[i])
        i += 1
    if listing:
        for pid in ids:
            source = open(os.path.join(root, pid, "reference.py"), encoding="utf-8").read()
            for point_id, description, _ in mutants_of(source):
                print("%s %s %s" % (pid, point_id, description))
        return 0
    equivalents = json.load(open(EQUIVALENTS, encoding="utf-8")) if os.path.exists(EQUIVALENTS) else {}
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    sys.path.insert(0, HARNESS_DIR)
    import _harness_asserts  # noqa: PLC0415 - the tests' self.assertMessage, as the harness adds it

    _harness_asserts.add_message_assert()
    rows = [measure(root, pid, equivalents) for pid in (ids or single_file_problems(root))]
    if as_json:
        print(json.dumps(rows))
    else:
        print("%-20s %7s %7s %9s %8s %9s %6s" % ("problem", "mutants", "killed", "survived", "excluded", "adjusted", "time"))
        for r in rows:
            print("%-20s %7d %7d %9d %8d %8.1f%% %5.1fs" % (r["id"], r["total"], r["killed"], len(r["survivors"]),
                                                          r["excluded"], r["adjusted"], r["seconds"]))
        for r in rows:
            if not r["referencePasses"]:
                print("%s: the reference itself fails hidden_test.py in this runner; its score means nothing" % r["id"])
            for point_id, description in r["survivors"]:
                print("  %s survives: %s %s (reference.py line %s)" % (r["id"], point_id, description, point_id.split(":")[0]))
            for point_id in r["stale"]:
                print("  %s: %s is listed as equivalent but is killed or no longer generated" % (r["id"], point_id))
    return 1 if any(r["adjusted"] < threshold or not r["referencePasses"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
