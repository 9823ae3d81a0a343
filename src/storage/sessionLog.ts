/**
 * The event log of a session, written in batches (one per flush of the recorder's buffer, at least
 * once a second) and read back in order.
 */
import type { SessionEvent } from '../core/session/types';
import { openRehearseDB, sessionRange } from './db';
import { pythonCodeOfOldLog } from '../core/records/migrations';
import { restoreEventBatch, restoreSessionRecord } from '../core/records/restore';

export async function appendSessionEvents(sessionId: string, seq: number, events: SessionEvent[]): Promise<void> {
  await (await openRehearseDB()).put('sessionEvents', { sessionId, seq, events });
}

/**
 * The whole log in the order it was written; malformed events are dropped (see restoreEvent.ts), and a
 * Python session's log from before projects names its code 'solution.py' as it is read (pythonCodeOfOldLog).
 */
export async function loadSessionEvents(sessionId: string): Promise<SessionEvent[]> {
  const tx = (await openRehearseDB()).transaction(['sessions', 'sessionEvents']);
  const [record, batches] = await Promise.all([
    tx.objectStore('sessions').get(sessionId),
    tx.objectStore('sessionEvents').getAll(sessionRange(sessionId)),
  ]);
  const events = batches
    .map(restoreEventBatch)
    .filter((b) => b !== null)
    .sort((a, b) => a.seq - b.seq)
    .flatMap((b) => b.events);
  return pythonCodeOfOldLog({ language: restoreSessionRecord(record)?.language }, events);
}

/** The next free batch number, so a resumed session appends after what the interrupted tab wrote. */
export async function nextEventSeq(sessionId: string): Promise<number> {
  const db = await openRehearseDB();
  const cursor = await db.transaction('sessionEvents').store.openKeyCursor(sessionRange(sessionId), 'prev');
  return cursor ? cursor.key[1] + 1 : 0;
}
