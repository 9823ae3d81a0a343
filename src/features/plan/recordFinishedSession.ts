/**
 * What happens after a session ends, for the plan: the attempt is graded from its measured facts, added
 * to its problem's card (which sets the next re-do), and the plan item it was for is marked done — the
 * session's end is what completes an item, never a tick box.
 */
import { completeItem } from '../../core/plan/plan';
import { gradedAttempt } from '../../core/plan/measureAttempt';
import type { SessionRecord } from '../../core/session/types';
import { findEntry } from '../../problems/catalog';
import { recordGradedAttempt } from '../../storage/plan';
import { loadSessionEvents } from '../../storage/sessionLog';

export async function recordFinishedSession(session: SessionRecord): Promise<void> {
  const entry = findEntry(session.problemId);
  if (!entry || session.status !== 'finished') return;
  const events = await loadSessionEvents(session.id);
  const attempt = gradedAttempt(session, events, entry.kind);
  await recordGradedAttempt(session.problemId, attempt, (plan) => completeItem(plan, session, entry.kind, attempt.day));
}
