/**
 * Names a project's source files may not take, because the test runner would import the file in place of
 * one of its own modules or of a standard module the tests import (a `hidden_test.py` would replace the
 * hidden tests; a `random.py` would be the tests' `random`). The names are data in the language registry
 * (`reservedModules`); this is the one rule that reads them, for the tree (New file, Rename) and the runner
 * alike.
 *
 * A source file's module name is its path's first segment, without the extension when the file sits at the
 * top: `unittest.py` is module `unittest`, `json/__init__.py` and `json/codec.py` live in package `json`.
 * Other files (`json/sample.json`, `README.md`) are never imported, so any name is theirs.
 */
import { languageSpec, type Language } from '../languages/registry';

/** The plan notes' name in a session log and a bundle: no project file may take it. */
export const NOTES_PATH = 'notes.md';

/** Why `path` cannot be a file of a `language` project, or null when it can. */
export function reservedPathProblem(path: string, language: Language): string | null {
  if (path.toLowerCase() === NOTES_PATH) return `“${path}” is where your plan notes go: give it another name.`;
  const spec = languageSpec(language);
  if (!path.endsWith(spec.extension)) return null;
  const segments = path.split('/');
  const first = segments[0] ?? '';
  const isFolder = segments.length > 1;
  const name = isFolder ? first : first.slice(0, -spec.extension.length);
  const shown = isFolder ? `The folder “${first}”` : `“${path}”`;
  if (spec.reservedModules.runner.includes(name)) {
    return `${shown} has a name the test runner uses for its own files (“${name}”): give it another name.`;
  }
  if (spec.reservedModules.standard.includes(name)) {
    return `${shown} would hide ${spec.label}'s standard module “${name}”, which the tests may import: give it another name (say “${name}_${isFolder ? 'lib' : 'tools'}”).`;
  }
  return null;
}

/** The first reserved source file among `paths` (in their order) and why, or null when there is none. */
export function firstReservedPath(paths: Iterable<string>, language: Language): { path: string; problem: string } | null {
  for (const path of paths) {
    const problem = reservedPathProblem(path, language);
    if (problem) return { path, problem };
  }
  return null;
}
