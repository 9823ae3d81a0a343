import type { Language } from '../../core/problems/language';
import type { Difficulty, Problem, ProblemKind } from '../../core/problems/types';
import type { PracticeStatus } from '../../storage/db';

export type ProblemStatus = 'not-started' | PracticeStatus;

export interface CatalogFilter {
  kind: ProblemKind | 'all';
  tag: string | 'all';
  /** Problems that can be practised in this language (absent: any). */
  language?: Language | 'all';
  /** Absent: any. */
  difficulty?: Difficulty | 'all';
  /** Words that must each appear in the title, the summary or a tag (absent or blank: no search). */
  text?: string;
}

type Filterable = Pick<Problem, 'kind' | 'tags'> & {
  languages?: readonly Language[];
  difficulty?: Difficulty;
  title?: string;
  summary?: string;
};

/** The search's words, lower case: "Rate  limit" → ["rate", "limit"]. */
function searchWords(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** Every word of the search is in the title, the summary or a tag (case does not matter; none: everything). */
export function matchesSearch(problem: Filterable, text: string | undefined): boolean {
  const words = searchWords(text);
  if (words.length === 0) return true;
  const haystack = [problem.title ?? '', problem.summary ?? '', ...problem.tags].join('\n').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function filterProblems<P extends Filterable>(problems: readonly P[], filter: CatalogFilter): P[] {
  const language = filter.language ?? 'all';
  const difficulty = filter.difficulty ?? 'all';
  return problems.filter(
    (p) =>
      (filter.kind === 'all' || p.kind === filter.kind) &&
      (filter.tag === 'all' || p.tags.includes(filter.tag)) &&
      (language === 'all' || (p.languages ?? ['typescript']).includes(language)) &&
      (difficulty === 'all' || p.difficulty === difficulty) &&
      matchesSearch(p, filter.text),
  );
}

export function allTags(problems: readonly Pick<Problem, 'tags'>[]): string[] {
  return [...new Set(problems.flatMap((p) => p.tags))].sort();
}

export const STATUS_LABEL: Record<ProblemStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  solved: 'Solved',
};
