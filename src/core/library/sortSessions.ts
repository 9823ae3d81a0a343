/**
 * Sorting and filtering the sessions library. The sort is stable on the date (newest first), so rows
 * that tie on the chosen column keep a predictable order.
 */
import { resultRank, type SessionSummary } from './summarise';

export type SessionSortKey = 'date' | 'duration' | 'problem' | 'result';
export type SortDirection = 'ascending' | 'descending';

export interface SessionSort {
  key: SessionSortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: SessionSort = { key: 'date', direction: 'descending' };

/**
 * The direction a column starts in when first chosen: the useful end first (newest, longest, A to Z,
 * best result).
 */
export const FIRST_DIRECTION: Record<SessionSortKey, SortDirection> = {
  date: 'descending',
  duration: 'descending',
  problem: 'ascending',
  result: 'descending',
};

/** Clicking a column: a new column starts in its first direction, the same column flips. */
export function nextSort(current: SessionSort, key: SessionSortKey): SessionSort {
  if (current.key !== key) return { key, direction: FIRST_DIRECTION[key] };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

export function sortSessions<T extends SessionSummary>(rows: readonly T[], sort: SessionSort, titleOf: (problemId: string) => string): T[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = (a: T, b: T): number => {
    switch (sort.key) {
      case 'date':
        return a.startedAt - b.startedAt;
      case 'duration':
        return a.durationMs - b.durationMs;
      case 'problem':
        return titleOf(a.problemId).localeCompare(titleOf(b.problemId));
      case 'result':
        return resultRank(a.result) - resultRank(b.result);
    }
  };
  return [...rows].sort((a, b) => sign * compare(a, b) || b.startedAt - a.startedAt);
}

/** `problemId` 'all' keeps every row. */
export function filterByProblem<T extends SessionSummary>(rows: readonly T[], problemId: string): T[] {
  return problemId === 'all' ? [...rows] : rows.filter((r) => r.problemId === problemId);
}
