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
