/**
 * The project's files as the Python worker takes them: checked before any is written to the interpreter's
 * file system (a path must stay inside the run's folder, and must not take a name the runner or the tests
 * rely on), and the Python sources screen.py reads. Pure: unit-tested without Pyodide.
 */
import { MAX_FILES, pathProblem } from '../../../core/files/paths';
import { firstReservedPath } from '../../../core/files/reservedPaths';

/** Why these files cannot be written for a run, in words for the candidate, or null when they can. */
export function projectFilesProblem(files: Readonly<Record<string, string>>): string | null {
  const paths = Object.keys(files);
  if (paths.length > MAX_FILES)
    return `The tests cannot run: a project can have at most ${MAX_FILES} files (this one has ${paths.length}).`;
  for (const path of paths) {
    const problem = pathProblem(path);
    if (problem) return `The tests cannot run: “${path}” cannot be a project file. ${problem}`;
  }
  const reserved = firstReservedPath(paths.sort(), 'python');
  return reserved ? `The tests cannot run: ${reserved.problem}` : null;
}

/** The project's Python files, by path order: what screen.py reads and the harness imports. */
export function pythonSources(files: Readonly<Record<string, string>>): [path: string, text: string][] {
  return Object.entries(files)
    .filter(([path]) => path.endsWith('.py'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A folder's path in the run's folder, for creating it before its files ('' for the run's folder itself). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The part of Pyodide's file system (its Emscripten FS) a run's files are written with. */
export interface RunFileSystem {
  mkdirTree(path: string): void;
  writeFile(path: string, data: string): void;
}

/**
 * Every file of the project (Python or not: a module may be a package's data) at its path under the run's
 * folder, then the test file beside them, as the module the harness imports. Call after projectFilesProblem.
 */
export function writeRunFiles(
  fs: RunFileSystem,
  dir: string,
  files: Readonly<Record<string, string>>,
  test: { module: string; source: string },
): string[] {
  fs.mkdirTree(dir);
  const written: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const folder = folderOf(path);
    if (folder) fs.mkdirTree(`${dir}/${folder}`);
    fs.writeFile(`${dir}/${path}`, text);
    written.push(`${dir}/${path}`);
  }
  fs.writeFile(`${dir}/${test.module}.py`, test.source);
  return [...written, `${dir}/${test.module}.py`];
}
