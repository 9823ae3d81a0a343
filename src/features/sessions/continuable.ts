import type { SessionStatus } from '../../core/session/types';

/**
 * Sessions that can be continued: per problem, the newest one that did not finish (the workspace offers
 * exactly that one for resuming, so an older unfinished one is only replayed).
 */
export function continuableSessions(
  rows: readonly { id: string; problemId: string; status: SessionStatus; startedAt: number }[],
): Set<string> {
  const newest = new Map<string, { id: string; startedAt: number }>();
  for (const row of rows) {
    if (row.status === 'finished') continue;
    const seen = newest.get(row.problemId);
    if (!seen || row.startedAt > seen.startedAt) newest.set(row.problemId, row);
  }
  return new Set([...newest.values()].map((r) => r.id));
}
