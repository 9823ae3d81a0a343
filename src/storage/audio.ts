/**
 * Recorded audio and loudness levels. Audio is stored chunk by chunk as MediaRecorder delivers it, so
 * a crash loses at most the chunk in flight; at Finish each segment is replaced by one blob whose WebM
 * header carries the duration (see recorder/audio/finaliseSegment.ts).
 */
import { openRehearseDB, segmentRange, sessionRange, type AudioChunkRecord, type LevelBatch } from './db';
import { restoreAudioChunk, restoreLevelBatch } from '../core/records/restore';
import { SILENCE_DB } from '../core/audio/levels';

export async function appendAudioChunk(chunk: AudioChunkRecord): Promise<void> {
  await (await openRehearseDB()).put('audioChunks', chunk);
}

export interface StoredSegmentAudio {
  /** The segment's bytes in order: a playable WebM (seekable once `final`). */
  blob: Blob;
  chunks: number;
  /** Session time of the last chunk's arrival, or null when nothing was stored. */
  lastChunkT: number | null;
  final: boolean;
}

export async function loadSegmentAudio(sessionId: string, segment: number, mimeType = 'audio/webm'): Promise<StoredSegmentAudio> {
  const rows = (await (await openRehearseDB()).getAll('audioChunks', segmentRange(sessionId, segment)))
    .map(restoreAudioChunk)
    .filter((c) => c !== null)
    .sort((a, b) => a.seq - b.seq);
  return {
    blob: new Blob(
      rows.map((r) => r.blob),
      { type: mimeType },
    ),
    chunks: rows.length,
    lastChunkT: rows.length ? rows[rows.length - 1]!.t : null,
    final: rows.length === 1 && rows[0]!.final === true,
  };
}

/** The next free chunk number of a segment (0 for a new one). */
export async function nextAudioSeq(sessionId: string, segment: number): Promise<number> {
  const db = await openRehearseDB();
  const cursor = await db.transaction('audioChunks').store.openKeyCursor(segmentRange(sessionId, segment), 'prev');
  return cursor ? cursor.key[2] + 1 : 0;
}

/**
 * Replaces a segment's chunks by one finished blob, in a single transaction: a crash leaves either the
 * old chunks or the new blob, never neither.
 */
export async function replaceSegmentAudio(sessionId: string, segment: number, blob: Blob, t: number): Promise<void> {
  const db = await openRehearseDB();
  const tx = db.transaction('audioChunks', 'readwrite');
  await Promise.all([
    tx.store.delete(segmentRange(sessionId, segment)),
    tx.store.put({ sessionId, segment, seq: 0, t, blob, final: true }),
    tx.done,
  ]);
}

/** Bytes of audio stored for a session (all segments). */
export async function sessionAudioBytes(sessionId: string): Promise<number> {
  const rows = await (await openRehearseDB()).getAll('audioChunks', sessionRange(sessionId));
  return rows.reduce((sum, r) => sum + (r.blob instanceof Blob ? r.blob.size : 0), 0);
}

export async function appendLevels(batch: LevelBatch): Promise<void> {
  await (await openRehearseDB()).put('levels', batch);
}

/** A segment's loudness per frame, in order, for the waveform; a gap (frames lost, or a crash) reads as silence. */
export async function loadSegmentLevels(sessionId: string, segment: number): Promise<number[]> {
  const batches = (await (await openRehearseDB()).getAll('levels', segmentRange(sessionId, segment)))
    .map(restoreLevelBatch)
    .filter((b) => b !== null)
    .sort((a, b) => a.startFrame - b.startFrame);
  const out: number[] = [];
  for (const b of batches) {
    while (out.length < b.startFrame) out.push(SILENCE_DB);
    out.length = b.startFrame;
    out.push(...b.db);
  }
  return out;
}

/**
 * A segment's frames on its audio timeline for analysis: `null` where no frame is stored (lost under load,
 * or a batch a crash never wrote), never filled in. `voiceDb` falls back to `db` for batches written before
 * voice levels existed; `periodicity` is null there (no gate).
 */
export async function loadSegmentLevelFrames(
  sessionId: string,
  segment: number,
): Promise<{ db: (number | null)[]; voiceDb: (number | null)[]; periodicity: (number | null)[] }> {
  const batches = (await (await openRehearseDB()).getAll('levels', segmentRange(sessionId, segment)))
    .map(restoreLevelBatch)
    .filter((b) => b !== null)
    .sort((a, b) => a.startFrame - b.startFrame);
  const length = batches.reduce((max, b) => Math.max(max, b.startFrame + b.db.length), 0);
  const db = new Array<number | null>(length).fill(null);
  const voiceDb = new Array<number | null>(length).fill(null);
  const periodicity = new Array<number | null>(length).fill(null);
  for (const b of batches) {
    b.db.forEach((x, i) => (db[b.startFrame + i] = x));
    (b.voiceDb ?? b.db).forEach((x, i) => (voiceDb[b.startFrame + i] = x));
    b.periodicity?.forEach((x, i) => (periodicity[b.startFrame + i] = x));
  }
  return { db, voiceDb, periodicity };
}

export async function nextLevelSeq(sessionId: string, segment: number): Promise<number> {
  const db = await openRehearseDB();
  const cursor = await db.transaction('levels').store.openKeyCursor(segmentRange(sessionId, segment), 'prev');
  return cursor ? cursor.key[2] + 1 : 0;
}
