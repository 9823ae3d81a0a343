/**
 * Which session's "actions for next time" to show when a session starts: the newest finished session on
 * the same protocol (not the one just started) whose review wrote some actions down.
 */
import type { SessionRecord } from '../session/types';
import type { ReviewRecord } from './types';

export interface LastActions {
  /** The session the actions were written for. */
  session: SessionRecord;
  actions: string;
}

export function pickLastActions(
  sessions: readonly SessionRecord[],
  reviews: ReadonlyMap<string, ReviewRecord>,
  protocolId: string,
  excludeSessionId: string | null,
): LastActions | undefined {
  const candidates = sessions
    .filter((s) => s.protocolId === protocolId && s.status === 'finished' && s.id !== excludeSessionId)
    .sort((a, b) => b.startedAt - a.startedAt);
  for (const session of candidates) {
    const actions = reviews.get(session.id)?.learnings.actions.trim();
    if (actions) return { session, actions };
  }
  return undefined;
}
