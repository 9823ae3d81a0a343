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

function isPracticeRecord(value: PracticeRecord): boolean {
  return (
    typeof value.problemId === 'string' &&
    (value.status === 'in-progress' || value.status === 'solved') &&
    typeof value.submits === 'number'
  );
}
