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
import { describeDue, localDateAt, noonUtc, type LocalDate } from './localDate';
import type { GradeValue, GradedAttempt, ReviewCardRecord } from './types';

const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

export interface ProblemSchedule {
  problemId: string;
  due: LocalDate;
  intervalDays: number;
  attempts: number;
  last: GradedAttempt;
  /** The last attempt's grade after the self-review's shift, and every reason for it. */
  grade: GradeValue;
  reasons: string[];
}

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

export const isDue = (s: ProblemSchedule, today: LocalDate): boolean => s.due <= today;

export function dueLabel(s: ProblemSchedule, today: LocalDate): string {
  return describeDue(s.due, today);
}

/** Problems in due order (most overdue first); never-practised problems after every scheduled one. */
export function byDue<P extends { id: string }>(problems: readonly P[], schedules: ReadonlyMap<string, ProblemSchedule>): P[] {
  const key = (p: P) => schedules.get(p.id)?.due ?? '9999-12-31';
  return [...problems].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Adds or replaces (same session) an attempt in a problem's card. */
export function withAttempt(card: ReviewCardRecord | null, problemId: string, attempt: GradedAttempt): ReviewCardRecord {
  const attempts = (card?.attempts ?? []).filter((a) => a.sessionId !== attempt.sessionId);
  return { problemId, attempts: [...attempts, attempt] };
}
