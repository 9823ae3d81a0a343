import { isSubmitSummary } from './attempts';
import { openRehearseDB, type PracticeRecord } from './db';

export async function loadPractice(problemId: string): Promise<PracticeRecord | undefined> {
  const record = await (await openRehearseDB()).get('practice', problemId);
  return record && isPracticeRecord(record) ? record : undefined;
}

export async function listPractice(): Promise<PracticeRecord[]> {
  const all = await (await openRehearseDB()).getAll('practice');
  return all.filter(isPracticeRecord);
}

export async function savePractice(record: PracticeRecord): Promise<void> {
  await (await openRehearseDB()).put('practice', record);
}

const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown) => v === null || isNum(v);
const isStageTime = (v: unknown) => typeof v === 'object' && v !== null && isNumOrNull((v as Record<string, unknown>).unlockedAt) && isNumOrNull((v as Record<string, unknown>).passedAt);
const isRevealed = (v: unknown) => typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>).question === 'string' && isNum((v as Record<string, unknown>).at);

/** Every field the workspace trusts is checked; the clock is restored separately (isPhaseClockState). */
export function isPracticeRecord(value: PracticeRecord): boolean {
  const v = value as unknown as Record<string, unknown>;
  return (
    typeof v.problemId === 'string' &&
    (v.status === 'in-progress' || v.status === 'solved') &&
    isNum(v.submits) &&
    (v.lastSubmit === null || isSubmitSummary(v.lastSubmit)) &&
    optional(v.unlockedStages, (n) => Number.isInteger(n) && (n as number) >= 1) &&
    optional(v.stageTimes, (t) => Array.isArray(t) && t.every(isStageTime)) &&
    optional(v.protocolId, (p) => typeof p === 'string') &&
    optional(v.revealed, (r) => Array.isArray(r) && r.every(isRevealed)) &&
    optional(v.attempt, (n) => Number.isInteger(n) && (n as number) >= 1) &&
    optional(v.attemptStartedAt, isNumOrNull) &&
    optional(v.submitsUntilAllPass, isNumOrNull) &&
    optional(v.firstAllPassAt, isNumOrNull) &&
    optional(v.sessionIds, (ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'))
  );
}
