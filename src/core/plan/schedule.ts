/**
 * When each problem is due again: its graded attempts (grade.ts) replayed through FSRS (ts-fsrs), the
 * self-review's shift applied to each. The card is recomputed from the history rather than stored, so a
 * self-review written days later moves the due date, and a restored backup needs no card migration.
 * FSRS runs in whole days: short-term learning steps are off (a re-do is a session, not a flash card),
 * fuzz is off (the same history always gives the same date), and each attempt is placed at noon UTC of
 * its local calendar day, so a change of time zone cannot move a due date.
 */
import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';
import type { ReviewRecord } from '../review/types';
import { GRADE_LABEL, selfReviewShift } from './grade';
import type { ProblemSchedule } from './due';
import { localDateAt, noonUtc } from './localDate';
import type { GradeValue, ReviewCardRecord } from './types';

export type { ProblemSchedule } from './due';
export { byDue, dueLabel, isDue } from './due';
export { withAttempt } from './reviewCard';

const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

export function scheduleOf(card: ReviewCardRecord, reviews: ReadonlyMap<string, ReviewRecord>): ProblemSchedule | null {
  const attempts = [...card.attempts].sort((a, b) => a.endedAt - b.endedAt);
  if (attempts.length === 0) return null;
  let state: Card = createEmptyCard(noonUtc(attempts[0]!.day));
  let grade: GradeValue = 1;
  let reasons: string[] = [];
  for (const a of attempts) {
    const shifted = selfReviewShift(a.grade, reviews.get(a.sessionId));
    grade = shifted.grade;
    reasons = [...a.reasons, ...(shifted.reason ? [shifted.reason] : [])];
    state = scheduler.next(state, noonUtc(a.day), grade as Grade).card;
  }
  const last = attempts[attempts.length - 1]!;
  const due = localDateAt(state.due.getTime(), 0);
  return {
    problemId: card.problemId,
    due,
    intervalDays: state.scheduled_days,
    attempts: attempts.length,
    last,
    grade,
    reasons: [
      ...reasons,
      `graded ${GRADE_LABEL[grade]}: next re-do in ${state.scheduled_days} ${state.scheduled_days === 1 ? 'day' : 'days'}`,
    ],
  };
}

export function schedulesOf(cards: readonly ReviewCardRecord[], reviews: ReadonlyMap<string, ReviewRecord>): Map<string, ProblemSchedule> {
  const out = new Map<string, ProblemSchedule>();
  for (const card of cards) {
    const s = scheduleOf(card, reviews);
    if (s) out.set(card.problemId, s);
  }
  return out;
}
