/**
 * A coding problem's code per language, from its folder's files (path relative to `problems/<id>/` →
 * text). Pure, so the app's catalog and scripts/check-problems.ts build the same projects:
 * - a single-file problem: the registry's file names (starter.ts, examples.test.ts, …) at the folder's root,
 *   one project file named by the registry's `solutionFile`;
 * - a codebase problem (`project/<language>/`, docs/decisions/files-and-languages.md): starter/** is the
 *   project, reference/** overlays it, project.json says which files are read-only and whether the tree
 *   may change;
 * - a library (project.json `"library": "<name>"`, docs/decisions/api-scenarios.md): the files of
 *   `problems/_libraries/<name>/<language>/` are mounted read-only at `framework/` in the starter, the
 *   reference and so every mutant; a problem's own files may not sit there. `"service": {"entry": …}` names
 *   the file the Requests pane's runner starts (CodeMaterial.service).
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

/** Where the problems' shared libraries live, beside the problem folders (never a problem itself). */
export const LIBRARIES_FOLDER = '_libraries';
/** Where a library is mounted in a project that names one. */
export const LIBRARY_MOUNT = 'framework';

/**
 * `files`: the problem folder's files (path relative to `problems/<id>/` → text). `libraries`: the library
 * files it may name (path relative to `problems/_libraries/`, e.g. 'web-service/typescript/app.ts' → text).
 */
export function assembleCode(
  files: ReadonlyMap<string, string>,
  problemId: string,
  libraries: ReadonlyMap<string, string> = new Map(),
): Partial<Record<Language, CodeMaterial>> {
  const code: Partial<Record<Language, CodeMaterial>> = {};
  for (const language of languagesInFolder(files.keys())) {
    code[language] = [...files.keys()].some((p) => p.startsWith(`project/${language}/`))
      ? assembleProject(files, language, problemId, libraries)
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
  library?: string;
  service?: { entry: string };
}

const LIBRARY_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** The libraries a problem folder's project.json files name (what the app must load besides the folder). */
export function librariesNamed(files: ReadonlyMap<string, string>): string[] {
  const names = new Set<string>();
  for (const [path, text] of files) {
    if (!/^project\/[^/]+\/project\.json$/.test(path)) continue;
    try {
      const library = (JSON.parse(text) as { library?: unknown } | null)?.library;
      if (typeof library === 'string' && LIBRARY_NAME.test(library)) names.add(library);
    } catch {
      // assembleCode reports the broken file
    }
  }
  return [...names].sort();
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
  const settings: ProjectSettings = { readOnly, editableTree: obj.editableTree !== false };
  if (obj.library !== undefined) {
    if (typeof obj.library !== 'string' || !LIBRARY_NAME.test(obj.library)) {
      throw new ProjectFormatError(`${where}/project.json: "library" must be the name of a folder under problems/${LIBRARIES_FOLDER}/`);
    }
    settings.library = obj.library;
  }
  if (obj.service !== undefined) {
    const entry = (obj.service as { entry?: unknown } | null)?.entry;
    if (typeof entry !== 'string' || !isValidPath(entry)) {
      throw new ProjectFormatError(`${where}/project.json: "service" must be {"entry": "<a project file>"}`);
    }
    settings.service = { entry };
  }
  return settings;
}

/** The library's files for `language`, keyed by their path in the project (under framework/). */
function mountedLibrary(libraries: ReadonlyMap<string, string>, name: string, language: Language, where: string): Map<string, string> {
  const mounted = new Map<string, string>();
  for (const [path, text] of filesUnder(libraries, `${name}/${language}/`)) mounted.set(`${LIBRARY_MOUNT}/${path}`, text);
  if (mounted.size === 0) {
    throw new ProjectFormatError(`${where}/project.json names the library "${name}", but problems/${LIBRARIES_FOLDER}/${name}/${language}/ has no files`);
  }
  return mounted;
}

/** The files under `prefix`, keyed by the rest of their path. */
export function filesUnder(files: ReadonlyMap<string, string>, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of files) if (path.startsWith(prefix)) out.set(path.slice(prefix.length), text);
  return out;
}

function assembleProject(
  files: ReadonlyMap<string, string>,
  language: Language,
  problemId: string,
  libraries: ReadonlyMap<string, string>,
): CodeMaterial {
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
  const overlay = filesUnder(files, `${root}/reference/`);
  const mounted = settings.library ? mountedLibrary(libraries, settings.library, language, where) : new Map<string, string>();
  if (settings.library) {
    for (const [folder, paths] of [
      ['starter', starter.keys()],
      ['reference', overlay.keys()],
    ] as const) {
      const inMount = [...paths].find((p) => p.startsWith(`${LIBRARY_MOUNT}/`));
      if (inMount) throw new ProjectFormatError(`${where}/${folder}/${inMount}: ${LIBRARY_MOUNT}/ is where the library "${settings.library}" is mounted`);
    }
  }
  const project = new Map([...starter, ...mounted]);
  if (settings.service && !project.has(settings.service.entry)) {
    throw new ProjectFormatError(`${where}/project.json names "${settings.service.entry}" as the service's entry, but starter/ has no such file`);
  }
  const reference = new Map([...project, ...overlay]);
  return {
    files: sortPaths([...project.keys()]).map((path) => ({
      path,
      text: project.get(path)!,
      readOnly: mounted.has(path) || settings.readOnly.includes(path),
    })),
    examples: files.get(`${root}/${spec.problemFiles.examples}`) ?? '',
    hidden: files.get(`${root}/${spec.problemFiles.hidden}`) ?? '',
    reference: Object.fromEntries(sortPaths([...reference.keys()]).map((p) => [p, reference.get(p)!])),
    guide: (spec.guideFile && files.get(spec.guideFile)) ?? '',
    editableTree: settings.editableTree,
    ...(settings.service ? { service: settings.service } : {}),
  };
}
