/**
 * The attempt history (database version 4): each attempt a New attempt replaced, with its code and notes.
 * Starting a new attempt is one transaction: the finished attempt is added, the practice record starts
 * over and the drafts return to the starter, so a crash cannot leave the code gone and the history without it.
 */
import type { AttemptRecord } from '../core/records/types';
import { isAttemptRecord } from '../core/records/restoreAttempt';
import { openRehearseDB, type PracticeRecord } from './db';
import { draftKey, type DraftFile } from './drafts';

export async function listAttempts(problemId: string): Promise<AttemptRecord[]> {
  const db = await openRehearseDB();
  const rows = await db.getAll('attempts', IDBKeyRange.bound([problemId], [problemId, []]));
  return rows.filter(isAttemptRecord).sort((a, b) => a.number - b.number);
}

export async function listAllAttempts(): Promise<AttemptRecord[]> {
  const rows = await (await openRehearseDB()).getAll('attempts');
  return rows.filter(isAttemptRecord);
}

/** Archives `finished`, writes the next attempt's practice record and resets the drafts, all or nothing. */
export async function startNewAttempt(input: {
  /** Null when the attempt being replaced had nothing in it worth keeping. */
  finished: AttemptRecord | null;
  next: PracticeRecord;
  drafts: { file: DraftFile; text: string }[];
  now?: number;
}): Promise<void> {
  const db = await openRehearseDB();
  const tx = db.transaction(['attempts', 'practice', 'drafts'], 'readwrite');
  const now = input.now ?? Date.now();
  await Promise.all([
    ...(input.finished ? [tx.objectStore('attempts').put(input.finished)] : []),
    tx.objectStore('practice').put(input.next),
    ...input.drafts.map((d) =>
      tx.objectStore('drafts').put({ problemId: draftKey(input.next.problemId, d.file), code: d.text, updatedAt: now }),
    ),
    tx.done,
  ]);
}
