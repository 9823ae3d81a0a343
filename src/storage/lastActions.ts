/**
 * "Actions for next time" from the last session on the same protocol (see core/review/lastActions.ts),
 * read from the sessions and reviews stores.
 */
import { pickLastActions, type LastActions } from '../core/review/lastActions';
import { listReviews } from './reviews';
import { listSessions } from './sessions';

export type { LastActions } from '../core/review/lastActions';

/** The newest finished session on `protocolId`, other than `excludeSessionId`, whose review has actions. */
export async function loadLastActions(protocolId: string, excludeSessionId: string | null): Promise<LastActions | undefined> {
  const [sessions, reviews] = await Promise.all([listSessions(), listReviews()]);
  return pickLastActions(sessions, reviews, protocolId, excludeSessionId);
}
