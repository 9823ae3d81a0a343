/**
 * The problem catalog, bundled at build time so the static site needs no server; adding a folder under
 * problems/ adds a problem. Only problem.md is in the entry chunk (the catalog needs its front matter);
 * the other files of a problem load on demand when its workspace opens. Mutants are not bundled: they
 * exist for the strength checks, not for the app.
 */
import { parseClarifications, parseNotesTemplate, parseReferenceAnswer, parseRubric } from '../core/problems/parseDesign';
import { parseFollowUps, parseFrontMatter } from '../core/problems/parseProblem';
import type { Language } from '../core/problems/language';
import type { DesignMaterial, Problem, ProblemMeta } from '../core/problems/types';
import { findProtocol } from '../core/timer/protocols';

const statements = import.meta.glob<string>('/problems/*/problem.md', { query: '?raw', import: 'default', eager: true });
const lazyFiles = import.meta.glob<string>(
  '/problems/*/{starter.ts,examples.test.ts,hidden.test.ts,reference.ts,followups.md,clarifications.md,rubric.md,notes-template.md,scratchpad.ts,reference-answer.md,starter.py,examples_test.py,hidden_test.py,reference.py,python.md}',
  { query: '?raw', import: 'default' },
);
/** Which problems have Python files: only the keys are used, nothing is loaded. */
const pythonStarters = import.meta.glob<string>('/problems/*/starter.py', { query: '?raw', import: 'default' });
const PYTHON_IDS = new Set(Object.keys(pythonStarters).map((path) => path.split('/')[2]));

/** What the catalog shows: the front matter, the statement and the languages it can be practised in. */
export interface CatalogEntry extends ProblemMeta {
  statement: string;
  languages: readonly Language[];
}

function folderOf(path: string): { id: string; file: string } {
  const [, , id = '', file = ''] = path.split('/');
  return { id, file };
}

export function buildCatalog(problemMds: Record<string, string>, pythonIds: ReadonlySet<string | undefined> = new Set()): CatalogEntry[] {
  return Object.entries(problemMds)
    .map(([path, md]) => {
      const { meta, body } = parseFrontMatter(md, folderOf(path).id);
      const languages: Language[] = pythonIds.has(meta.id) ? ['typescript', 'python'] : ['typescript'];
      return { ...meta, statement: body, languages };
    })
    .sort(compareEntries);
}

const DIFFICULTY_ORDER = { easy: 0, medium: 1, hard: 2 } as const;

function compareEntries(a: CatalogEntry, b: CatalogEntry): number {
  if (a.kind !== b.kind) return a.kind === 'coding' ? -1 : 1;
  return DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || a.title.localeCompare(b.title);
}

export const CATALOG: readonly CatalogEntry[] = buildCatalog(statements, PYTHON_IDS);

export function findEntry(id: string): CatalogEntry | undefined {
  return CATALOG.find((p) => p.id === id);
}

/** The problem's title, or its id when this build has no such problem (an old or imported session). */
export function problemTitle(id: string): string {
  return findEntry(id)?.title ?? id;
}

/** Builds the full problem from its catalog entry and its other files (file name → text). */
export function assembleProblem(entry: CatalogEntry, files: ReadonlyMap<string, string>): Problem {
  return {
    ...entry,
    starter: files.get('starter.ts') ?? '',
    examples: files.get('examples.test.ts') ?? '',
    hidden: files.get('hidden.test.ts') ?? '',
    reference: files.get('reference.ts') ?? '',
    followUps: parseFollowUps(files.get('followups.md') ?? '', entry.id),
    stages: entry.stages ?? [],
    design: entry.kind === 'design' ? assembleDesign(entry, files) : null,
    python: files.has('starter.py')
      ? {
          starter: files.get('starter.py') ?? '',
          examples: files.get('examples_test.py') ?? '',
          hidden: files.get('hidden_test.py') ?? '',
          reference: files.get('reference.py') ?? '',
          guide: files.get('python.md') ?? '',
        }
      : null,
  };
}

function assembleDesign(entry: CatalogEntry, files: ReadonlyMap<string, string>): DesignMaterial {
  const phases = findProtocol(entry.protocol)?.phases.map((p) => p.name);
  return {
    clarifications: parseClarifications(files.get('clarifications.md') ?? '', entry.id),
    rubric: parseRubric(files.get('rubric.md') ?? '', entry.id),
    notesTemplate: parseNotesTemplate(files.get('notes-template.md') ?? '', phases, entry.id),
    scratchpad: files.get('scratchpad.ts') ?? '',
    referenceAnswer: parseReferenceAnswer(files.get('reference-answer.md') ?? '', entry.id),
  };
}

const loaded = new Map<string, Promise<Problem>>();

/** Loads a problem's files (cached); rejects if there is no such problem. */
export function loadProblem(id: string): Promise<Problem> {
  const entry = findEntry(id);
  if (!entry) return Promise.reject(new Error(`There is no problem called “${id}”.`));
  let problem = loaded.get(id);
  if (!problem) {
    const loaders = Object.entries(lazyFiles).filter(([path]) => folderOf(path).id === id);
    problem = Promise.all(loaders.map(async ([path, load]) => [folderOf(path).file, await load()] as const)).then((pairs) =>
      assembleProblem(entry, new Map(pairs)),
    );
    loaded.set(id, problem);
    problem.catch(() => loaded.delete(id));
  }
  return problem;
}
