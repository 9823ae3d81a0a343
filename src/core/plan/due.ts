/**
 * A problem's next re-do and the small rules about it that pages need without the scheduler itself
 * (schedule.ts computes these with ts-fsrs, which the catalog loads only after its first paint).
 */
import { describeDue, type LocalDate } from './localDate';
import type { GradeValue, GradedAttempt } from './types';

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

export const isDue = (s: ProblemSchedule, today: LocalDate): boolean => s.due <= today;

export function dueLabel(s: ProblemSchedule, today: LocalDate): string {
  return describeDue(s.due, today);
}

/** Problems in due order (most overdue first); never-practised problems after every scheduled one. */
export function byDue<P extends { id: string }>(problems: readonly P[], schedules: ReadonlyMap<string, ProblemSchedule>): P[] {
  const key = (p: P) => schedules.get(p.id)?.due ?? '9999-12-31';
  return [...problems].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
