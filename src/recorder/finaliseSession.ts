/**
 * Finishing a session: every audio segment becomes one seekable blob (its WebM header given the
 * duration MediaRecorder never writes), the silences are detected over the stored levels of every
 * segment, and the record is saved as finished. Runs on Finish, for a live session and for an
 * interrupted one alike, reading only what is in IndexedDB.
 */
import fixWebmDuration from 'fix-webm-duration';
import type { SessionRecord, SilenceInterval } from '../core/session/types';
import { loadSegmentAudio, loadSegmentLevels, replaceSegmentAudio } from '../storage/audio';
import { saveSession } from '../storage/sessions';
import { finishRecord, segmentDuration, setSegmentDuration, silencesInSessionTime } from './lifecycle';
import { detectSegmentSilences } from './liveSilence';

export async function finaliseSession(session: SessionRecord, now: number): Promise<SessionRecord> {
  let record = session;
  const silences: SilenceInterval[] = [];
  for (const segment of session.audio?.segments ?? []) {
    const stored = await loadSegmentAudio(session.id, segment.index, segment.mimeType);
    const levels = await loadSegmentLevels(session.id, segment.index);
    const durationMs = segment.durationMs ?? segmentDuration(segment, stored.lastChunkT, levels.length, session.levelFrameMs);
    record = setSegmentDuration(record, segment.index, durationMs);
    if (!stored.final && stored.chunks > 0) {
      // MediaRecorder's WebM has no duration, so players show ∞ and cannot seek; Ogg/MP4 are left as they are.
      const blob = segment.mimeType.includes('webm') ? await fixWebmDuration(stored.blob, durationMs, { logger: false }) : stored.blob;
      await replaceSegmentAudio(session.id, segment.index, blob, stored.lastChunkT ?? segment.startMs);
    }
    // Frames past the audio's end (the worklet may outlive the recorder by a frame or two) are dropped.
    const frames = Math.min(levels.length, Math.ceil(durationMs / session.levelFrameMs));
    silences.push(...silencesInSessionTime(segment.startMs, detectSegmentSilences(levels.slice(0, frames), session.levelFrameMs)));
  }
  record = finishRecord(record, now, silences);
  await saveSession(record);
  return record;
}
