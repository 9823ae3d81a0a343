/**
 * The rubrics a session is scored with. The self-review items follow the practice protocol's scoring
 * table (shared/seeds/000); the design evaluation's four parts and levels follow the system-design mock
 * rubric (shared/seeds/004) and come, per problem, from rubric.md. Wording here is ours.
 */
import type { RubricLevel } from '../problems/parseDesign';
import type { DesignGrade, Learnings, ReviewRecord, SelfReviewItemId, SelfScore } from './types';

export interface SelfReviewItem {
  id: SelfReviewItemId;
  label: string;
  /** The question to ask yourself while watching the replay. */
  prompt: string;
}

export const SELF_REVIEW_ITEMS: readonly SelfReviewItem[] = [
  { id: 'talked', label: 'Talked continuously', prompt: 'How long were the silences, and where did they happen?' },
  { id: 'explained', label: 'Explained decisions', prompt: 'Did you say why, not only what, before each choice?' },
  { id: 'tested', label: 'Tested incrementally', prompt: 'Did you run something after each function you wrote?' },
  { id: 'caught-bugs', label: 'Caught own bugs', prompt: 'Did you find mistakes yourself before a run exposed them?' },
  { id: 'edge-cases', label: 'Handled edge cases', prompt: 'Did you name edge cases up front and cover them in code?' },
  { id: 'calm', label: 'Stayed calm', prompt: 'When something failed, did you stay steady and methodical?' },
];

/** Points per level for the weighted total: excellent is full marks. */
export const LEVEL_POINTS: Record<RubricLevel, number> = { excellent: 3, good: 2, needsWork: 1 };

export const LEVEL_LABELS: Record<RubricLevel, string> = { excellent: 'Excellent', good: 'Good', needsWork: 'Needs work' };

export function emptySelfScores(): Record<SelfReviewItemId, SelfScore> {
  return Object.fromEntries(SELF_REVIEW_ITEMS.map((item) => [item.id, { score: null, note: '' }])) as Record<SelfReviewItemId, SelfScore>;
}

export function emptyLearnings(): Learnings {
  return { wentWell: '', improve: '', actions: '' };
}

export function emptyReview(sessionId: string, designParts: { part: string; weight: number }[] | null, now: number): ReviewRecord {
  return {
    sessionId,
    selfScores: emptySelfScores(),
    design: designParts ? designParts.map((p) => ({ part: p.part, weight: p.weight, level: null, note: '' })) : null,
    learnings: emptyLearnings(),
    comparedAt: null,
    updatedAt: now,
  };
}

/** The most one self-review item can score. */
export const SELF_SCORE_MAX = 10;

/** Sum of the self-review scores given (out of 60), or null when none is given yet. */
export function selfReviewTotal(scores: Record<SelfReviewItemId, SelfScore>): { total: number; scored: number; max: number } | null {
  const given = SELF_REVIEW_ITEMS.map((item) => scores[item.id]?.score).filter((s): s is number => typeof s === 'number');
  if (given.length === 0) return null;
  return { total: given.reduce((a, b) => a + b, 0), scored: given.length, max: SELF_REVIEW_ITEMS.length * SELF_SCORE_MAX };
}

/**
 * The self-review total on one fixed scale: the average of the items scored, out of 10 ("21 of 30" → 7).
 * What the Progress chart plots and its trend compares, so a half-scored review is neither drawn as a drop
 * against the full 60 nor read as a different number from the total the other pages show.
 */
export function selfReviewAverage(total: { total: number; scored: number } | null): number | null {
  if (!total || total.scored <= 0) return null;
  return total.total / total.scored;
}

/**
 * The self-review total as every page shows it (review, Sessions, Progress, the bundle's report): out of the
 * items scored, so "21 of 30 (3 of 6 items scored)" and never a partial sum read against the full 60.
 */
export function formatSelfReviewTotal(total: { total: number; scored: number } | null): string | null {
  if (!total || total.scored === 0) return null;
  const items = SELF_REVIEW_ITEMS.length;
  const base = `${total.total} of ${total.scored * SELF_SCORE_MAX}`;
  return total.scored >= items ? base : `${base} (${total.scored} of ${items} items scored)`;
}

/**
 * The design evaluation's weighted total in percent (excellent = 100 % of a part's weight, good = 2/3,
 * needs work = 1/3), or null until every part is graded: a partial total would read as a low score.
 */
export function designWeightedTotal(grades: readonly DesignGrade[] | null): number | null {
  if (!grades || grades.length === 0 || grades.some((g) => g.level === null)) return null;
  const weights = grades.reduce((sum, g) => sum + g.weight, 0);
  if (weights <= 0) return null;
  const points = grades.reduce((sum, g) => sum + (g.weight * LEVEL_POINTS[g.level!]) / LEVEL_POINTS.excellent, 0);
  return Math.round((points / weights) * 1000) / 10;
}
