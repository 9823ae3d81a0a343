import type { Problem } from '../../core/problems/types';
import type { SessionEvent, SessionRecord } from '../../core/session/types';

/** The review beside the replay: measured facts, readiness, rubric scores, learnings. (Being built.) */
export function ReviewPanel(_props: { session: SessionRecord; problem: Problem | null; events: SessionEvent[] }) {
  return <aside aria-label="Review" />;
}
