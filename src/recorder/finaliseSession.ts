/**
 * Finishing a session: every audio segment becomes one seekable blob (its WebM header given the
 * duration MediaRecorder never writes), the silences are detected over the stored levels of every
 * segment, and the record is saved as finished. Runs on Finish, for a live session and for an
 * interrupted one alike, reading only what is in IndexedDB. A session left interrupted is measured the
 * same way without being finished.
 *
 * Everything is on the audio's own timeline: the duration is read from the recorded blocks themselves
 * (`webmDurationMs`), and the level frames were stored in their place on the audio clock with the
 * frames lost under load left unknown, so the silences, the record, the header and the bundle agree.
 */
import fixWebmDuration from 'fix-webm-duration';
import { webmDurationMs } from '../core/audio/webmDuration';
import type { AudioSegmentInfo, SessionRecord, SilenceInterval } from '../core/session/types';
import type { StoredSegmentAudio } from '../storage/audio';
import { finishRecord, segmentDuration, setSegmentDuration, silencesInSessionTime } from './lifecycle';
import { detectSegmentSilences } from './liveSilence';
import type { FinaliseStorage } from './ports';

export async function finaliseSession(storage: FinaliseStorage, session: SessionRecord, now: number): Promise<SessionRecord> {
  const { record, silences } = await finaliseAudio(storage, session);
  const finished = finishRecord(record, now, silences);
  await storage.saveSession(finished);
  return finished;
}

/**
 * An interrupted session whose page is still alive (the user left the workspace): its audio is made
 * seekable and measured now, so the library and the replay show its real length and play it, while it
 * stays interrupted (and can be continued in a new segment).
 */
export async function measureInterruptedSession(storage: FinaliseStorage, session: SessionRecord): Promise<SessionRecord> {
  const { record, silences } = await finaliseAudio(storage, session);
  const measured = { ...record, silences };
  await storage.saveSession(measured);
  return measured;
}

async function finaliseAudio(
  storage: FinaliseStorage,
  session: SessionRecord,
): Promise<{ record: SessionRecord; silences: SilenceInterval[] }> {
  let record = session;
  const silences: SilenceInterval[] = [];
  for (const segment of session.audio?.segments ?? []) {
    const stored = await storage.loadSegmentAudio(session.id, segment.index, segment.mimeType);
    const levels = await storage.loadSegmentLevelFrames(session.id, segment.index);
    const durationMs =
      segment.durationMs ??
      (await audioDurationMs(segment, stored)) ??
      segmentDuration(segment, stored.lastChunkT, levels.db.length, session.levelFrameMs);
    record = setSegmentDuration(record, segment.index, durationMs);
    if (!stored.final && stored.chunks > 0) {
      // MediaRecorder's WebM has no duration, so players show ∞ and cannot seek; Ogg/MP4 are left as they are.
      const blob = isWebm(segment) ? await fixWebmDuration(stored.blob, durationMs, { logger: false }) : stored.blob;
      await storage.replaceSegmentAudio(session.id, segment.index, blob, stored.lastChunkT ?? segment.startMs);
    }
    silences.push(
      ...silencesInSessionTime(segment.startMs, segmentSilences(levels.voiceDb, durationMs, session.levelFrameMs, levels.periodicity)),
    );
  }
  return { record, silences };
}

/**
 * A segment's silences from its voice levels on the audio timeline, cut to the audio's length: frames past
 * its end (the worklet may outlive the recorder a little) are dropped, and a stretch at the end with no
 * frame stored (a crash lost the last batch) is unknown: it goes on with whatever came before it.
 */
export function segmentSilences(
  voiceDb: readonly (number | null)[],
  durationMs: number,
  frameMs: number,
  periodicity?: readonly (number | null)[],
): SilenceInterval[] {
  const frames = Math.ceil(durationMs / frameMs);
  const onTimeline = voiceDb.slice(0, frames);
  while (onTimeline.length < frames) onTimeline.push(null);
  return detectSegmentSilences(onTimeline, frameMs, periodicity?.slice(0, frames)).map((s) => ({
    startMs: s.startMs,
    endMs: Math.min(s.endMs, durationMs),
  }));
}

const isWebm = (segment: AudioSegmentInfo) => segment.mimeType.includes('webm');

/** The length of the recorded audio itself, or null when it cannot be read from the bytes. */
async function audioDurationMs(segment: AudioSegmentInfo, stored: StoredSegmentAudio): Promise<number | null> {
  if (!isWebm(segment) || stored.chunks === 0) return null;
  const ms = webmDurationMs(new Uint8Array(await stored.blob.arrayBuffer()));
  return ms !== null && ms > 0 ? ms : null;
}
