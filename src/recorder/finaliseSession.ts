/**
 * Finishing a session: every audio segment becomes one seekable blob (its WebM header given the
 * duration MediaRecorder never writes), the silences are detected over the stored levels of every
 * segment, and the record is saved as finished. Runs on Finish, for a live session and for an
 * interrupted one alike, reading only what is in IndexedDB. A session left interrupted is measured the
 * same way without being finished.
 */
import fixWebmDuration from 'fix-webm-duration';
import type { SessionRecord, SilenceInterval } from '../core/session/types';
import { loadSegmentAudio, loadSegmentLevels, replaceSegmentAudio } from '../storage/audio';
import { saveSession } from '../storage/sessions';
import { finishRecord, segmentDuration, setSegmentDuration, silencesInSessionTime } from './lifecycle';
import { detectSegmentSilences } from './liveSilence';

export async function finaliseSession(session: SessionRecord, now: number): Promise<SessionRecord> {
  const { record, silences } = await finaliseAudio(session);
  const finished = finishRecord(record, now, silences);
  await saveSession(finished);
  return finished;
}

/**
 * An interrupted session whose page is still alive (the user left the workspace): its audio is made
 * seekable and measured now, so the library and the replay show its real length and play it, while it
 * stays interrupted (and can be continued in a new segment).
 */
export async function measureInterruptedSession(session: SessionRecord): Promise<SessionRecord> {
  const { record, silences } = await finaliseAudio(session);
  const measured = { ...record, silences };
  await saveSession(measured);
  return measured;
}

async function finaliseAudio(session: SessionRecord): Promise<{ record: SessionRecord; silences: SilenceInterval[] }> {
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
  return { record, silences };
}
