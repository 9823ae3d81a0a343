/**
 * The rules for a project file's path, in one place: the tree's New file and Rename, the catalog's problem
 * folders, restoring a draft and importing a bundle all ask here. A path is relative, '/'-separated, with
 * no empty, '.' or '..' segment, no backslash or control character, at most MAX_PATH_LENGTH characters.
 */
import type { Language } from '../languages/registry';
import { reservedPathProblem } from './reservedPaths';

export const MAX_PATH_LENGTH = 100;
export const MAX_FILES = 100;

/** Why `path` cannot name a file, or null when it can (whatever files exist). */
export function pathProblem(path: string): string | null {
  if (path.trim() === '') return 'A file needs a name.';
  if (path.length > MAX_PATH_LENGTH) return `A file's path can be at most ${MAX_PATH_LENGTH} characters (this one has ${path.length}).`;
  if (path.startsWith('/')) return 'Use a path inside the project (no leading “/”).';
  if (/^[A-Za-z]:/.test(path)) return 'Use a path inside the project, not a drive.';
  if (path.includes('\\')) return 'Separate folders with “/”, not “\\”.';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'A file name cannot contain control characters.';
  const segments = path.split('/');
  if (segments.some((s) => s === '..')) return 'A path cannot go up a folder (“..”).';
  if (segments.some((s) => s === '' || s === '.')) return 'A path cannot have an empty or “.” folder name.';
  if (segments.some((s) => s !== s.trim())) return 'A file or folder name cannot start or end with a space.';
  return null;
}

export function isValidPath(path: unknown): path is string {
  return typeof path === 'string' && pathProblem(path) === null;
}

/**
 * Why a new file cannot be created at `path` (or a file renamed to it) beside `existing`, or null. A path
 * that equals an existing file's, ignoring case, is a duplicate (two files that differ only in case break
 * on the file systems candidates use); so is a file where a folder is, or a folder where a file is. Given
 * the project's language, a source file may not take a name its test runner reserves (reservedPaths.ts).
 */
export function newPathProblem(
  path: string,
  existing: readonly string[],
  options: { renaming?: string; language?: Language } = {},
): string | null {
  const own = pathProblem(path) ?? (options.language ? reservedPathProblem(path, options.language) : null);
  if (own) return own;
  const others = existing.filter((p) => p !== options.renaming);
  if (options.renaming === undefined && others.length >= MAX_FILES) return `A project can have at most ${MAX_FILES} files.`;
  const lower = path.toLowerCase();
  for (const other of others) {
    const o = other.toLowerCase();
    if (o === lower) return `“${other}” already exists.`;
    if (o.startsWith(`${lower}/`)) return `“${path}” is a folder already.`;
    if (lower.startsWith(`${o}/`)) return `“${other}” is a file, so it cannot hold “${path}”.`;
  }
  return null;
}

/** Files in tree order: folders' files grouped under them, names compared as a person reads them. */
export function sortPaths(paths: readonly string[]): string[] {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return [...paths].sort((a, b) => {
    const as = a.split('/');
    const bs = b.split('/');
    for (let i = 0; i < Math.min(as.length, bs.length); i++) {
      const aIsDir = i < as.length - 1;
      const bIsDir = i < bs.length - 1;
      if (as[i] === bs[i]) continue;
      if (aIsDir !== bIsDir) return aIsDir ? -1 : 1; // folders before files, as in every editor's tree
      return collator.compare(as[i]!, bs[i]!) || (as[i]! < bs[i]! ? -1 : 1);
    }
    return as.length - bs.length;
  });
}
