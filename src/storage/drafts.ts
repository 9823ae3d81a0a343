import { openRehearseDB, type DraftRecord } from './db';

export async function loadDraft(problemId: string): Promise<DraftRecord | undefined> {
  const record = await (await openRehearseDB()).get('drafts', problemId);
  // Restore defensively: a record that does not have the expected shape is treated as absent.
  if (!record || typeof record.code !== 'string' || typeof record.updatedAt !== 'number') return undefined;
  return record;
}

export async function saveDraft(problemId: string, code: string, now = Date.now()): Promise<void> {
  await (await openRehearseDB()).put('drafts', { problemId, code, updatedAt: now });
}

export async function deleteDraft(problemId: string): Promise<void> {
  await (await openRehearseDB()).delete('drafts', problemId);
}
