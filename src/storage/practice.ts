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
