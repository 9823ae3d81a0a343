/**
 * The bulky rows of every session, measured without keeping them: audio blobs (exact bytes) and levels
 * (JSON length). The library already reads each session's record, log and review for its other columns,
 * so it estimates those from what it has (core/library/sessionSize.ts) instead of reading them twice.
 */
import { jsonBytes } from '../core/library/sessionSize';
import { openRehearseDB } from './db';

export interface StoredBulk {
  audioBytes: number;
  levelsBytes: number;
}

function blobBytes(value: unknown): number {
  const blob = (value as { blob?: unknown } | null)?.blob;
  return blob instanceof Blob ? blob.size : 0;
}

/** Audio and level bytes per session id, read in one transaction with cursors (they are the bulk). */
export async function measureStoredBulk(): Promise<Map<string, StoredBulk>> {
  const db = await openRehearseDB();
  const tx = db.transaction(['audioChunks', 'levels'], 'readonly');
  const sizes = new Map<string, StoredBulk>();
  const add = (sessionId: unknown, audioBytes: number, levelsBytes: number) => {
    if (typeof sessionId !== 'string') return;
    const s = sizes.get(sessionId) ?? { audioBytes: 0, levelsBytes: 0 };
    s.audioBytes += audioBytes;
    s.levelsBytes += levelsBytes;
    sizes.set(sessionId, s);
  };
  const walk = async (store: 'audioChunks' | 'levels') => {
    for (let cursor = await tx.objectStore(store).openCursor(); cursor; cursor = await cursor.continue()) {
      const row = cursor.value as { sessionId?: unknown };
      if (store === 'audioChunks') add(row.sessionId, blobBytes(row), 0);
      else add(row.sessionId, 0, jsonBytes(row));
    }
  };
  await Promise.all([walk('audioChunks'), walk('levels'), tx.done]);
  return sizes;
}
