/**
 * Writes an imported session (already validated by core/bundle/parseBundle.ts, in the import worker) in
 * ONE readwrite transaction over every store a session lives in: the record, the event log in batches
 * (as parseBundle returns it: an older format's log already migrated, so it is stored in the current
 * shape; the bundle's files/ are not stored, the log replays to them), each audio segment as one finished
 * blob, the levels in batches, and the review. If any write fails (a
 * full disk, a session that appeared meanwhile) the transaction aborts and nothing of the import remains.
 *
 * It runs in the import worker (features/bundle/worker), so the log's events never exist on the page's
 * thread. IndexedDB serialises each value on the calling thread when the request is made, so requests
 * are made in slices of a few milliseconds of work, and between slices the thread is free while we wait
 * for the slice's last request (progress is reported then). Its success callback runs while the
 * transaction is still active, so every slice joins the same transaction, and one failure anywhere still
 * aborts all of it. Called on a page, the slicing keeps the page responsive too.
 */
import type { ReviewRecord } from '../core/records/types';
import type { SessionEvent } from '../core/session/types';
import type { SessionRecord } from '../core/records/types';
import type { IDBPTransaction, StoreNames } from 'idb';
import { openRehearseDB, sessionRange, type RehearseDB } from './db';
import { isQuotaError } from './quota';

export interface ImportableSession {
  session: SessionRecord;
  events: SessionEvent[];
  review: ReviewRecord | null;
  levels: { index: number; db: number[] }[];
  /** Each segment's recording, already a Blob (made in the worker, so the page never copies the bytes). */
  audio: { index: number; mimeType: string; blob: Blob }[];
}

/**
 * `new`: the session must not exist yet. `replace`: the existing session with that id (its log, audio,
 * levels and review) is deleted first, in the same transaction. `copy`: imported under a new id.
 */
export type ImportMode = 'new' | 'replace' | 'copy';

export interface ImportOptions {
  /** The id of a copy (default: a random UUID, as the recorder makes them). */
  newId?: () => string;
  /** Share of the writes made so far, 0 to 1. */
  onProgress?: (fraction: number) => void;
}

/** The same size of batch the recorder writes at most, so the replay reads an import like a recording. */
const EVENTS_PER_BATCH = 500;
/**
 * Level frames per stored batch (200 s at 50 ms). The recorder writes 10 per batch; one batch of a
 * 3-hour segment (216 000 frames) would be one huge value to serialise, and to spread when read back.
 */
const LEVEL_FRAMES_PER_BATCH = 4_000;
/** Main-thread work per slice of requests, well under the 50 ms at which a task counts as long. */
const SLICE_MS = 12;

const STORES: ('sessions' | 'sessionEvents' | 'audioChunks' | 'levels' | 'reviews')[] = [
  'sessions',
  'sessionEvents',
  'audioChunks',
  'levels',
  'reviews',
];

export class ImportWriteError extends Error {
  override readonly name = 'ImportWriteError';
  constructor(
    readonly reason: 'exists' | 'quota' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/** Any readwrite transaction over the database (an import's, or a full restore's over every store). */
export type WriteTx = IDBPTransaction<RehearseDB, ArrayLike<StoreNames<RehearseDB>>, 'readwrite'>;
/** One request to make, in order; made only when its slice comes. */
export type Write = (tx: WriteTx) => Promise<unknown>;

/** Every request of the import, in the order they are made. */
function plannedWrites(data: ImportableSession, record: SessionRecord, review: ReviewRecord | null, mode: ImportMode): Write[] {
  const id = record.id;
  const writes: Write[] = [];
  if (mode === 'replace') {
    writes.push(
      (tx) => tx.objectStore('sessions').delete(id),
      (tx) => tx.objectStore('sessionEvents').delete(sessionRange(id)),
      (tx) => tx.objectStore('audioChunks').delete(sessionRange(id)),
      (tx) => tx.objectStore('levels').delete(sessionRange(id)),
      (tx) => tx.objectStore('reviews').delete(id),
    );
  }
  // `add` fails if the id is taken (another tab recorded or imported it meanwhile), aborting everything.
  writes.push((tx) => (mode === 'replace' ? tx.objectStore('sessions').put(record) : tx.objectStore('sessions').add(record)));
  for (let seq = 0; seq * EVENTS_PER_BATCH < data.events.length; seq++) {
    writes.push((tx) =>
      tx
        .objectStore('sessionEvents')
        .put({ sessionId: id, seq, events: data.events.slice(seq * EVENTS_PER_BATCH, (seq + 1) * EVENTS_PER_BATCH) }),
    );
  }
  for (const a of data.audio) {
    const segment = record.audio?.segments.find((s) => s.index === a.index);
    const t = (segment?.startMs ?? 0) + (segment?.durationMs ?? 0);
    writes.push((tx) => tx.objectStore('audioChunks').put({ sessionId: id, segment: a.index, seq: 0, t, blob: a.blob, final: true }));
  }
  for (const l of data.levels) {
    for (let seq = 0; seq * LEVEL_FRAMES_PER_BATCH < l.db.length; seq++) {
      const startFrame = seq * LEVEL_FRAMES_PER_BATCH;
      writes.push((tx) =>
        tx
          .objectStore('levels')
          .put({ sessionId: id, segment: l.index, seq, startFrame, db: l.db.slice(startFrame, startFrame + LEVEL_FRAMES_PER_BATCH) }),
      );
    }
  }
  if (review) writes.push((tx) => tx.objectStore('reviews').put(review));
  return writes;
}

/** The session's record as it will be stored (a copy under a new id) and every request that writes it. */
export function sessionWrites(
  data: ImportableSession,
  mode: ImportMode,
  newId: () => string = () => crypto.randomUUID(),
): { id: string; writes: Write[] } {
  const id = mode === 'copy' ? newId() : data.session.id;
  const record: SessionRecord = { ...data.session, id };
  const review: ReviewRecord | null = data.review ? { ...data.review, sessionId: id } : null;
  return { id, writes: plannedWrites(data, record, review, mode) };
}

/** Writes the session; returns the id it was stored under (a new one for a copy). */
export async function importSession(data: ImportableSession, mode: ImportMode, options: ImportOptions = {}): Promise<string> {
  const { id, writes } = sessionWrites(data, mode, options.newId);
  const db = await openRehearseDB();
  try {
    await runSlicedWrites(db.transaction(STORES, 'readwrite'), writes, options.onProgress);
  } catch (e) {
    throw describeWriteError(e, mode);
  }
  return id;
}

/**
 * Makes `planned` requests on `tx` in slices of a few milliseconds (see the top of this file) and waits
 * for the transaction to commit. On any failure the transaction is aborted (nothing of it remains) and the
 * first error is rethrown.
 */
export async function runSlicedWrites(tx: WriteTx, planned: readonly Write[], onProgress?: (fraction: number) => void): Promise<void> {
  const made: Promise<unknown>[] = [];
  try {
    let next = 0;
    while (next < planned.length) {
      const sliceStart = performance.now();
      do made.push(planned[next++]!(tx));
      while (next < planned.length && performance.now() - sliceStart < SLICE_MS);
      onProgress?.(next / planned.length);
      // Hands the thread back until this slice is written; the transaction stays active for the next one.
      if (next < planned.length) await made[made.length - 1];
    }
    await Promise.all([...made, tx.done]);
  } catch (e) {
    // A request may also throw synchronously (a quota or clone error while the requests are being made):
    // the ones already made would then commit on their own, so the transaction is aborted explicitly.
    try {
      tx.abort();
    } catch {
      /* already aborted or finished */
    }
    // Every request of an aborted transaction rejects; those rejections are this one failure.
    for (const w of [...made, tx.done]) w.catch(() => undefined);
    throw e;
  }
}

function describeWriteError(e: unknown, mode: ImportMode): ImportWriteError {
  if (isQuotaError(e))
    return new ImportWriteError(
      'quota',
      'There is not enough storage space to import this session. Delete some old sessions and try again.',
    );
  if (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ConstraintError' && mode === 'new') {
    return new ImportWriteError(
      'exists',
      'This session already exists here (it was saved while the bundle was being checked). Import the bundle again to replace it or to keep both.',
    );
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new ImportWriteError('failed', `The session could not be saved (${detail}).`);
}
