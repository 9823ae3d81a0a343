"""A codebase problem's Python (problems/README.md, "Codebase problems"), for `pycheck.py --codebase <plan>`.

npm run check:problems has already assembled every variant (scripts/problems/codebaseCheck.ts, with the
app's own assembler): each is a folder holding the whole project and both test files, which the harness puts
first on the import path, so the tests import project modules by their path (`from chat.hub import Hub`).
The plan names the folders (reference first, then the starter, then the mutants), the problem's
project/python/ folder and the reference project's module names.

Checked here: the test files (docstrings, titles, imports: the standard library and project modules), no
project module named like a standard module, the screen over every .py file of starter/, reference/,
mutants/ and the library project.json mounts at framework/, the rule map and the [model] test, the
reference passing both test files, the starter and every mutant failing at least one hidden test. The groups (Requirement 1 and the features) and the mutants'
headers are judged by the TypeScript side, from the lists returned here.
"""

import json
import os

TEST_MODULES = ("examples_test", "hidden_test")


def candidate_files(source):
    """Every .py file of starter/, reference/ and mutants/ under `source`, relative to it, sorted."""
    found = []
    for top in ("starter", "reference", "mutants"):
        for folder, dirs, files in os.walk(os.path.join(source, top)):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.endswith(".py"):
                    found.append(os.path.relpath(os.path.join(folder, name), source).replace(os.sep, "/"))
    return sorted(found)


def library_files(root, source):
    """The .py files of the library project.json mounts at framework/ (problems/_libraries/<name>/python/),
    relative to the problems folder; [] when it names none. The browser screens them with the project's."""
    try:
        with open(os.path.join(source, "project.json"), encoding="utf-8") as handle:
            name = json.load(handle).get("library")
    except (OSError, ValueError, AttributeError):
        return []
    if not isinstance(name, str):
        return []
    folder = os.path.join(root, "_libraries", name, "python")
    found = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        found.extend(os.path.relpath(os.path.join(here, f), root).replace(os.sep, "/") for f in files if f.endswith(".py"))
    return sorted(found)


def check_codebase(pc, root, pid, plan, report):
    """`pc` is pycheck (its helpers); returns (problems, details) like pycheck.check_problem."""
    problems = []
    with open(os.path.join(root, pid, "problem.md"), encoding="utf-8") as handle:
        statement = handle.read()
    source, variants, modules = plan["source"], plan["variants"], plan["modules"]
    missing = [m + ".py" for m in TEST_MODULES if not os.path.exists(os.path.join(source, m + ".py"))]
    if missing or not variants:
        problems.append("missing project/python/" + ", ".join(missing or ["starter/"]))
        return problems, {}
    for module in TEST_MODULES:
        pc.check_test_source(os.path.join(source, module + ".py"), 0, problems, modules)
    for name in sorted({m.split(".")[0] for m in modules} & pc.stdlib_names()):
        problems.append("project module %s is named like a standard module, which an import may find instead" % name)
    screened = pc.screen_files(source, candidate_files(source), problems)
    screened += pc.screen_files(root, library_files(root, source), problems)
    report.append("  screen: %d files, %s" % (screened, "findings listed below" if any(
        "screen finding" in p for p in problems) else "no findings"))

    reference = variants[0]
    plans = pc.list_tests(source, reference["dir"], problems)
    rule_map = pc.check_rule_map(statement, plans, problems)

    ref = pc.run_modules(reference["dir"], TEST_MODULES)
    for module, summary in ref.items():
        if not pc.all_pass(summary):
            why = summary["crashed"] or ("timed out" if summary["timedOut"] else "; ".join(
                "%s: %s" % f for f in summary["failed"][:3]))
            problems.append("reference fails project/python/%s.py: %s" % (module, why))
    hidden_ms = ref["hidden_test"]["testMs"]
    report.append("  reference: examples %d/%d, hidden %d/%d, hidden tests %.1f ms in CPython" % (
        ref["examples_test"]["passed"], ref["examples_test"]["planned"], ref["hidden_test"]["passed"],
        ref["hidden_test"]["planned"], hidden_ms))
    starter_passed = []
    for variant in variants[1:]:
        summary = pc.run_modules(variant["dir"], ["hidden_test"])["hidden_test"]
        if variant["name"] == "starter":
            starter_passed = summary["passedTitles"]
        if pc.all_pass(summary):
            problems.append("%s passes every hidden test (it must fail at least one)" % variant["label"])
        else:
            first = summary["crashed"] or ("timed out after %d s" % pc.VARIANT_TIME_LIMIT_S if summary["timedOut"] else
                                           summary["failed"][0][0] if summary["failed"] else "incomplete")
            report.append("  %s: fails (%s)" % (variant["label"], first[:120]))
    return problems, {"rules": {k: len(v) for k, v in rule_map.items()}, "hiddenMs": hidden_ms, "screened": screened,
                      "hidden": plans.get("hidden_test", []), "examples": plans.get("examples_test", []),
                      "starterPassed": starter_passed}
