/**
 * Changes to a review as pure functions (the form calls these, then saves the result), and the one
 * reconciliation a loaded review may need: its design grades matched to the problem's rubric parts.
 */
import type { RubricLevel, RubricPart } from '../problems/parseDesign';
import type { DesignGrade, Learnings, ReviewRecord, SelfReviewItemId, SelfScore } from './types';

export function withSelfScore(review: ReviewRecord, item: SelfReviewItemId, patch: Partial<SelfScore>): ReviewRecord {
  return { ...review, selfScores: { ...review.selfScores, [item]: { ...review.selfScores[item], ...patch } } };
}

export function withDesignGrade(review: ReviewRecord, part: string, patch: { level?: RubricLevel | null; note?: string }): ReviewRecord {
  if (!review.design) return review;
  return { ...review, design: review.design.map((g) => (g.part === part ? { ...g, ...patch } : g)) };
}

export function withLearning(review: ReviewRecord, field: keyof Learnings, value: string): ReviewRecord {
  return { ...review, learnings: { ...review.learnings, [field]: value } };
}

/**
 * The review's design grades in the rubric's order and weights: grades already given are kept by part
 * name, parts the review lacks start ungraded. A review without a rubric keeps what it has, so grades
 * are never dropped because a problem could not be loaded.
 */
export function withRubricParts(review: ReviewRecord, rubric: readonly RubricPart[] | null): ReviewRecord {
  if (!rubric || rubric.length === 0) return review;
  const given = new Map((review.design ?? []).map((g) => [g.part, g]));
  const design: DesignGrade[] = rubric.map((p) => {
    const old = given.get(p.part);
    return { part: p.part, weight: p.weight, level: old?.level ?? null, note: old?.note ?? '' };
  });
  return { ...review, design };
}
