#!/usr/bin/env python3
"""Checks the Python files of coding problems with CPython (problems/README.md, "Python").

    python3 scripts/problems/pycheck.py [--root problems] [--json] [<id> ...]

For each problem that has Python files: the reference passes every example and hidden test; the starter and
every mutant fail at least one hidden test; the rule map is complete (every rule id of problem.md is named by
a hidden test, no test names an unknown id, there is a `[model]` test); every test class and method has a
docstring, titles are unique, every test is a method written out in its class (so the build can list the
tests without running Python), stage prefixes are right; test files import only the standard library and
names from `solution`; the reference, the starter and every mutant have no finding of the screen the
browser runs before it imports a solution (src/runner/python/screen.py). Each variant runs in its own CPython process through the same harness the browser
uses (src/runner/python/harness.py), with a time limit, so an endless loop in a mutant fails it instead of
hanging the check. Exit status 1 when anything is wrong.

`--plan <dir> <module>` prints a test file's [group, title] list as JSON (used by npm run check:problems to
compare with the build's static list). `--run <dir> <module>` runs one variant and prints events as JSON lines.
"""

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "src", "runner", "python"))
VARIANT_TIME_LIMIT_S = 10
RULE_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+`(R\d+)`")
FENCE = re.compile(r"^\s*(```|~~~)")
TEST_TAG = re.compile(r"\[(R\d+)\]")
STAGE_HEADING = re.compile(r"^stages:\s*\[(.*)\]\s*$", re.M)
PY_FILES = ("starter.py", "examples_test.py", "hidden_test.py", "reference.py")
MIN_MUTANTS = 8


def harness():
    sys.path.insert(0, HARNESS_DIR)
    import harness as module  # noqa: PLC0415 - imported here so --plan/--run stay light

    return module


def screen_files(folder, names, problems):
    """The browser refuses a solution with a screen finding (src/runner/python/screen.py) before importing
    it, so a reference or starter with one could never run, and a mutant with one would be killed for the
    wrong reason. Returns how many files were screened."""
    if HARNESS_DIR not in sys.path:
        sys.path.insert(0, HARNESS_DIR)
    import screen  # noqa: PLC0415

    for name in names:
        for finding in screen.screen(open(os.path.join(folder, name), encoding="utf-8").read()):
            problems.append("%s: screen finding (%s): %s" % (name, finding["rule"], finding["message"]))
    return len(names)


# ---------------------------------------------------------------------------------------------------------
# Child modes


def child_run(directory, module):
    h = harness()
    real_stdout = sys.stdout  # the harness redirects sys.stdout to capture print(); events go to the real one

    def emit(event):
        real_stdout.write(json.dumps(event) + "\n")
        real_stdout.flush()

    h.run(directory, module, emit, 2000)


def child_plan(directory, module):
    h = harness()
    print(json.dumps(h.plan_titles(directory, module)))


# ---------------------------------------------------------------------------------------------------------
# Static checks of a test file


def stdlib_names():
    names = set(getattr(sys, "stdlib_module_names", ()))
    return names or {"unittest", "asyncio", "random", "math", "itertools", "collections", "functools",
                     "dataclasses", "typing", "re", "json", "heapq", "bisect", "string"}


def check_test_source(path, stage_count, problems):
    name = os.path.basename(path)
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
                if root == "solution":
                    problems.append("%s:%d: use `from solution import …`, not `import solution`" % (name, node.lineno))
                elif root not in allowed:
                    problems.append("%s:%d: imports %s (only the standard library and solution)" % (name, node.lineno, alias.name))
        elif isinstance(node, ast.ImportFrom):
            root = (node.module or "").split(".")[0]
            if node.level:
                problems.append("%s:%d: relative import" % (name, node.lineno))
            elif root == "solution":
                if any(alias.name == "*" for alias in node.names):
                    problems.append("%s:%d: `from solution import *`: name what the tests use" % (name, node.lineno))
            elif root not in allowed:
                problems.append("%s:%d: imports from %s (only the standard library and solution)" % (name, node.lineno, node.module))
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


# ---------------------------------------------------------------------------------------------------------
# Running variants


def run_variant(folder, solution_path, modules):
    """Runs test modules against one solution in a fresh process each; returns {module: summary}."""
    work = tempfile.mkdtemp(prefix="pycheck-")
    try:
        for module in modules:
            shutil.copy(os.path.join(folder, module + ".py"), os.path.join(work, module + ".py"))
        shutil.copy(solution_path, os.path.join(work, "solution.py"))
        summaries = {}
        for module in modules:
            started = time.perf_counter()
            try:
                proc = subprocess.run([sys.executable, os.path.abspath(__file__), "--run", work, module],
                                      capture_output=True, text=True, timeout=VARIANT_TIME_LIMIT_S)
                lines = proc.stdout.splitlines()
                timed_out = False
            except subprocess.TimeoutExpired as e:
                out = e.stdout or ""
                lines = (out.decode() if isinstance(out, bytes) else out).splitlines()
                timed_out = True
            wall = time.perf_counter() - started
            events = [json.loads(line) for line in lines if line.startswith("{")]
            summaries[module] = summarise(events, timed_out, wall)
        return summaries
    finally:
        shutil.rmtree(work, ignore_errors=True)


def summarise(events, timed_out, wall):
    ends = [e for e in events if e["type"] == "test-end" and e["group"] == "problem"]
    planned = next((e["tests"] for e in events if e["type"] == "started" and e["group"] == "problem"), [])
    crashed = next((e["error"] for e in events if e["type"] == "crashed"), None)
    failed = [e for e in ends if e["state"] == "failed"]
    return {
        "planned": len(planned),
        "passed": len(ends) - len(failed),
        "failed": [("%s › %s" % (e["path"][0], e["title"]), (e.get("error") or {}).get("message", "")) for e in failed],
        "crashed": crashed["message"] if crashed else None,
        "timedOut": timed_out,
        "testMs": sum(e["durationMs"] for e in ends),
        "wallMs": wall * 1000,
        "complete": len(ends) == len(planned) and not crashed and not timed_out,
    }


def all_pass(summary):
    return summary["complete"] and summary["passed"] == summary["planned"] and summary["planned"] > 0


# ---------------------------------------------------------------------------------------------------------
# One problem


def rule_ids(statement):
    ids, duplicates, fence = [], [], False
    for line in statement.splitlines():
        if FENCE.match(line):
            fence = not fence
            continue
        if fence:
            continue
        match = RULE_ITEM.match(line)
        if match:
            (duplicates if match.group(1) in ids else ids).append(match.group(1))
    return ids, duplicates


def stage_count(statement):
    match = STAGE_HEADING.search(statement.split("\n---", 2)[1] if statement.startswith("---") else "")
    if not match:
        return 0
    return len([s for s in match.group(1).split(",") if s.strip()])


def plan_of(folder, module):
    proc = subprocess.run([sys.executable, os.path.abspath(__file__), "--plan", folder, module],
                          capture_output=True, text=True, timeout=VARIANT_TIME_LIMIT_S)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "could not list tests")
    return [tuple(x) for x in json.loads(proc.stdout)]


def check_problem(root, pid, report):
    folder = os.path.join(root, pid)
    problems = []
    statement = open(os.path.join(folder, "problem.md"), encoding="utf-8").read()
    missing = [f for f in PY_FILES + ("python.md",) if not os.path.exists(os.path.join(folder, f))]
    if missing:
        problems.append("missing " + ", ".join(missing))
        return problems, {}
    stages = stage_count(statement)
    for module in ("examples_test", "hidden_test"):
        check_test_source(os.path.join(folder, module + ".py"), stages, problems)
    mutant_dir = os.path.join(folder, "mutants")
    mutants = sorted(f for f in os.listdir(mutant_dir) if f.endswith(".py")) if os.path.isdir(mutant_dir) else []
    if len(mutants) < MIN_MUTANTS:
        problems.append("%d Python mutants (at least %d)" % (len(mutants), MIN_MUTANTS))
    for m in mutants:
        first = open(os.path.join(mutant_dir, m), encoding="utf-8").readline()
        if not first.startswith("# Mutant: ") or len(first.strip()) <= len("# Mutant:"):
            problems.append("mutants/%s: first line must be `# Mutant: <the bug>`" % m)
    screened = screen_files(folder, ["reference.py", "starter.py"] + ["mutants/" + m for m in mutants], problems)
    report.append("  screen: %d files, %s" % (screened, "findings listed below" if any(
        "screen finding" in p for p in problems) else "no findings"))

    # Titles, the rule map, and the tests the build can list statically.
    plans = {}
    # The test files import solution: list them with the reference in place.
    work = tempfile.mkdtemp(prefix="pycheck-plan-")
    try:
        for module in ("examples_test", "hidden_test"):
            shutil.copy(os.path.join(folder, module + ".py"), work)
        shutil.copy(os.path.join(folder, "reference.py"), os.path.join(work, "solution.py"))
        for module in ("examples_test", "hidden_test"):
            try:
                plans[module] = plan_of(work, module)
            except Exception as e:  # noqa: BLE001
                problems.append("%s.py: cannot list tests: %s" % (module, e))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for module, plan in plans.items():
        titles = ["%s › %s" % (g, t) for g, t in plan]
        dupes = sorted({t for t in titles if titles.count(t) > 1})
        for t in dupes:
            problems.append("%s.py: title used twice: %s" % (module, t))
        written = sum(len(v) for v in written_tests(os.path.join(folder, module + ".py")).values())
        if written != len(plan):
            problems.append("%s.py: unittest finds %d tests but %d are written as methods (write every test out)"
                            % (module, len(plan), written))
        if not plan:
            problems.append("%s.py has no tests" % module)
    ids, duplicates = rule_ids(statement)
    rule_map = {i: [] for i in ids}
    for d in sorted(set(duplicates)):
        problems.append("problem.md lists rule %s more than once" % d)
    hidden_titles = ["%s › %s" % (g, t) for g, t in plans.get("hidden_test", [])]
    for title in hidden_titles:
        for rid in dict.fromkeys(TEST_TAG.findall(title)):
            if rid in rule_map:
                rule_map[rid].append(title)
            else:
                problems.append("hidden test \"%s\" names %s, which problem.md does not list" % (title, rid))
    for rid, tests in rule_map.items():
        if not tests:
            problems.append("rule %s has no Python hidden test naming [%s]" % (rid, rid))
    if not any("[model]" in t for t in hidden_titles):
        problems.append("no Python hidden test is tagged [model]")

    # Variants.
    ref = run_variant(folder, os.path.join(folder, "reference.py"), ["examples_test", "hidden_test"])
    for module, summary in ref.items():
        if not all_pass(summary):
            why = summary["crashed"] or ("timed out" if summary["timedOut"] else "; ".join(
                "%s: %s" % f for f in summary["failed"][:3]))
            problems.append("reference fails %s.py: %s" % (module, why))
    hidden_ms = ref["hidden_test"]["testMs"]
    report.append("  reference: examples %d/%d, hidden %d/%d, hidden tests %.1f ms in CPython" % (
        ref["examples_test"]["passed"], ref["examples_test"]["planned"], ref["hidden_test"]["passed"],
        ref["hidden_test"]["planned"], hidden_ms))
    variants = [("starter.py", os.path.join(folder, "starter.py"))] + [
        ("mutants/" + m, os.path.join(mutant_dir, m)) for m in mutants]
    for label, path in variants:
        summary = run_variant(folder, path, ["hidden_test"])["hidden_test"]
        if all_pass(summary):
            problems.append("%s passes every hidden test (it must fail at least one)" % label)
        else:
            first = summary["crashed"] or ("timed out after %d s" % VARIANT_TIME_LIMIT_S if summary["timedOut"] else
                                           summary["failed"][0][0] if summary["failed"] else "incomplete")
            report.append("  %s: fails (%s)" % (label, first[:120]))
    return problems, {"rules": {k: len(v) for k, v in rule_map.items()}, "hiddenMs": hidden_ms, "screened": screened,
                      "hidden": plans.get("hidden_test", []), "examples": plans.get("examples_test", [])}


def python_problems(root):
    return sorted(d for d in os.listdir(root)
                  if os.path.isdir(os.path.join(root, d)) and os.path.exists(os.path.join(root, d, "problem.md"))
                  and os.path.exists(os.path.join(root, d, "reference.ts")))


def main(argv):
    if argv[:1] == ["--run"]:
        return child_run(argv[1], argv[2])
    if argv[:1] == ["--plan"]:
        return child_plan(argv[1], argv[2])
    root, as_json, ids = "problems", False, []
    i = 0
    while i < len(argv):
        if argv[i] == "--root":
            root = argv[i + 1]
            i += 2
            continue
        if argv[i] == "--json":
            as_json = True
        else:
            ids.append(argv[i])
        i += 1
    ids = ids or python_problems(root)
    failures, details = 0, {}
    for pid in ids:
        report = []
        started = time.perf_counter()
        problems, info = check_problem(root, pid, report)
        details[pid] = dict(info, problems=problems)
        status = "FAIL" if problems else "ok"
        print("%s %s (Python, %.1f s)" % (status, pid, time.perf_counter() - started), file=sys.stderr if as_json else sys.stdout)
        for line in report + ["  ✗ " + p for p in problems]:
            print(line, file=sys.stderr if as_json else sys.stdout)
        failures += bool(problems)
    if as_json:
        print(json.dumps(details))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]) or 0)
