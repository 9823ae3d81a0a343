/**
 * A coding problem's code per language, from its folder's files (path relative to `problems/<id>/` →
 * text). Pure, so the app's catalog and scripts/check-problems.ts build the same projects:
 * - a single-file problem: the registry's file names (starter.ts, examples.test.ts, …) at the folder's root,
 *   one project file named by the registry's `solutionFile`;
 * - a codebase problem (`project/<language>/`, docs/decisions/files-and-languages.md): starter/** is the
 *   project, reference/** overlays it, project.json says which files are read-only and whether the tree
 *   may change.
 */
import { isValidPath, sortPaths } from '../files/paths';
import { reservedPathProblem } from '../files/reservedPaths';
import { LANGUAGE_SPECS, LANGUAGES, type Language } from '../languages/registry';
import type { CodeMaterial } from './types';

export class ProjectFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectFormatError';
  }
}

/** Languages the folder has code for (which the catalog knows from file names alone). */
export function languagesInFolder(paths: Iterable<string>): Language[] {
  const list = [...paths];
  return LANGUAGES.filter(
    (l) => list.includes(LANGUAGE_SPECS[l].problemFiles.starter) || list.some((p) => p.startsWith(`project/${l}/starter/`)),
  );
}

export function assembleCode(files: ReadonlyMap<string, string>, problemId: string): Partial<Record<Language, CodeMaterial>> {
  const code: Partial<Record<Language, CodeMaterial>> = {};
  for (const language of languagesInFolder(files.keys())) {
    code[language] = [...files.keys()].some((p) => p.startsWith(`project/${language}/`))
      ? assembleProject(files, language, problemId)
      : assembleSingleFile(files, language);
  }
  return code;
}

function assembleSingleFile(files: ReadonlyMap<string, string>, language: Language): CodeMaterial {
  const spec = LANGUAGE_SPECS[language];
  const names = spec.problemFiles;
  return singleFileMaterial(language, {
    starter: files.get(names.starter) ?? '',
    examples: files.get(names.examples) ?? '',
    hidden: files.get(names.hidden) ?? '',
    reference: files.get(names.reference) ?? '',
    guide: (spec.guideFile && files.get(spec.guideFile)) ?? '',
  });
}

/** A single-file problem's material in `language`: one project file, the registry's `solutionFile`. */
export function singleFileMaterial(
  language: Language,
  texts: { starter: string; examples: string; hidden: string; reference: string; guide?: string },
): CodeMaterial {
  const file = LANGUAGE_SPECS[language].solutionFile;
  return {
    files: [{ path: file, text: texts.starter, readOnly: false }],
    examples: texts.examples,
    hidden: texts.hidden,
    reference: { [file]: texts.reference },
    guide: texts.guide ?? '',
    editableTree: false,
  };
}

interface ProjectSettings {
  readOnly: string[];
  editableTree: boolean;
}

function projectSettings(text: string | undefined, where: string): ProjectSettings {
  if (text === undefined) return { readOnly: [], editableTree: true };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ProjectFormatError(`${where}/project.json is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const obj = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  const readOnly = obj.readOnly ?? [];
  if (!Array.isArray(readOnly) || !readOnly.every(isValidPath)) {
    throw new ProjectFormatError(`${where}/project.json: "readOnly" must be a list of project paths`);
  }
  if (obj.editableTree !== undefined && typeof obj.editableTree !== 'boolean') {
    throw new ProjectFormatError(`${where}/project.json: "editableTree" must be true or false`);
  }
  return { readOnly, editableTree: obj.editableTree !== false };
}

/** The files under `prefix`, keyed by the rest of their path. */
export function filesUnder(files: ReadonlyMap<string, string>, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of files) if (path.startsWith(prefix)) out.set(path.slice(prefix.length), text);
  return out;
}

function assembleProject(files: ReadonlyMap<string, string>, language: Language, problemId: string): CodeMaterial {
  const spec = LANGUAGE_SPECS[language];
  const root = `project/${language}`;
  const where = `problem "${problemId}": ${root}`;
  const settings = projectSettings(files.get(`${root}/project.json`), where);
  const starter = filesUnder(files, `${root}/starter/`);
  if (starter.size === 0) throw new ProjectFormatError(`${where}/starter/ has no files`);
  for (const path of starter.keys()) {
    if (!isValidPath(path)) throw new ProjectFormatError(`${where}/starter/${path} is not a valid project path`);
    const reserved = reservedPathProblem(path, language);
    if (reserved) throw new ProjectFormatError(`${where}/starter/${path}: ${reserved}`);
  }
  for (const path of settings.readOnly) {
    if (!starter.has(path)) throw new ProjectFormatError(`${where}/project.json lists "${path}" as read-only, but starter/ has no such file`);
  }
  const reference = new Map([...starter, ...filesUnder(files, `${root}/reference/`)]);
  return {
    files: sortPaths([...starter.keys()]).map((path) => ({ path, text: starter.get(path)!, readOnly: settings.readOnly.includes(path) })),
    examples: files.get(`${root}/${spec.problemFiles.examples}`) ?? '',
    hidden: files.get(`${root}/${spec.problemFiles.hidden}`) ?? '',
    reference: Object.fromEntries(sortPaths([...reference.keys()]).map((p) => [p, reference.get(p)!])),
    guide: (spec.guideFile && files.get(spec.guideFile)) ?? '',
    editableTree: settings.editableTree,
  };
}
