/** Guards an archived attempt (database version 4 `attempts`): a row of any other shape is left out whole. */
import { isValidPath } from '../files/paths';
import type { AttemptRecord, SubmitSummary } from '../practice/attempts';

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown): v is number | null => v === null || isNum(v);

export function isSubmitSummary(v: unknown): v is SubmitSummary {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return isNum(s.passed) && isNum(s.total) && isNum(s.at) && (s.outcome === undefined || typeof s.outcome === 'string');
}

/** A project's files as an attempt keeps them: valid paths to texts. */
function isFileMap(v: unknown): v is Record<string, string> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.entries(v).every(([path, text]) => isValidPath(path) && typeof text === 'string');
}

/** Restores defensively: a row of any other shape is left out of the history rather than shown half-read. */
export function isAttemptRecord(v: unknown): v is AttemptRecord {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    typeof a.problemId === 'string' &&
    Number.isInteger(a.number) &&
    (a.number as number) >= 1 &&
    isNumOrNull(a.startedAt) &&
    isNum(a.endedAt) &&
    typeof a.code === 'string' &&
    typeof a.notes === 'string' &&
    isNum(a.submits) &&
    (a.lastSubmit === null || isSubmitSummary(a.lastSubmit)) &&
    isNumOrNull(a.submitsUntilAllPass) &&
    isNumOrNull(a.firstAllPassAt) &&
    Array.isArray(a.sessionIds) &&
    a.sessionIds.every((id) => typeof id === 'string') &&
    (a.files === undefined || isFileMap(a.files))
  );
}
