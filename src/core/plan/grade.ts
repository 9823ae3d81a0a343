/**
 * Grades an attempt from what was measured, not from how it felt: the hidden tests of the first Submit,
 * the time taken against the protocol, and the readiness checklist (silence among its criteria); a design
 * problem by its own checklist. The self-review may then move the grade one step (selfReviewShift), and
 * every step is given as a reason the Plan page shows.
 */
import type { ReadinessStatus } from '../analysis/types';
import type { ProblemKind } from '../problems/types';
import { LEVEL_POINTS, SELF_REVIEW_ITEMS } from '../review/rubrics';
import type { ReviewRecord } from '../review/types';
import type { GradeValue, MeasuredCriterion } from './types';

export const GRADE_LABEL: Record<GradeValue, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** A session may run over its protocol's minutes by this share before the grade drops. */
export const TIME_OVERRUN_SHARE = 0.25;
/** Coding: this many unmet criteria (besides the tests, already counted) lower the grade a step. */
export const UNMET_CRITERIA_LIMIT = 2;

export interface MeasuredAttempt {
  kind: ProblemKind;
  /** Coding: the first Submit's hidden tests (null: nothing submitted). */
  firstSubmit: { passed: number; total: number } | null;
  /** Coding: the Submit at which every hidden test first passed, or null. */
  submitsUntilAllPass: number | null;
  durationMs: number;
  plannedMs: number;
  checklist: MeasuredCriterion[];
}

export interface Grading {
  grade: GradeValue;
  summary: string;
  reasons: string[];
}

const minutes = (ms: number) => Math.round(ms / 60_000);
const step = (g: GradeValue, by: number, floor: GradeValue = 1): GradeValue => Math.min(4, Math.max(floor, g + by)) as GradeValue;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function gradeAttempt(m: MeasuredAttempt): Grading {
  const base = m.kind === 'design' ? designBase(m.checklist) : codingBase(m);
  let { grade } = base;
  const reasons = [...base.reasons];
  const overran = m.plannedMs > 0 && m.durationMs > m.plannedMs * (1 + TIME_OVERRUN_SHARE);
  if (overran) {
    grade = step(grade, -1);
    reasons.push(`took ${minutes(m.durationMs)} min of ${minutes(m.plannedMs)} planned: one step lower`);
  } else if (m.plannedMs > 0) {
    reasons.push(`within the protocol's time (${minutes(m.durationMs)} of ${minutes(m.plannedMs)} min)`);
  }
  const unmet = criteria(m).filter((c) => c.status === 'not-met');
  if (m.kind === 'coding' && unmet.length >= UNMET_CRITERIA_LIMIT) {
    // Passing tests is not undone by the checklist: the floor stays Hard once every test passed.
    grade = step(grade, -1, m.submitsUntilAllPass !== null ? 2 : 1);
    reasons.push(`${plural(unmet.length, 'criterion', 'criteria')} not met (${unmet.map((c) => c.label).join('; ')}): one step lower`);
  }
  if (grade === 3 && !overran && unmet.length === 0 && criteria(m).some((c) => c.status === 'met')) {
    grade = 4;
    reasons.push('every measured criterion met in time: Easy');
  }
  return { grade, summary: base.summary, reasons };
}

/** The checklist criteria that count on top of the base grade (for coding the tests are the base already). */
function criteria(m: MeasuredAttempt): MeasuredCriterion[] {
  return m.kind === 'coding' ? m.checklist.filter((c) => c.id !== 'works-early') : m.checklist;
}

function codingBase(m: MeasuredAttempt): Grading {
  const first = m.firstSubmit;
  if (!first || first.total === 0)
    return { grade: 1, summary: 'nothing submitted', reasons: ['no Submit, so no hidden-test result: Again'] };
  const failed = first.total - first.passed;
  if (failed === 0) {
    return {
      grade: 3,
      summary: `passed all ${first.total} hidden tests on the first Submit`,
      reasons: [`all ${first.total} hidden tests passed on the first Submit: Good`],
    };
  }
  const summary = `failed ${plural(failed, 'hidden test')}`;
  if (m.submitsUntilAllPass !== null) {
    return { grade: 2, summary, reasons: [`${summary} on the first Submit, all passed by Submit ${m.submitsUntilAllPass}: Hard`] };
  }
  return { grade: 1, summary, reasons: [`${summary} on the first Submit and never passed them all: Again`] };
}

function designBase(checklist: readonly MeasuredCriterion[]): Grading {
  const measurable = checklist.filter((c) => c.status !== 'not-measurable');
  const met = measurable.filter((c) => c.status === 'met').length;
  const share = measurable.length ? met / measurable.length : 0;
  const grade: GradeValue = share >= 0.8 ? 3 : share >= 0.5 ? 2 : 1;
  const summary = `met ${met} of ${measurable.length} design criteria`;
  return { grade, summary, reasons: [`${summary}: ${grade === 3 ? 'Good' : grade === 2 ? 'Hard' : 'Again'}`] };
}

/** Self-review averages at or below this lower the grade a step; at or above the high mark raise it. */
export const SELF_LOW = 4;
export const SELF_HIGH = 8;
/** Scored items needed before the self-review counts (a single score is not a review). */
export const SELF_MIN_SCORED = 3;

/**
 * How the self-review moves a measured grade: one step down when it is poor, one step up when it is
 * strong, never lifting an Again (a failed measurement is not made good by a feeling) and never past Easy.
 */
export function selfReviewShift(grade: GradeValue, review: ReviewRecord | null | undefined): { grade: GradeValue; reason: string | null } {
  const mean = review ? reviewMean(review) : null;
  if (mean === null) return { grade, reason: null };
  if (mean.score <= mean.low) return { grade: step(grade, -1), reason: `your self-review (${mean.text}) lowered it a step` };
  if (mean.score >= mean.high && grade > 1 && grade < 4)
    return { grade: step(grade, 1), reason: `your self-review (${mean.text}) raised it a step` };
  return { grade, reason: null };
}

function reviewMean(review: ReviewRecord): { score: number; low: number; high: number; text: string } | null {
  const graded = (review.design ?? []).filter((g) => g.level !== null);
  if (review.design && graded.length === review.design.length && graded.length > 0) {
    const points = graded.reduce((sum, g) => sum + LEVEL_POINTS[g.level!], 0) / graded.length;
    return { score: points, low: 1.5, high: 2.75, text: `${points.toFixed(1)} of 3 on the design evaluation` };
  }
  const scores = SELF_REVIEW_ITEMS.map((i) => review.selfScores[i.id]?.score).filter((s): s is number => typeof s === 'number');
  if (scores.length < SELF_MIN_SCORED) return null;
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return { score: mean, low: SELF_LOW, high: SELF_HIGH, text: `${mean.toFixed(1)}/10 on average` };
}

export function toCriteria(items: readonly { id: string; label: string; status: ReadinessStatus }[]): MeasuredCriterion[] {
  return items.map((i) => ({ id: i.id, label: i.label, status: i.status }));
}
