/**
 * The problem catalog, bundled at build time so the static site needs no server; adding a folder under
 * problems/ adds a problem. Only problem.md is in the entry chunk (the catalog needs its front matter);
 * the other files of a problem load on demand when its workspace opens. Mutants are not bundled: they
 * exist for the strength checks, not for the app.
 */
import { parseClarifications } from '../core/problems/clarifications';
import { parseNotesTemplate, parseReferenceAnswer, parseRubric } from '../core/problems/parseDesign';
import { parseFollowUps, parseFrontMatter } from '../core/problems/parseProblem';
import { assembleCode, languagesInFolder, librariesNamed, LIBRARIES_FOLDER } from '../core/problems/assembleCode';
import { DEFAULT_LANGUAGE, type Language } from '../core/languages/registry';
import type { DesignMaterial, Problem, ProblemMeta } from '../core/problems/types';
import { findProtocol } from '../core/timer/protocols';

const statements = import.meta.glob<string>('/problems/*/problem.md', { query: '?raw', import: 'default', eager: true });
// Mutants are left out (they serve the strength checks); every language's files are in these lists.
const lazyFiles = import.meta.glob<string>(
  [
    '/problems/*/{starter.ts,examples.test.ts,hidden.test.ts,reference.ts,followups.md,clarifications.md,rubric.md,notes-template.md,scratchpad.ts,reference-answer.md,starter.py,examples_test.py,hidden_test.py,reference.py,python.md}',
    '/problems/*/project/*/{project.json,examples.test.ts,hidden.test.ts,examples_test.py,hidden_test.py}',
    '/problems/*/project/*/{starter,reference}/**',
  ],
  { query: '?raw', import: 'default' },
);
// The libraries problems mount (problems/_libraries/<name>/<language>/**): loaded with a problem that names one.
const libraryFiles = import.meta.glob<string>('/problems/_libraries/*/*/**', { query: '?raw', import: 'default' });

/** What the catalog shows: the front matter, the statement and the languages it can be practised in. */
export interface CatalogEntry extends ProblemMeta {
  statement: string;
  languages: readonly Language[];
}

/** '/problems/<id>/<file path inside the folder>' → its parts. */
function folderOf(path: string): { id: string; file: string } {
  const [, , id = '', ...rest] = path.split('/');
  return { id, file: rest.join('/') };
}

/** Each problem's file paths (only the glob's keys: nothing is loaded). */
function pathsByProblem(paths: Iterable<string>): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const path of paths) {
    const { id, file } = folderOf(path);
    byId.set(id, [...(byId.get(id) ?? []), file]);
  }
  return byId;
}

export function buildCatalog(problemMds: Record<string, string>, otherFiles: Iterable<string> = []): CatalogEntry[] {
  const files = pathsByProblem(otherFiles);
  return Object.entries(problemMds)
    .map(([path, md]) => {
      const { meta, body } = parseFrontMatter(md, folderOf(path).id);
      const found = meta.kind === 'coding' ? languagesInFolder(files.get(meta.id) ?? []) : [];
      const languages: Language[] = found.length > 0 ? found : [DEFAULT_LANGUAGE];
      return { ...meta, statement: body, languages };
    })
    .sort(compareEntries);
}

const DIFFICULTY_ORDER = { easy: 0, medium: 1, hard: 2 } as const;

function compareEntries(a: CatalogEntry, b: CatalogEntry): number {
  if (a.kind !== b.kind) return a.kind === 'coding' ? -1 : 1;
  return DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || a.title.localeCompare(b.title);
}

export const CATALOG: readonly CatalogEntry[] = buildCatalog(statements, Object.keys(lazyFiles));

export function findEntry(id: string): CatalogEntry | undefined {
  return CATALOG.find((p) => p.id === id);
}

/** The problem's title, or its id when this build has no such problem (an old or imported session). */
export function problemTitle(id: string): string {
  return findEntry(id)?.title ?? id;
}

/**
 * Builds the full problem from its catalog entry and its other files (file name → text), and the library
 * files it mounts (path under problems/_libraries/ → text).
 */
export function assembleProblem(entry: CatalogEntry, files: ReadonlyMap<string, string>, libraries?: ReadonlyMap<string, string>): Problem {
  return {
    ...entry,
    code: entry.kind === 'coding' ? assembleCode(files, entry.id, libraries) : {},
    followUps: parseFollowUps(files.get('followups.md') ?? '', entry.id),
    // A design problem must have clarifications.md (the parser refuses an empty one); a coding problem may.
    clarifications:
      entry.kind === 'design' || files.has('clarifications.md') ? parseClarifications(files.get('clarifications.md') ?? '', entry.id) : [],
    stages: entry.stages ?? [],
    design: entry.kind === 'design' ? assembleDesign(entry, files) : null,
  };
}

function assembleDesign(entry: CatalogEntry, files: ReadonlyMap<string, string>): DesignMaterial {
  const phases = findProtocol(entry.protocol)?.phases.map((p) => p.name);
  return {
    rubric: parseRubric(files.get('rubric.md') ?? '', entry.id),
    notesTemplate: parseNotesTemplate(files.get('notes-template.md') ?? '', phases, entry.id),
    scratchpad: files.get('scratchpad.ts') ?? '',
    referenceAnswer: parseReferenceAnswer(files.get('reference-answer.md') ?? '', entry.id),
  };
}

const loaded = new Map<string, Promise<Problem>>();

/** The named libraries' files, keyed by their path under problems/_libraries/. */
async function loadLibraries(names: readonly string[]): Promise<Map<string, string>> {
  const prefix = `/problems/${LIBRARIES_FOLDER}/`;
  const wanted = Object.entries(libraryFiles).filter(([path]) => names.some((name) => path.startsWith(`${prefix}${name}/`)));
  return new Map(await Promise.all(wanted.map(async ([path, load]) => [path.slice(prefix.length), await load()] as const)));
}

/** Loads a problem's files (cached); rejects if there is no such problem. */
export function loadProblem(id: string): Promise<Problem> {
  const entry = findEntry(id);
  if (!entry) return Promise.reject(new Error(`There is no problem called “${id}”.`));
  let problem = loaded.get(id);
  if (!problem) {
    const loaders = Object.entries(lazyFiles).filter(([path]) => folderOf(path).id === id);
    problem = Promise.all(loaders.map(async ([path, load]) => [folderOf(path).file, await load()] as const)).then(async (pairs) => {
      const files = new Map(pairs);
      return assembleProblem(entry, files, await loadLibraries(librariesNamed(files)));
    });
    loaded.set(id, problem);
    problem.catch(() => loaded.delete(id));
  }
  return problem;
}
