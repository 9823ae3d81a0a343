/**
 * Restores a review read back from IndexedDB (or an imported bundle): a typed value or null. Missing or
 * malformed fields fall back to "not scored" / empty text, so one bad field never loses the rest.
 */
import type { RubricLevel } from '../problems/parseDesign';
import { emptyLearnings, SELF_REVIEW_ITEMS } from '../review/rubrics';
import type { DesignGrade, Learnings, ReviewRecord, SelfReviewItemId, SelfScore } from './types';
import { isObject, textOr as text } from './guards';
const LEVELS: readonly RubricLevel[] = ['excellent', 'good', 'needsWork'];

function restoreScore(v: unknown): SelfScore {
  if (!isObject(v)) return { score: null, note: '' };
  const score = Number.isInteger(v.score) && (v.score as number) >= 1 && (v.score as number) <= 10 ? (v.score as number) : null;
  return { score, note: text(v.note) };
}

function restoreGrade(v: unknown): DesignGrade | null {
  if (!isObject(v) || typeof v.part !== 'string' || typeof v.weight !== 'number' || !Number.isFinite(v.weight) || v.weight < 0) return null;
  const level = LEVELS.includes(v.level as RubricLevel) ? (v.level as RubricLevel) : null;
  return { part: v.part, weight: v.weight, level, note: text(v.note) };
}

function restoreLearnings(v: unknown): Learnings {
  if (!isObject(v)) return emptyLearnings();
  return { wentWell: text(v.wentWell), improve: text(v.improve), actions: text(v.actions) };
}

export function restoreReview(v: unknown): ReviewRecord | null {
  if (!isObject(v) || typeof v.sessionId !== 'string' || !v.sessionId) return null;
  const scores = isObject(v.selfScores) ? v.selfScores : {};
  const selfScores = Object.fromEntries(SELF_REVIEW_ITEMS.map((item) => [item.id, restoreScore(scores[item.id])])) as Record<
    SelfReviewItemId,
    SelfScore
  >;
  const grades = Array.isArray(v.design) ? v.design.map(restoreGrade) : null;
  return {
    sessionId: v.sessionId,
    selfScores,
    design: grades && grades.every((g) => g !== null) ? (grades as DesignGrade[]) : null,
    learnings: restoreLearnings(v.learnings),
    comparedAt: typeof v.comparedAt === 'number' && Number.isFinite(v.comparedAt) ? v.comparedAt : null,
    updatedAt: typeof v.updatedAt === 'number' && Number.isFinite(v.updatedAt) ? v.updatedAt : 0,
  };
}
