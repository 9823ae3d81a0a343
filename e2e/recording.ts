/**
 * Reads what the recorder stored, straight from the page's IndexedDB (the way the replay will read it),
 * and checks the audio with the browser's own decoder. No app internals: only the documented schema
 * (src/storage/db.ts, version 2).
 */
import type { Page } from '@playwright/test';
import type { SessionEvent, SessionRecord } from '../src/core/session/types';

/** Source text run in the page: opens the database and returns one store's rows of a session (or all rows). */
const READ_ROWS = `(async ([store, sessionId]) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('rehearse');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const rows = await new Promise((resolve, reject) => {
    const range = sessionId === null ? undefined : IDBKeyRange.bound([sessionId], [sessionId, []]);
    const req = db.transaction(store).objectStore(store).getAll(range);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return rows;
})`;

export async function storedSessions(page: Page): Promise<SessionRecord[]> {
  const rows = (await page.evaluate(`${READ_ROWS}(['sessions', null])`)) as SessionRecord[];
  return rows.sort((a, b) => b.startedAt - a.startedAt);
}

export async function newestSession(page: Page): Promise<SessionRecord> {
  const [session] = await storedSessions(page);
  if (!session) throw new Error('no session stored');
  return session;
}

export async function storedEvents(page: Page, sessionId: string): Promise<SessionEvent[]> {
  const batches = (await page.evaluate(`${READ_ROWS}(['sessionEvents', ${JSON.stringify(sessionId)}])`)) as {
    seq: number;
    events: SessionEvent[];
  }[];
  return batches.sort((a, b) => a.seq - b.seq).flatMap((b) => b.events);
}

/** The level batches stored for a session (src/storage/db.ts LevelBatch). */
export async function storedLevelBatches(page: Page, sessionId: string): Promise<unknown[]> {
  return (await page.evaluate(`${READ_ROWS}(['levels', ${JSON.stringify(sessionId)}])`)) as unknown[];
}

/** A segment's stored audio as one Blob in the page, exposed as window.__segmentBlob for the checks below. */
async function loadSegmentBlob(page: Page, sessionId: string, segment: number): Promise<{ chunks: number; bytes: number; type: string }> {
  return (await page.evaluate(`(async () => {
    const rows = (await ${READ_ROWS}(['audioChunks', ${JSON.stringify(sessionId)}]))
      .filter((r) => r.segment === ${segment})
      .sort((a, b) => a.seq - b.seq);
    window.__segmentBlob = new Blob(rows.map((r) => r.blob), { type: rows[0] ? rows[0].blob.type : 'audio/webm' });
    return { chunks: rows.length, bytes: window.__segmentBlob.size, type: window.__segmentBlob.type };
  })()`)) as { chunks: number; bytes: number; type: string };
}

export interface SegmentCheck {
  chunks: number;
  bytes: number;
  /** Seconds of audio decoded by decodeAudioData (the real length, whatever the header says). */
  decodedS: number;
  /** What an <audio> element reports after loading the metadata (Infinity without a duration header). */
  elementDurationS: number;
  /** Where a seek to the middle landed, or null when the element could not seek. */
  seekedToS: number | null;
  base64: string;
}

/** Decodes a stored segment, plays its metadata in an <audio> element and seeks it to the middle. */
export async function checkSegment(page: Page, sessionId: string, segment: number): Promise<SegmentCheck> {
  const { chunks, bytes } = await loadSegmentBlob(page, sessionId, segment);
  const result = (await page.evaluate(`(async () => {
    const blob = window.__segmentBlob;
    const context = new OfflineAudioContext(1, 1, 48000);
    const decoded = await context.decodeAudioData(await blob.arrayBuffer());
    const audio = new Audio();
    audio.preload = 'auto';
    audio.src = URL.createObjectURL(blob);
    await new Promise((resolve, reject) => { audio.onloadedmetadata = resolve; audio.onerror = () => reject(new Error('audio element could not load the segment')); });
    const elementDurationS = audio.duration;
    let seekedToS = null;
    if (Number.isFinite(elementDurationS)) {
      const target = decoded.duration / 2;
      seekedToS = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve(null), 5000);
        audio.onseeked = () => { clearTimeout(timer); resolve(audio.currentTime); };
        audio.currentTime = target;
      });
    }
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { decodedS: decoded.duration, elementDurationS, seekedToS, base64: btoa(binary) };
  })()`)) as Omit<SegmentCheck, 'chunks' | 'bytes'>;
  return { chunks, bytes, ...result };
}

export interface Interval {
  startMs: number;
  endMs: number;
}

/**
 * What the silences of a recording must be, in file time: the fixture's silences repeated every `fileMs`
 * (Chromium loops the file, and a busy machine can run past its end), merged with the stretches the
 * microphone was muted (digital silence), keeping those of 1.5 s or more.
 */
export function expectedSilences(
  fileSilences: readonly Interval[],
  fileMs: number,
  untilMs: number,
  mutes: readonly Interval[] = [],
): Interval[] {
  const all: Interval[] = [...mutes];
  for (let k = 0; k * fileMs < untilMs; k++)
    all.push(...fileSilences.map((s) => ({ startMs: s.startMs + k * fileMs, endMs: s.endMs + k * fileMs })));
  all.sort((a, b) => a.startMs - b.startMs);
  const merged: Interval[] = [];
  for (const s of all) {
    const last = merged[merged.length - 1];
    if (last && s.startMs <= last.endMs + 100) last.endMs = Math.max(last.endMs, s.endMs);
    else merged.push({ ...s });
  }
  return merged.filter((s) => s.endMs - s.startMs >= 1_500 && s.startMs < untilMs);
}

export interface SilenceComparison {
  /** Pairs of (true, found), in order. */
  pairs: { truth: Interval; found: Interval }[];
  /** Found silences that overlap no true one. */
  phantoms: Interval[];
  /** True silences found in more than one piece, or not at all. */
  splitOrMissed: Interval[];
  worstBoundaryMs: number;
  totalErrorMs: number;
}

/**
 * Pairs found and true silences by overlap, up to `cutMs` (the end of the recording in file time): a
 * silence still open there is closed by End session, not by the voice, so only the ones that ended at
 * least 0.6 s before it are judged.
 */
export function compareSilences(found: readonly Interval[], truth: readonly Interval[], cutMs: number): SilenceComparison {
  const judged = truth.filter((t) => t.endMs <= cutMs - 600);
  const overlaps = (a: Interval, b: Interval) => Math.min(a.endMs, b.endMs) - Math.max(a.startMs, b.startMs) > 0;
  const pairs: SilenceComparison['pairs'] = [];
  const splitOrMissed: Interval[] = [];
  for (const t of judged) {
    const matches = found.filter((f) => overlaps(f, t));
    if (matches.length === 1) pairs.push({ truth: t, found: matches[0]! });
    else splitOrMissed.push(t);
  }
  const phantoms = found.filter((f) => f.endMs <= cutMs - 600 && !truth.some((t) => overlaps(f, t)));
  const errors = pairs.flatMap(({ truth: t, found: f }) => [Math.abs(f.startMs - t.startMs), Math.abs(f.endMs - t.endMs)]);
  const totalErrorMs = pairs.reduce((sum, { truth: t, found: f }) => sum + (f.endMs - f.startMs) - (t.endMs - t.startMs), 0);
  return { pairs, phantoms, splitOrMissed, worstBoundaryMs: errors.length ? Math.max(...errors) : 0, totalErrorMs };
}

/** Log energy of each 10 ms of 8 kHz mono samples, dB, floored 60 dB under the loudest window. */
function envelopeDb(samples: Float32Array): Float64Array {
  const out = new Float64Array(Math.floor(samples.length / 80));
  for (let w = 0; w < out.length; w++) {
    let sum = 0;
    for (let i = w * 80; i < (w + 1) * 80; i++) sum += samples[i]! * samples[i]!;
    out[w] = 10 * Math.log10(sum / 80 + 1e-12);
  }
  const top = Math.max(...out);
  return out.map((x) => Math.max(x, top - 60));
}

/**
 * Where the fixture file was when the recording began, ms (file time = recording time + offset): the lag
 * that best lines up the two loudness envelopes (10 ms steps), searched over 0…maxMs of the file. This is
 * the audio itself, so the check does not depend on when the page thinks the file started playing.
 */
export function fileOffsetOfRecording(recording8k: Float32Array, file8k: Float32Array, maxMs = 4_000): number {
  const rec = envelopeDb(recording8k);
  const file = envelopeDb(file8k);
  let best = { lag: 0, score: -Infinity };
  for (let lag = 0; lag <= maxMs / 10; lag++) {
    const n = Math.min(rec.length, file.length - lag);
    if (n < 200) break;
    let ma = 0;
    let mb = 0;
    for (let i = 0; i < n; i++) {
      ma += rec[i]!;
      mb += file[i + lag]!;
    }
    ma /= n;
    mb /= n;
    let cross = 0;
    let va = 0;
    let vb = 0;
    for (let i = 0; i < n; i++) {
      const a = rec[i]! - ma;
      const b = file[i + lag]! - mb;
      cross += a * b;
      va += a * a;
      vb += b * b;
    }
    const score = cross / Math.sqrt(va * vb);
    if (score > best.score) best = { lag, score };
  }
  return best.lag * 10;
}
