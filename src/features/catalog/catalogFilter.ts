import type { Language } from '../../core/problems/language';
import type { Problem, ProblemKind } from '../../core/problems/types';
import type { PracticeStatus } from '../../storage/db';

export type ProblemStatus = 'not-started' | PracticeStatus;

export interface CatalogFilter {
  kind: ProblemKind | 'all';
  tag: string | 'all';
  /** Problems that can be practised in this language (absent: any). */
  language?: Language | 'all';
}

export function filterProblems<P extends Pick<Problem, 'kind' | 'tags'> & { languages?: readonly Language[] }>(
  problems: readonly P[],
  filter: CatalogFilter,
): P[] {
  const language = filter.language ?? 'all';
  return problems.filter(
    (p) =>
      (filter.kind === 'all' || p.kind === filter.kind) &&
      (filter.tag === 'all' || p.tags.includes(filter.tag)) &&
      (language === 'all' || (p.languages ?? ['typescript']).includes(language)),
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
