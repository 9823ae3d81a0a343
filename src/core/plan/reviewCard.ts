/** A problem's review card: the graded attempts its schedule is computed from (schedule.ts). */
import type { GradedAttempt, ReviewCardRecord } from './types';

/** Adds or replaces (same session) an attempt in a problem's card. */
export function withAttempt(card: ReviewCardRecord | null, problemId: string, attempt: GradedAttempt): ReviewCardRecord {
  const attempts = (card?.attempts ?? []).filter((a) => a.sessionId !== attempt.sessionId);
  return { problemId, attempts: [...attempts, attempt] };
}
