import { restorePracticeRecord } from '../core/records/restorePractice';
import { openRehearseDB, type PracticeRecord } from './db';

export async function loadPractice(problemId: string): Promise<PracticeRecord | undefined> {
  return restorePracticeRecord(await (await openRehearseDB()).get('practice', problemId)) ?? undefined;
}

export async function listPractice(): Promise<PracticeRecord[]> {
  const all = await (await openRehearseDB()).getAll('practice');
  return all.map(restorePracticeRecord).filter((r): r is PracticeRecord => r !== null);
}

export async function savePractice(record: PracticeRecord): Promise<void> {
  await (await openRehearseDB()).put('practice', record);
}

/** Sets the protocol the next session of a problem opens with (the Plan page's Start), keeping the rest of its record. */
export async function choosePracticeProtocol(problemId: string, protocolId: string, now = Date.now()): Promise<void> {
  const existing = await loadPractice(problemId);
  const base: PracticeRecord = existing ?? { problemId, status: 'in-progress', clock: null, lastSubmit: null, submits: 0, updatedAt: now };
  await savePractice({ ...base, protocolId, updatedAt: now });
}
