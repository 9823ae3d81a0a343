#!/usr/bin/env python3
"""Checks the Python files of coding problems with CPython (problems/README.md, "Python").

    python3 scripts/problems/pycheck.py [--root problems] [--json] [--codebase <plan.json>] [<id> ...]

For each problem that has Python files: the reference passes every example and hidden test; the starter and
every mutant fail at least one hidden test; the rule map is complete (every rule id of problem.md is named by
a hidden test, no test names an unknown id, there is a `[model]` test); every test class and method has a
docstring, titles are unique, every test is a method written out in its class (so the build can list the
tests without running Python), stage prefixes are right; test files import only the standard library and
names from `solution`; the reference, the starter and every mutant have no finding of the screen the
browser runs before it imports a solution (src/runner/python/screen.py). Each variant runs in its own
CPython process through the same harness the browser uses (src/runner/python/harness.py), with a time limit,
so an endless loop in a mutant fails it instead of hanging the check. Exit status 1 when anything is wrong.
Codebase problems (the ids in the `--codebase` plan, written by npm run check:problems): pycodebase.py.

`--plan <dir> <module>` prints a test file's [group, title] list as JSON (used by npm run check:problems to
compare with the build's static list). `--run <dir> <module>` runs one variant, a single file (solution.py) or
a codebase problem's project (every module of the folder is imported, as in the browser), and prints events
as JSON lines.
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

from pytests import check_test_source, stdlib_names, written_tests  # beside this file

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "src", "runner", "python"))
VARIANT_TIME_LIMIT_S = 10
RULE_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+`(R\d+)`")
FENCE = re.compile(r"^\s*(```|~~~)")
TEST_TAG = re.compile(r"\[(R\d+)(?:\s[^\]]*)?\]")  # [R3], or [R3 allow, remaining] (entryMap.ts)
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
# Running variants


def run_variant(folder, solution_path, modules):
    """Runs test modules against one solution in a fresh process each; returns {module: summary}."""
    work = tempfile.mkdtemp(prefix="pycheck-")
    try:
        for module in modules:
            shutil.copy(os.path.join(folder, module + ".py"), os.path.join(work, module + ".py"))
        shutil.copy(solution_path, os.path.join(work, "solution.py"))
        return run_modules(work, modules)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run_modules(directory, modules):
    """Runs each test module found in `directory` (beside a solution.py, or a project's files) in a fresh
    process each; returns {module: summary}."""
    summaries = {}
    for module in modules:
        started = time.perf_counter()
        try:
            proc = subprocess.run([sys.executable, os.path.abspath(__file__), "--run", directory, module],
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


def summarise(events, timed_out, wall):
    ends = [e for e in events if e["type"] == "test-end" and e["group"] == "problem"]
    planned = next((e["tests"] for e in events if e["type"] == "started" and e["group"] == "problem"), [])
    crashed = next((e["error"] for e in events if e["type"] == "crashed"), None)
    failed = [e for e in ends if e["state"] == "failed"]
    return {
        "passedTitles": [[e["path"][0], e["title"]] for e in ends if e["state"] == "passed"],
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


def list_tests(sources, plan_dir, problems):
    """{module: [(group, title)]} of both test files as unittest finds them in `plan_dir` (where they can
    import what they test), checked against the files in `sources`: titles unique, every test written out."""
    plans = {}
    for module in ("examples_test", "hidden_test"):
        try:
            plans[module] = plan_of(plan_dir, module)
        except Exception as e:  # noqa: BLE001
            problems.append("%s.py: cannot list tests: %s" % (module, e))
    for module, plan in plans.items():
        titles = ["%s › %s" % (g, t) for g, t in plan]
        dupes = sorted({t for t in titles if titles.count(t) > 1})
        for t in dupes:
            problems.append("%s.py: title used twice: %s" % (module, t))
        written = sum(len(v) for v in written_tests(os.path.join(sources, module + ".py")).values())
        if written != len(plan):
            problems.append("%s.py: unittest finds %d tests but %d are written as methods (write every test out)"
                            % (module, len(plan), written))
        if not plan:
            problems.append("%s.py has no tests" % module)
    return plans


def check_rule_map(statement, plans, problems):
    """Every rule id of the statement is named by a hidden test, no test names an unknown id, a [model] test."""
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
    return rule_map


def check_problem(root, pid, report):
    folder = os.path.join(root, pid)
    if os.path.isdir(os.path.join(folder, "project")):
        return ["a codebase problem: npm run check:problems -- %s assembles its projects and checks them" % pid], {}
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
        plans = list_tests(folder, work, problems)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rule_map = check_rule_map(statement, plans, problems)

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
    root, as_json, ids, codebase = "problems", False, [], {}
    i = 0
    while i < len(argv):
        if argv[i] == "--root":
            root = argv[i + 1]
            i += 2
            continue
        if argv[i] == "--codebase":
            with open(argv[i + 1], encoding="utf-8") as handle:
                codebase = json.load(handle)
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
        if pid in codebase:
            import pycodebase  # noqa: PLC0415 - beside this file

            problems, info = pycodebase.check_codebase(sys.modules[__name__], root, pid, codebase[pid], report)
        else:
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
