/**
 * Restores a practice record (one per problem: status, phase clock, last Submit, stages, protocol,
 * revealed clarifications) read back from IndexedDB. Identity and status are required; every optional
 * part is checked in depth and dropped when malformed, so a damaged field never reaches the workspace.
 */
import { isLanguage } from '../problems/language';
import { isCount, isFiniteNumber, isNonEmptyString, isObject } from './guards';
import type { PracticeRecord, StageTimes } from './types';

const timeOrNull = (v: unknown): number | null => (isFiniteNumber(v) ? v : null);

function restoreLastSubmit(v: unknown): PracticeRecord['lastSubmit'] {
  if (!isObject(v) || !isCount(v.passed) || !isCount(v.total) || v.passed > v.total || !isFiniteNumber(v.at)) return null;
  return typeof v.outcome === 'string'
    ? { passed: v.passed, total: v.total, at: v.at, outcome: v.outcome }
    : { passed: v.passed, total: v.total, at: v.at };
}

function restoreStageTimes(v: unknown): StageTimes[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const times = v.map((t) => (isObject(t) ? { unlockedAt: timeOrNull(t.unlockedAt), passedAt: timeOrNull(t.passedAt) } : null));
  return times.every((t) => t !== null) ? (times as StageTimes[]) : undefined;
}

function restoreRevealed(v: unknown): PracticeRecord['revealed'] {
  if (!Array.isArray(v)) return undefined;
  return v
    .filter((r): r is { question: string; at: number } => isObject(r) && typeof r.question === 'string' && isFiniteNumber(r.at))
    .map((r) => ({ question: r.question, at: r.at }));
}

export function restorePracticeRecord(v: unknown): PracticeRecord | null {
  if (!isObject(v) || !isNonEmptyString(v.problemId)) return null;
  if (v.status !== 'in-progress' && v.status !== 'solved') return null;
  const record: PracticeRecord = {
    problemId: v.problemId,
    status: v.status,
    // The clock has its own guard (core/timer/phaseClock.ts isPhaseClockState), applied where it is used.
    clock: v.clock ?? null,
    lastSubmit: restoreLastSubmit(v.lastSubmit),
    submits: isCount(v.submits) ? v.submits : 0,
    updatedAt: isFiniteNumber(v.updatedAt) ? v.updatedAt : 0,
  };
  if (Number.isInteger(v.unlockedStages) && (v.unlockedStages as number) >= 1) record.unlockedStages = v.unlockedStages as number;
  const stageTimes = restoreStageTimes(v.stageTimes);
  if (stageTimes) record.stageTimes = stageTimes;
  if (isNonEmptyString(v.protocolId)) record.protocolId = v.protocolId;
  if (isLanguage(v.language)) record.language = v.language;
  if (Array.isArray(v.features) && v.features.every((f) => typeof f === 'string')) record.features = [...(v.features as string[])];
  const revealed = restoreRevealed(v.revealed);
  if (revealed) record.revealed = revealed;
  // The current attempt (database version 4): absent in older records, which are the first attempt.
  if (Number.isInteger(v.attempt) && (v.attempt as number) >= 1) record.attempt = v.attempt as number;
  if (v.attemptStartedAt === null || isFiniteNumber(v.attemptStartedAt)) record.attemptStartedAt = v.attemptStartedAt;
  if (v.submitsUntilAllPass === null || isCount(v.submitsUntilAllPass)) record.submitsUntilAllPass = v.submitsUntilAllPass;
  if (v.firstAllPassAt === null || isFiniteNumber(v.firstAllPassAt)) record.firstAllPassAt = v.firstAllPassAt;
  if (Array.isArray(v.sessionIds)) record.sessionIds = v.sessionIds.filter((id): id is string => typeof id === 'string');
  return record;
}
