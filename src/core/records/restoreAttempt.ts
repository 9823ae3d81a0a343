/** Guards an archived attempt (database version 4 `attempts`): a row of any other shape is left out whole. */
import { isValidPath } from '../files/paths';
import { isCount, isFiniteNumber, isObject } from './guards';
import type { AttemptRecord, SubmitSummary } from './types';

const isTimeOrNull = (v: unknown): v is number | null => v === null || isFiniteNumber(v);

export function isSubmitSummary(v: unknown): v is SubmitSummary {
  return (
    isObject(v) &&
    isFiniteNumber(v.passed) &&
    isFiniteNumber(v.total) &&
    isFiniteNumber(v.at) &&
    (v.outcome === undefined || typeof v.outcome === 'string')
  );
}

/** A project's files as an attempt keeps them: valid paths to texts. */
function isFileMap(v: unknown): v is Record<string, string> {
  return isObject(v) && Object.entries(v).every(([path, text]) => isValidPath(path) && typeof text === 'string');
}

/** Restores defensively: a row of any other shape is left out of the history rather than shown half-read. */
export function isAttemptRecord(v: unknown): v is AttemptRecord {
  return (
    isObject(v) &&
    typeof v.problemId === 'string' &&
    isCount(v.number) &&
    v.number >= 1 &&
    isTimeOrNull(v.startedAt) &&
    isFiniteNumber(v.endedAt) &&
    typeof v.code === 'string' &&
    typeof v.notes === 'string' &&
    isFiniteNumber(v.submits) &&
    (v.lastSubmit === null || isSubmitSummary(v.lastSubmit)) &&
    isTimeOrNull(v.submitsUntilAllPass) &&
    isTimeOrNull(v.firstAllPassAt) &&
    Array.isArray(v.sessionIds) &&
    v.sessionIds.every((id) => typeof id === 'string') &&
    (v.files === undefined || isFileMap(v.files)) &&
    (v.board === undefined || typeof v.board === 'string')
  );
}
