/**
 * Restores the plan (database version 5 `plans`) and a problem's review card (`reviewCards`). Identity,
 * dates and the days' items are required: a plan whose days cannot be read is absent rather than shown
 * with holes. Done items, the started item and attempts are checked one by one and dropped when malformed.
 */
import { isLocalDate } from '../plan/localDate';
import type { PlanItemSpec } from '../plan/templates';
import type { GradedAttempt, GradeValue, MeasuredCriterion, PlanItemDone, PlanRecord, ReviewCardRecord } from '../plan/types';
import { isFiniteNumber, isNonEmptyString, isObject, isString } from './guards';

const KINDS = ['coding', 'design'] as const;
const isKind = (v: unknown): v is (typeof KINDS)[number] => KINDS.includes(v as (typeof KINDS)[number]);

function restoreSpec(v: unknown): PlanItemSpec | null {
  if (!isObject(v) || !isNonEmptyString(v.protocolId) || !isString(v.why)) return null;
  if (v.kind === 'problem' && isNonEmptyString(v.problemId)) {
    return { kind: 'problem', problemId: v.problemId, protocolId: v.protocolId, why: v.why, ...(v.fresh === true ? { fresh: true } : {}) };
  }
  if (v.kind === 'any' && isKind(v.problemKind)) {
    return { kind: 'any', problemKind: v.problemKind, protocolId: v.protocolId, why: v.why, ...(v.mock === true ? { mock: true } : {}) };
  }
  return null;
}

function restoreDays(v: unknown): PlanItemSpec[][] | null {
  if (!Array.isArray(v) || v.length > 366) return null;
  const days = v.map((day) => (Array.isArray(day) ? day.map(restoreSpec) : null));
  return days.every((d): d is PlanItemSpec[] => d !== null && d.every((s) => s !== null)) ? days : null;
}

function restoreDone(v: unknown): PlanItemDone | null {
  if (!isObject(v) || !isNonEmptyString(v.itemId) || !isNonEmptyString(v.sessionId) || !isNonEmptyString(v.problemId)) return null;
  return isLocalDate(v.on) ? { itemId: v.itemId, sessionId: v.sessionId, problemId: v.problemId, on: v.on } : null;
}

export function restorePlan(v: unknown): PlanRecord | null {
  if (!isObject(v) || !isNonEmptyString(v.id) || !isString(v.title) || !isLocalDate(v.startDate) || !isLocalDate(v.interviewDate))
    return null;
  const days = restoreDays(v.days);
  if (!days) return null;
  const started =
    isObject(v.started) && isNonEmptyString(v.started.itemId) && isNonEmptyString(v.started.problemId)
      ? { itemId: v.started.itemId, problemId: v.started.problemId }
      : null;
  return {
    id: v.id,
    title: v.title,
    templateId: isNonEmptyString(v.templateId) ? v.templateId : null,
    startDate: v.startDate,
    interviewDate: v.interviewDate,
    days,
    dayNotes: days.map((_, i) => (Array.isArray(v.dayNotes) && isString(v.dayNotes[i]) ? v.dayNotes[i] : '')),
    done: Array.isArray(v.done) ? v.done.map(restoreDone).filter((d): d is PlanItemDone => d !== null) : [],
    started,
    createdAt: isFiniteNumber(v.createdAt) ? v.createdAt : 0,
  };
}

const STATUSES = ['met', 'not-met', 'not-measurable'] as const;

function restoreCriterion(v: unknown): MeasuredCriterion | null {
  if (!isObject(v) || !isNonEmptyString(v.id) || !isString(v.label) || !STATUSES.includes(v.status as (typeof STATUSES)[number]))
    return null;
  return { id: v.id, label: v.label, status: v.status as MeasuredCriterion['status'] };
}

function restoreAttempt(v: unknown): GradedAttempt | null {
  if (!isObject(v) || !isNonEmptyString(v.sessionId) || !isLocalDate(v.day) || !isFiniteNumber(v.endedAt) || !isKind(v.kind)) return null;
  if (!Number.isInteger(v.grade) || (v.grade as number) < 1 || (v.grade as number) > 4 || !isString(v.protocolId)) return null;
  return {
    sessionId: v.sessionId,
    day: v.day,
    endedAt: v.endedAt,
    kind: v.kind,
    protocolId: v.protocolId,
    grade: v.grade as GradeValue,
    summary: isString(v.summary) ? v.summary : '',
    reasons: Array.isArray(v.reasons) ? v.reasons.filter(isString) : [],
    checklist: Array.isArray(v.checklist) ? v.checklist.map(restoreCriterion).filter((c): c is MeasuredCriterion => c !== null) : [],
  };
}

export function restoreReviewCard(v: unknown): ReviewCardRecord | null {
  if (!isObject(v) || !isNonEmptyString(v.problemId) || !Array.isArray(v.attempts)) return null;
  return { problemId: v.problemId, attempts: v.attempts.map(restoreAttempt).filter((a): a is GradedAttempt => a !== null) };
}
