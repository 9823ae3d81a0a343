/**
 * The problem catalog, bundled at build time: Vite inlines every file of problems/<id>/ that the app
 * needs as a string, so the static site needs no server. Adding a folder adds a problem.
 * Mutants are deliberately not globbed: they exist for the strength checks, not for the app.
 */
import { parseFollowUps, parseFrontMatter } from '../core/problems/parseProblem';
import type { Problem } from '../core/problems/types';

const files = import.meta.glob<string>(
  '/problems/*/{problem.md,starter.ts,examples.test.ts,hidden.test.ts,reference.ts,followups.md}',
  { query: '?raw', import: 'default', eager: true },
);

function groupByProblem(raw: Record<string, string>): Map<string, Map<string, string>> {
  const byId = new Map<string, Map<string, string>>();
  for (const [path, text] of Object.entries(raw)) {
    const [, , id, file] = path.split('/');
    if (!id || !file) continue;
    if (!byId.has(id)) byId.set(id, new Map());
    byId.get(id)!.set(file, text);
  }
  return byId;
}

export function buildCatalog(raw: Record<string, string>): Problem[] {
  const problems: Problem[] = [];
  for (const [id, folder] of groupByProblem(raw)) {
    const md = folder.get('problem.md');
    if (md === undefined) continue;
    const { meta, body } = parseFrontMatter(md, id);
    problems.push({
      ...meta,
      statement: body,
      starter: folder.get('starter.ts') ?? '',
      examples: folder.get('examples.test.ts') ?? '',
      hidden: folder.get('hidden.test.ts') ?? '',
      reference: folder.get('reference.ts') ?? '',
      followUps: parseFollowUps(folder.get('followups.md') ?? ''),
    });
  }
  return problems.sort(compareProblems);
}

const DIFFICULTY_ORDER = { easy: 0, medium: 1, hard: 2 } as const;

function compareProblems(a: Problem, b: Problem): number {
  if (a.kind !== b.kind) return a.kind === 'coding' ? -1 : 1;
  return DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty] || a.title.localeCompare(b.title);
}

export const CATALOG: readonly Problem[] = buildCatalog(files);

export function findProblem(id: string): Problem | undefined {
  return CATALOG.find((p) => p.id === id);
}
