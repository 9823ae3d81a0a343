import { describe, expect, it } from 'vitest';
import { gradeAttempt, selfReviewShift, type MeasuredAttempt } from './grade';
import { emptyReview } from '../review/rubrics';
import type { MeasuredCriterion } from './types';

const met = (id: string): MeasuredCriterion => ({ id, label: id, status: 'met' });
const notMet = (id: string): MeasuredCriterion => ({ id, label: id, status: 'not-met' });

const coding = (patch: Partial<MeasuredAttempt>): MeasuredAttempt => ({
  kind: 'coding',
  firstSubmit: { passed: 10, total: 10 },
  submitsUntilAllPass: 1,
  durationMs: 40 * 60_000,
  plannedMs: 45 * 60_000,
  checklist: [met('silence'), met('tested-incrementally'), met('works-early'), met('edge-cases-first')],
  ...patch,
});

describe('grading from measured facts', () => {
  it('all hidden tests on the first Submit, every criterion met, in time: Easy', () => {
    const g = gradeAttempt(coding({}));
    expect(g.grade).toBe(4);
    expect(g.summary).toBe('passed all 10 hidden tests on the first Submit');
  });

  it('failing hidden tests and never passing them: Again, with the count in the summary', () => {
    const g = gradeAttempt(coding({ firstSubmit: { passed: 7, total: 10 }, submitsUntilAllPass: null }));
    expect(g.grade).toBe(1);
    expect(g.summary).toBe('failed 3 hidden tests');
  });

  it('passing on a later Submit: Hard', () => {
    expect(gradeAttempt(coding({ firstSubmit: { passed: 9, total: 10 }, submitsUntilAllPass: 2 })).grade).toBe(2);
  });

  it('nothing submitted: Again', () => {
    expect(gradeAttempt(coding({ firstSubmit: null, submitsUntilAllPass: null })).grade).toBe(1);
  });

  it('running over the protocol by more than a quarter costs a step', () => {
    const g = gradeAttempt(coding({ durationMs: 60 * 60_000 }));
    expect(g.grade).toBe(2);
    expect(g.reasons.join(' ')).toContain('took 60 min of 45 planned');
  });

  it('silence and other unmet criteria cost a step, but never below Hard once the tests passed', () => {
    const checklist = [notMet('silence'), notMet('tested-incrementally'), met('works-early'), met('edge-cases-first')];
    expect(gradeAttempt(coding({ checklist })).grade).toBe(2);
    expect(gradeAttempt(coding({ checklist, durationMs: 90 * 60_000 })).grade).toBe(2);
  });

  it('design problems are graded by their own checklist', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    const design = (metCount: number): MeasuredAttempt => ({
      kind: 'design',
      firstSubmit: null,
      submitsUntilAllPass: null,
      durationMs: 40 * 60_000,
      plannedMs: 45 * 60_000,
      checklist: six.map((id, i) => (i < metCount ? met(id) : notMet(id))),
    });
    expect(gradeAttempt(design(6)).grade).toBe(4);
    expect(gradeAttempt(design(5)).grade).toBe(3);
    expect(gradeAttempt(design(3)).grade).toBe(2);
    expect(gradeAttempt(design(1)).grade).toBe(1);
    expect(gradeAttempt(design(3)).summary).toBe('met 3 of 6 design criteria');
  });
});

describe('the self-review moves the grade a step', () => {
  const review = (score: number) => {
    const r = emptyReview('s', null, 0);
    for (const key of Object.keys(r.selfScores) as (keyof typeof r.selfScores)[]) r.selfScores[key] = { score, note: '' };
    return r;
  };

  it('down when poor, up when strong, never lifting an Again', () => {
    expect(selfReviewShift(3, review(3)).grade).toBe(2);
    expect(selfReviewShift(3, review(9)).grade).toBe(4);
    expect(selfReviewShift(1, review(9)).grade).toBe(1);
    expect(selfReviewShift(3, review(6))).toEqual({ grade: 3, reason: null });
    expect(selfReviewShift(3, review(3)).reason).toContain('lowered');
  });

  it('a review with fewer than three scores does not count', () => {
    const r = emptyReview('s', null, 0);
    r.selfScores.talked = { score: 1, note: '' };
    expect(selfReviewShift(3, r).grade).toBe(3);
  });
});
