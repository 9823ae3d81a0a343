"""The candidate's project as the harness sees it (harness.py): which files are the project's, the module each
one is imported as, its path in errors, and screen.py's findings in every one of them. Standard library only;
runs under CPython 3.11+ and Pyodide, like the harness.

A project is every .py file under the run's directory but the test files the runner writes beside them; the
browser's worker has refused, before writing any, a path that leaves the directory or takes a name the runner
or the tests rely on (core/files/reservedPaths.ts), so none of them can stand in for a module the tests import.
"""

import os

# The test files the runner writes beside the project (PYTHON_TEST_MODULES in sandbox/pythonProtocol.ts).
TEST_MODULES = ("examples_test", "hidden_test")


def files(directory):
    """The project's Python files under `directory`: paths relative to it, '/'-separated, sorted; every .py
    file but the test files the runner writes beside them."""
    found = []
    for root, folders, names in os.walk(directory):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in names:
            if name.endswith(".py"):
                path = os.path.relpath(os.path.join(root, name), directory).replace(os.sep, "/")
                if path[:-3] not in TEST_MODULES:
                    found.append(path)
    return sorted(found)


def modules(directory):
    """{module name: path} of the project's importable files, in import order: `chat/hub.py` is chat.hub,
    `chat/__init__.py` is chat (a folder without one is a namespace package); a file whose path is not made
    of identifiers cannot be imported by name, so it is only data."""
    found = {}
    for path in files(directory):
        parts = path[:-3].split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts and all(part.isidentifier() for part in parts):
            found.setdefault(".".join(parts), path)
    return dict(sorted(found.items()))


def shown_path(directory, filename):
    """A file as the candidate knows it: its path in the project (`chat/hub.py`), else its name."""
    if directory and os.path.isabs(filename):
        prefix = os.path.join(os.path.abspath(directory), "")
        full = os.path.abspath(filename)
        if full.startswith(prefix):
            return full[len(prefix):].replace(os.sep, "/")
    return os.path.basename(filename)


def explained(error, modules, directory):
    """The tests' `from chat.hub import Hub` failed because chat/hub.py has no Hub: say so, by its path."""
    text = str(error).replace(os.path.join(directory, ""), "")
    path = modules.get(getattr(error, "name", None) or "")
    if path and "cannot import name" in text:
        return ImportError("%s must define %s: %s" % (path, _missing_name(error), text))
    return error


def _missing_name(error):
    text = str(error)
    marker = "cannot import name '"
    if marker in text:
        return text.split(marker, 1)[1].split("'", 1)[0]
    return "what the tests import"


def screen_files(directory):
    """screen.py's findings for every project file, as the browser worker asks before importing any; each
    message names its file ("chat/hub.py, line 3: ...")."""
    import screen  # beside this file; imported here so the harness alone still loads where it is absent

    findings = []
    for path in files(directory):
        try:
            with open(os.path.join(directory, path), encoding="utf-8") as handle:
                source = handle.read()
        except (OSError, UnicodeDecodeError):
            continue
        for finding in screen.screen(source):
            findings.append(dict(finding, file=path, message="%s, %s" % (path, finding["message"])))
    return findings
