/**
 * How much space each recorded session takes: audio is counted exactly (blob sizes), the event log, the
 * levels, the record and the review are estimated by the length of their JSON text (IndexedDB's own
 * encoding is close to it for this data; the browser does not say per record). All stores are read in
 * one transaction, so the figures describe one consistent moment.
 */
import { openRehearseDB } from './db';

export interface SessionStorageSize {
  audioBytes: number;
  /** Event log, levels, the session record and its review (estimated). */
  dataBytes: number;
  totalBytes: number;
}

/** Characters of JSON: a close stand-in for bytes with this mostly-ASCII data. */
function jsonBytes(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    return 0;
  }
}

function blobBytes(value: unknown): number {
  const blob = (value as { blob?: unknown } | null)?.blob;
  return blob instanceof Blob ? blob.size : 0;
}

/** Every session's size, keyed by session id (sessions with no record but leftover rows are included). */
export async function measureSessionStorage(): Promise<Map<string, SessionStorageSize>> {
  const db = await openRehearseDB();
  const tx = db.transaction(['sessions', 'sessionEvents', 'audioChunks', 'levels', 'reviews'], 'readonly');
  const sizes = new Map<string, { audio: number; data: number }>();
  const add = (sessionId: unknown, audio: number, data: number) => {
    if (typeof sessionId !== 'string') return;
    const s = sizes.get(sessionId) ?? { audio: 0, data: 0 };
    s.audio += audio;
    s.data += data;
    sizes.set(sessionId, s);
  };
  // Audio and levels are the bulk: walk them with cursors instead of holding every row in one array.
  const walk = async (store: 'sessionEvents' | 'audioChunks' | 'levels') => {
    for (let cursor = await tx.objectStore(store).openCursor(); cursor; cursor = await cursor.continue()) {
      const row = cursor.value as { sessionId?: unknown };
      if (store === 'audioChunks') add(row.sessionId, blobBytes(row), 0);
      else add(row.sessionId, 0, jsonBytes(row));
    }
  };
  const [sessions, reviews] = await Promise.all([
    tx.objectStore('sessions').getAll(),
    tx.objectStore('reviews').getAll(),
    walk('sessionEvents'),
    walk('audioChunks'),
    walk('levels'),
  ]);
  for (const s of sessions) add((s as { id?: unknown }).id, 0, jsonBytes(s));
  for (const r of reviews) add((r as { sessionId?: unknown }).sessionId, 0, jsonBytes(r));
  await tx.done;
  return new Map([...sizes].map(([id, s]) => [id, { audioBytes: s.audio, dataBytes: s.data, totalBytes: s.audio + s.data }]));
}

