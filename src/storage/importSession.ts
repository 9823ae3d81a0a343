/**
 * Writes an imported session (already validated by core/bundle/parseBundle.ts) in ONE readwrite
 * transaction over every store a session lives in: the record, the event log in batches, each audio
 * segment as one finished blob, the levels, and the review. If any write fails (a full disk, a session
 * that appeared meanwhile) the transaction aborts and nothing of the import remains.
 */
import type { ReviewRecord } from '../core/review/types';
import type { SessionEvent, SessionRecord } from '../core/session/types';
import { openRehearseDB, sessionRange } from './db';
import { isQuotaError } from './quota';

export interface ImportableSession {
  session: SessionRecord;
  events: SessionEvent[];
  review: ReviewRecord | null;
  levels: { index: number; db: number[] }[];
  audio: { index: number; mimeType: string; bytes: Uint8Array }[];
}

/**
 * `new`: the session must not exist yet. `replace`: the existing session with that id (its log, audio,
 * levels and review) is deleted first, in the same transaction. `copy`: imported under a new id.
 */
export type ImportMode = 'new' | 'replace' | 'copy';

/** The same size of batch the recorder writes at most, so the replay reads an import like a recording. */
const EVENTS_PER_BATCH = 500;

const STORES = ['sessions', 'sessionEvents', 'audioChunks', 'levels', 'reviews'] as const;

export class ImportWriteError extends Error {
  override readonly name = 'ImportWriteError';
  constructor(
    readonly reason: 'exists' | 'quota' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

export async function sessionExists(sessionId: string): Promise<boolean> {
  return (await (await openRehearseDB()).getKey('sessions', sessionId)) !== undefined;
}

/** Writes the session; returns the id it was stored under (a new one for a copy). */
export async function importSession(data: ImportableSession, mode: ImportMode, newId: () => string = () => crypto.randomUUID()): Promise<string> {
  const id = mode === 'copy' ? newId() : data.session.id;
  const record: SessionRecord = { ...data.session, id };
  const review: ReviewRecord | null = data.review ? { ...data.review, sessionId: id } : null;
  const db = await openRehearseDB();
  const tx = db.transaction([...STORES], 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    if (mode === 'replace') {
      writes.push(
        tx.objectStore('sessions').delete(id),
        tx.objectStore('sessionEvents').delete(sessionRange(id)),
        tx.objectStore('audioChunks').delete(sessionRange(id)),
        tx.objectStore('levels').delete(sessionRange(id)),
        tx.objectStore('reviews').delete(id),
      );
    }
    // `add` fails if the id is taken (another tab recorded or imported it meanwhile), aborting everything.
    writes.push(mode === 'replace' ? tx.objectStore('sessions').put(record) : tx.objectStore('sessions').add(record));
    for (let seq = 0; seq * EVENTS_PER_BATCH < data.events.length; seq++) {
      writes.push(tx.objectStore('sessionEvents').put({ sessionId: id, seq, events: data.events.slice(seq * EVENTS_PER_BATCH, (seq + 1) * EVENTS_PER_BATCH) }));
    }
    for (const a of data.audio) {
      const segment = record.audio?.segments.find((s) => s.index === a.index);
      const t = (segment?.startMs ?? 0) + (segment?.durationMs ?? 0);
      writes.push(tx.objectStore('audioChunks').put({ sessionId: id, segment: a.index, seq: 0, t, blob: new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.mimeType }), final: true }));
    }
    for (const l of data.levels) writes.push(tx.objectStore('levels').put({ sessionId: id, segment: l.index, seq: 0, startFrame: 0, db: l.db }));
    if (review) writes.push(tx.objectStore('reviews').put(review));
    writes.push(tx.done);
    await Promise.all(writes);
  } catch (e) {
    // A request may also throw synchronously (a quota or clone error while the requests are being made):
    // the ones already made would then commit on their own, so the transaction is aborted explicitly.
    try {
      tx.abort();
    } catch {
      /* already aborted or finished */
    }
    // Every request of an aborted transaction rejects; those rejections are this one failure.
    for (const w of [...writes, tx.done]) w.catch(() => undefined);
    throw describeWriteError(e, mode);
  }
  return id;
}

function describeWriteError(e: unknown, mode: ImportMode): ImportWriteError {
  if (isQuotaError(e)) return new ImportWriteError('quota', 'There is not enough storage space to import this session. Delete some old sessions and try again.');
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ConstraintError' && mode === 'new') {
    return new ImportWriteError('exists', 'This session already exists here (it was saved while the bundle was being checked). Import the bundle again to replace it or to keep both.');
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new ImportWriteError('failed', `The session could not be saved (${detail}).`);
}
