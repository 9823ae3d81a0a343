/**
 * The code a bundle carries, checked against its log. Format 5 holds every project file under files/
 * (format.ts), and the log must end with exactly those files and texts (core/session/fileSet.ts). Formats
 * 1–4 hold one solution file, the one the session's language names, which the log (already migrated, so a
 * Python session's code is 'solution.py') must replay to.
 */
import { languageOr, languageSpec } from '../languages/registry';
import { newPathProblem } from '../files/paths';
import { replayText } from '../session/editLog';
import { finalFiles, projectFiles } from '../session/fileSet';
import type { SessionEvent } from '../session/types';
import type { SessionRecord } from '../records/types';
import { fail } from './errors';
import {
  FILES_FORMAT_VERSION,
  MAX_PROJECT_FILES,
  projectFileName,
  projectPathOf,
  PYTHON_SOLUTION_FILE,
  SOLUTION_FILE,
  solutionFileOf,
} from './format';

export type BundleCode = { kind: 'solution'; name: string; text: string } | { kind: 'project'; files: Map<string, string> };

const LEGACY_NAMES = [SOLUTION_FILE, PYTHON_SOLUTION_FILE];

/** Before inflating: a format 1–4 bundle lists a solution file and no files/; a format 5 bundle the opposite. */
export function checkCodeListing(formatVersion: number, listed: ReadonlyMap<string, number>): void {
  const names = [...listed.keys()];
  if (formatVersion >= FILES_FORMAT_VERSION) {
    const legacy = LEGACY_NAMES.find((n) => listed.has(n));
    if (legacy)
      fail('unexpected-file', `This bundle is format ${formatVersion}, which keeps the code under files/, yet it holds ${legacy}.`);
    const count = names.filter((n) => projectPathOf(n) !== null).length;
    if (count > MAX_PROJECT_FILES)
      fail('too-many-files', `This bundle holds ${count} project files; a session has at most ${MAX_PROJECT_FILES}.`);
    return;
  }
  const project = names.find((n) => projectPathOf(n) !== null);
  if (project) fail('unexpected-file', `This bundle is format ${formatVersion}, which has no files/ folder, yet it holds “${project}”.`);
  if (!listed.has(SOLUTION_FILE) && !listed.has(PYTHON_SOLUTION_FILE)) {
    fail('missing-file', `This bundle is incomplete: it has no ${SOLUTION_FILE} (or ${PYTHON_SOLUTION_FILE}).`);
  }
}

/** The bundle's code, read as text (`text` refuses what is not UTF-8), with the project's paths checked as a set. */
export function readCode(
  formatVersion: number,
  files: ReadonlyMap<string, Uint8Array>,
  session: SessionRecord,
  text: (name: string, bytes: Uint8Array) => string,
): BundleCode {
  if (formatVersion >= FILES_FORMAT_VERSION) {
    const project = new Map<string, string>();
    for (const [name, bytes] of files) {
      const path = projectPathOf(name);
      if (path === null) continue;
      // The same rules as the tree's New file: no two paths that differ only in case, no file where a folder is.
      const problem = newPathProblem(path, [...project.keys()]);
      if (problem) fail('inconsistent', `This bundle's “${name}” cannot be a file of a project: ${problem}`);
      project.set(path, text(name, bytes));
    }
    return { kind: 'project', files: project };
  }
  // A format 1–4 bundle: the session's solution file must be the one its language names, and the only one.
  const name = solutionFileOf(session);
  const other = name === SOLUTION_FILE ? PYTHON_SOLUTION_FILE : SOLUTION_FILE;
  const language = languageSpec(languageOr(session.language)).label;
  if (!files.has(name) || files.has(other)) {
    fail(
      'inconsistent',
      `This bundle's session is in ${language}, so its code must be in ${name}${files.has(other) ? `, not ${other}` : ''}.`,
    );
  }
  return { kind: 'solution', name, text: text(name, files.get(name)!) };
}

const DOES_NOT_REPLAY = "This bundle's event log does not replay: an edit falls outside the code it changes.";

/** The log replays to exactly the code the bundle holds. */
export function checkReplay(events: readonly SessionEvent[], code: BundleCode): void {
  if (code.kind === 'solution') {
    let replayed: string;
    try {
      replayed = replayText(events, code.name, Infinity);
    } catch {
      return fail('inconsistent', DOES_NOT_REPLAY);
    }
    if (replayed !== code.text) fail('inconsistent', `This bundle's event log does not replay to the code in its ${code.name}.`);
    return;
  }
  let logged: Record<string, string>;
  try {
    logged = projectFiles(finalFiles(events));
  } catch {
    return fail('inconsistent', DOES_NOT_REPLAY);
  }
  for (const [path, text] of Object.entries(logged)) {
    const held = code.files.get(path);
    if (held === undefined)
      fail('inconsistent', `This bundle's event log ends with the file “${path}”, but the bundle has no ${projectFileName(path)}.`);
    if (held !== text) fail('inconsistent', `This bundle's event log does not replay to the code in its ${projectFileName(path)}.`);
  }
  for (const path of code.files.keys()) {
    if (!Object.hasOwn(logged, path))
      fail('inconsistent', `This bundle holds ${projectFileName(path)}, a file its event log does not end with.`);
  }
}
