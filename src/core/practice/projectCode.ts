/**
 * What the practice loop needs to know about a problem's code in one language, in one place: which draft
 * names hold it, what it starts as, which files may change, and the runner request for a Run or Submit.
 * Pure; the practice engine (src/practice) and the workspace read these.
 */
import { sortPaths } from '../files/paths';
import { DEFAULT_LANGUAGE, languageSpec, type Language } from '../languages/registry';
import type { CodeMaterial, Problem } from '../problems/types';

/** A design problem's scratchpad is a script: this test file just loads it, so it runs and prints. */
const RUN_SCRATCHPAD = "import './solution';\n";
const SCRATCHPAD = 'scratchpad.ts';

/** The language a problem opens in: the one chosen last time, if the problem has it. */
export function languageFor(problem: Problem, chosen: Language | undefined): Language {
  return chosen && problem.code[chosen] && problem.kind === 'coding' ? chosen : DEFAULT_LANGUAGE;
}

/** The problem's code in `language` (its default language's if it has not that one); null for a design problem. */
export function materialOf(problem: Problem, language: Language): CodeMaterial | null {
  return problem.code[language] ?? problem.code[DEFAULT_LANGUAGE] ?? null;
}

/** A project as the candidate starts it: path → text, in tree order, and what the problem fixes about it. */
export interface StartingProject {
  files: Record<string, string>;
  paths: string[];
  readOnly: string[];
  editableTree: boolean;
}

export function startingProject(problem: Problem, language: Language): StartingProject {
  if (problem.design) return { files: { [SCRATCHPAD]: problem.design.scratchpad }, paths: [SCRATCHPAD], readOnly: [], editableTree: false };
  const material = materialOf(problem, language);
  const files = material?.files ?? [];
  return {
    files: Object.fromEntries(files.map((f) => [f.path, f.text])),
    paths: files.map((f) => f.path),
    readOnly: files.filter((f) => f.readOnly).map((f) => f.path),
    editableTree: material?.editableTree ?? false,
  };
}

/**
 * A codebase problem keeps its files under their own draft names and a list of them (created, renamed and
 * deleted ones change it). Decided by the problem's format, not by whether its tree may change: a codebase
 * whose tree is fixed still holds files by path, and a single-file problem never does.
 */
export function isProjectProblem(problem: Pick<Problem, 'format' | 'design'>): boolean {
  return !problem.design && problem.format === 'codebase';
}

/**
 * The draft that holds a file's text. A single-file problem's file keeps the name drafts had before
 * projects ('solution.ts', 'solution.py', 'scratchpad.ts'), so those drafts still load; a codebase
 * problem's files are 'project/<language>/<path>'.
 */
export function draftNameOf(problem: Problem, language: Language, path: string): string {
  return isProjectProblem(problem) ? `project/${language}/${path}` : path;
}

/** The draft holding a codebase problem's file list (JSON array of paths). */
export function fileListDraftName(language: Language): string {
  return `project/${language}`;
}

/** Reads a stored file list; null when it is not a list of distinct strings. */
export function parseFileList(text: string): string[] | null {
  try {
    const list: unknown = JSON.parse(text);
    if (!Array.isArray(list) || !list.every((p) => typeof p === 'string') || new Set(list).size !== list.length) return null;
    return sortPaths(list as string[]);
  } catch {
    return null;
  }
}

/**
 * How the session log names a file: its project path. A design problem's scratchpad keeps the name its
 * logs have always used.
 */
export function logPathOf(problem: Problem, path: string): string {
  return problem.design && path === SCRATCHPAD ? 'solution.ts' : path;
}

/**
 * The project path of a file a run names (a failure's place, a compile error): the run of a design problem's
 * scratchpad names it 'solution.ts' (`projectRun`); every other project runs under its own paths.
 */
export function projectPathOfRunFile(problem: Pick<Problem, 'design'>, file: string): string {
  return problem.design && file === 'solution.ts' ? SCRATCHPAD : file;
}

export type RunMode = 'run' | 'submit';

/** A Run or Submit as the practice loop asks for it; the runner's `RunRequest` is this plus its own options. */
export interface ProjectRun {
  mode: RunMode;
  /** TypeScript unless said otherwise. */
  language?: Language;
  /**
   * The candidate's project: path → text. A single-file problem's is one file, the registry's `solutionFile`
   * (the tests import it as `./solution` / `solution`); a codebase problem's tests import its files by path
   * (`./chat/hub`, `from chat.hub import …`).
   */
  files: Readonly<Record<string, string>>;
  /** The test file (examples.test.ts / examples_test.py for Run, hidden.test.ts / hidden_test.py for Submit). */
  tests: string;
  /** Shown in messages, e.g. "examples.test.ts"; for Python also the module the tests are imported as. */
  testFileName: string;
}

/** The runner request for a Run or Submit of `files` in `language`. */
export function projectRun(problem: Problem, language: Language, mode: RunMode, files: Readonly<Record<string, string>>): ProjectRun {
  if (problem.design) {
    return { mode, files: { 'solution.ts': files[SCRATCHPAD] ?? '' }, tests: RUN_SCRATCHPAD, testFileName: 'examples.test.ts' };
  }
  const lang = problem.code[language] ? language : DEFAULT_LANGUAGE;
  const spec = languageSpec(lang);
  const material = problem.code[lang];
  return {
    mode,
    ...(lang !== DEFAULT_LANGUAGE ? { language: lang } : {}),
    files: { ...files },
    tests: (mode === 'run' ? material?.examples : material?.hidden) ?? '',
    testFileName: mode === 'run' ? spec.exampleTests : spec.hiddenTests,
  };
}

/** The files that differ from how the candidate received them (changed, created; a deleted one is not listed). */
export function changedPaths(files: Readonly<Record<string, string>>, start: StartingProject): string[] {
  return Object.keys(files).filter((p) => start.files[p] !== files[p]);
}

/**
 * Whether the current attempt has anything in it, so New attempt is offered and keeps it in the history:
 * a file or the notes differ from the start, something is on a design problem's whiteboard, a Submit, a
 * session, or the clock was started. The one rule; the phase timer's button and the engine both ask it.
 */
export function attemptHasWork(input: {
  files: Readonly<Record<string, string>>;
  start: StartingProject;
  notes: string;
  freshNotes: string;
  submits: number;
  sessions: number;
  clockStarted: boolean;
  /** Elements on the whiteboard (a design problem's; absent: none). */
  boardElements?: number;
}): boolean {
  const { files, start } = input;
  const sameFiles = Object.keys(files).length === start.paths.length && changedPaths(files, start).length === 0;
  return (
    !sameFiles ||
    input.notes !== input.freshNotes ||
    (input.boardElements ?? 0) > 0 ||
    input.submits > 0 ||
    input.sessions > 0 ||
    input.clockStarted
  );
}
