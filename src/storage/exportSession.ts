/**
 * Everything a session bundle needs, read from IndexedDB through the usual typed loaders (so it passes
 * the same restore guards and migrations as the replay): the record (with its language and chosen
 * features), the event log (a Python session's log from before projects already names its code
 * 'solution.py', so core/bundle writes it as the current format's files/solution.py), the review, and per
 * audio segment its stored audio and levels. The final files are not stored: the bundle replays the log.
 */
import type { ReviewRecord } from '../core/records/types';
import type { SessionEvent } from '../core/session/types';
import type { SessionRecord } from '../core/records/types';
import { loadSegmentAudio, loadSegmentLevels } from './audio';
import { loadReview } from './reviews';
import { loadSessionEvents } from './sessionLog';
import { loadSession } from './sessions';

export interface StoredSessionForExport {
  session: SessionRecord;
  events: SessionEvent[];
  review: ReviewRecord | null;
  levels: { index: number; db: number[] }[];
  /** Segments with audio stored (a segment whose tab died before its first chunk has none). */
  audio: { index: number; mimeType: string; blob: Blob }[];
}

/** Null when there is no such session. */
export async function loadSessionForExport(sessionId: string): Promise<StoredSessionForExport | null> {
  const session = await loadSession(sessionId);
  if (!session) return null;
  const [events, review] = await Promise.all([loadSessionEvents(sessionId), loadReview(sessionId)]);
  const levels: StoredSessionForExport['levels'] = [];
  const audio: StoredSessionForExport['audio'] = [];
  for (const segment of session.audio?.segments ?? []) {
    const [stored, db] = await Promise.all([
      loadSegmentAudio(sessionId, segment.index, segment.mimeType),
      loadSegmentLevels(sessionId, segment.index),
    ]);
    if (stored.chunks > 0) audio.push({ index: segment.index, mimeType: segment.mimeType, blob: stored.blob });
    if (db.length > 0) levels.push({ index: segment.index, db });
  }
  return { session, events, review: review ?? null, levels, audio };
}
