/**
 * Session records: one per recorded practice session (see core/session/types.ts). The event log, the
 * audio and the levels of a session live in their own stores (sessionLog.ts, audio.ts) and are deleted
 * together with the record.
 */
import type { SessionRecord } from '../core/records/types';
import { openRehearseDB, sessionRange } from './db';
import { restoreSessionRecord } from '../core/records/restore';

export async function saveSession(record: SessionRecord): Promise<void> {
  await (await openRehearseDB()).put('sessions', record);
}

export async function loadSession(id: string): Promise<SessionRecord | undefined> {
  return restoreSessionRecord(await (await openRehearseDB()).get('sessions', id)) ?? undefined;
}

/** Sessions of one problem (or all), newest first. Records that fail to restore are left out. */
export async function listSessions(problemId?: string): Promise<SessionRecord[]> {
  const db = await openRehearseDB();
  const raw = problemId === undefined ? await db.getAll('sessions') : await db.getAllFromIndex('sessions', 'byProblem', problemId);
  return raw
    .map(restoreSessionRecord)
    .filter((s): s is SessionRecord => s !== null)
    .sort((a, b) => b.startedAt - a.startedAt);
}

/** Deletes a session with its events, audio, levels and review, in one transaction (all or nothing). */
export async function deleteSession(id: string): Promise<void> {
  const db = await openRehearseDB();
  const tx = db.transaction(['sessions', 'sessionEvents', 'audioChunks', 'levels', 'reviews'], 'readwrite');
  await Promise.all([
    tx.objectStore('sessions').delete(id),
    tx.objectStore('sessionEvents').delete(sessionRange(id)),
    tx.objectStore('audioChunks').delete(sessionRange(id)),
    tx.objectStore('levels').delete(sessionRange(id)),
    tx.objectStore('reviews').delete(id),
    tx.done,
  ]);
}
