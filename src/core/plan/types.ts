/**
 * The plan's and the spaced re-dos' records (database version 5; shapes re-exported by core/records/types.ts,
 * guards in core/records/restorePlan.ts and restoreReviewCard.ts). Dates are local calendar dates (localDate.ts).
 */
import type { ReadinessStatus } from '../analysis/types';
import type { ProblemKind } from '../problems/types';
import type { LocalDate } from './localDate';
import type { PlanItemSpec } from './templates';

/** ts-fsrs's grades: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type GradeValue = 1 | 2 | 3 | 4;

/** One plan item a session completed. */
export interface PlanItemDone {
  itemId: string;
  sessionId: string;
  /** The problem the session practised (for an "any problem of a kind" item, the one chosen). */
  problemId: string;
  on: LocalDate;
}

/** The plan towards one interview, with its progress (the schedule state). One at a time, id 'current'. */
export interface PlanRecord {
  id: string;
  title: string;
  /** The guide it came from, or null for a custom plan. */
  templateId: string | null;
  /** The day the plan's first day falls on. */
  startDate: LocalDate;
  interviewDate: LocalDate;
  /** Each day's items (day i is startDate + i), copied from the template when the plan was made. */
  days: PlanItemSpec[][];
  dayNotes: string[];
  done: PlanItemDone[];
  /** The item last started from the Plan page: the session of its problem that ends next completes it. */
  started: { itemId: string; problemId: string } | null;
  createdAt: number;
}

/** One checklist criterion as measured in one attempt. */
export interface MeasuredCriterion {
  id: string;
  label: string;
  status: ReadinessStatus;
}

/** An attempt graded from what was measured (core/plan/grade.ts), kept for scheduling and readiness. */
export interface GradedAttempt {
  sessionId: string;
  /** The local date the session ended on. */
  day: LocalDate;
  endedAt: number;
  kind: ProblemKind;
  protocolId: string;
  /** The measured grade; the self-review may move it when the schedule is computed. */
  grade: GradeValue;
  /** The headline of the grade, e.g. "failed 3 hidden tests". */
  summary: string;
  reasons: string[];
  checklist: MeasuredCriterion[];
}

/** A problem's spaced-repetition history: its card is replayed from these (core/plan/schedule.ts). */
export interface ReviewCardRecord {
  problemId: string;
  attempts: GradedAttempt[];
}
