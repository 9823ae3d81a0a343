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
  const batches = (await page.evaluate(`${READ_ROWS}(['sessionEvents', ${JSON.stringify(sessionId)}])`)) as { seq: number; events: SessionEvent[] }[];
  return batches.sort((a, b) => a.seq - b.seq).flatMap((b) => b.events);
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
export function expectedSilences(fileSilences: readonly Interval[], fileMs: number, untilMs: number, mutes: readonly Interval[] = []): Interval[] {
  const all: Interval[] = [...mutes];
  for (let k = 0; k * fileMs < untilMs; k++) all.push(...fileSilences.map((s) => ({ startMs: s.startMs + k * fileMs, endMs: s.endMs + k * fileMs })));
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
