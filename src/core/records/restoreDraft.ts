/** Restores a draft row (the text of one file the user edits); anything without text is absent. */
import { isFiniteNumber, isNonEmptyString, isObject } from './guards';
import type { DraftRecord } from './types';

export function restoreDraft(v: unknown): DraftRecord | null {
  if (!isObject(v) || !isNonEmptyString(v.problemId) || typeof v.code !== 'string' || !isFiniteNumber(v.updatedAt)) return null;
  return { problemId: v.problemId, code: v.code, updatedAt: v.updatedAt };
}
