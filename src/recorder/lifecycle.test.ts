import { describe, expect, it } from 'vitest';
import {
  addAudioSegment,
  classifyMicrophoneError,
  durationFromChunks,
  findUnfinished,
  finishRecord,
  markInterrupted,
  newSessionRecord,
  pickMimeType,
  resumeRecord,
  sessionTime,
  segmentDuration,
  setSegmentDuration,
  shouldNudge,
  silencesInSessionTime,
  totalSilenceMs,
  withAudioOff,
} from './lifecycle';

const fresh = () =>
  newSessionRecord({
    id: 's1',
    problemId: 'p',
    protocolId: 'coding-45',
    phases: [],
    now: 10_000,
    silenceThresholdMs: 30_000,
    levelFrameMs: 50,
  });

describe('session lifecycle', () => {
  it('starts recording, without audio until the microphone is granted', () => {
    const r = fresh();
    expect(r).toMatchObject({ status: 'recording', audio: null, audioOffReason: null, startedAt: 10_000, endedAt: null, silences: [] });
    expect(sessionTime(r, 12_500)).toBe(2_500);
    expect(sessionTime(r, 9_000)).toBe(0);
  });

  it('numbers audio segments in order, each with its start in session time', () => {
    const a = addAudioSegment(fresh(), 'audio/webm;codecs=opus', 150);
    expect(a.segment).toBe(0);
    const b = addAudioSegment(markInterrupted(a.record), 'audio/webm;codecs=opus', 60_000);
    expect(b.segment).toBe(1);
    expect(b.record.audio?.segments.map((s) => [s.index, s.startMs, s.durationMs])).toEqual([
      [0, 150, null],
      [1, 60_000, null],
    ]);
  });

  it('keeps recorded segments when the audio stops for lack of space', () => {
    const { record } = addAudioSegment(fresh(), 'audio/webm', 0);
    const full = withAudioOff(record, 'quota');
    expect(full.audio?.segments).toHaveLength(1);
    expect(full.audioOffReason).toBe('quota');
  });

  it('marks only a recording session interrupted, and resumes it', () => {
    const r = fresh();
    const i = markInterrupted(r);
    expect(i.status).toBe('interrupted');
    expect(markInterrupted(finishRecord(r, 20_000, []))).toMatchObject({ status: 'finished' });
    expect(resumeRecord(i).status).toBe('recording');
  });

  it('offers the newest unfinished session of the problem', () => {
    const older = { ...fresh(), id: 'old', startedAt: 1 };
    const newer = { ...fresh(), id: 'new', startedAt: 2, status: 'interrupted' as const };
    const done = { ...fresh(), id: 'done', startedAt: 3, status: 'finished' as const };
    const other = { ...fresh(), id: 'other', problemId: 'q', startedAt: 4 };
    expect(findUnfinished([older, newer, done, other], 'p')?.id).toBe('new');
    expect(findUnfinished([done, other], 'p')).toBeNull();
  });

  it('finishes with the end time, the silences and segment durations', () => {
    const { record } = addAudioSegment(fresh(), 'audio/webm', 200);
    const withDuration = setSegmentDuration(record, 0, 5_000.4);
    const f = finishRecord(withDuration, 15_000, [{ startMs: 1, endMs: 2 }]);
    expect(f).toMatchObject({ status: 'finished', endedAt: 15_000, silences: [{ startMs: 1, endMs: 2 }] });
    expect(f.audio?.segments[0]?.durationMs).toBe(5_000);
  });

  it('takes a cut-off segment’s duration from its last chunk', () => {
    const seg = { index: 0, mimeType: 'audio/webm', startMs: 300, durationMs: null };
    expect(durationFromChunks(seg, 4_300)).toBe(4_000);
    expect(durationFromChunks(seg, null)).toBe(0);
  });

  it('prefers the level frames for a segment’s duration, unless they stop early', () => {
    const seg = { index: 0, mimeType: 'audio/webm', startMs: 300, durationMs: null };
    expect(segmentDuration(seg, 10_500, 199, 50)).toBe(9_950);
    expect(segmentDuration(seg, 10_500, 100, 50)).toBe(10_200);
    expect(segmentDuration(seg, null, 0, 50)).toBe(0);
  });

  it('places segment silences in session time and adds them up', () => {
    const s = silencesInSessionTime(60_000, [
      { startMs: 1_000, endMs: 3_000 },
      { startMs: 5_000, endMs: 17_000 },
    ]);
    expect(s).toEqual([
      { startMs: 61_000, endMs: 63_000 },
      { startMs: 65_000, endMs: 77_000 },
    ]);
    expect(totalSilenceMs(s)).toBe(14_000);
  });
});

describe('microphone', () => {
  it('classifies getUserMedia failures', () => {
    expect(classifyMicrophoneError(new DOMException('x', 'NotAllowedError'))).toBe('denied');
    expect(classifyMicrophoneError(new DOMException('x', 'NotFoundError'))).toBe('no-device');
    expect(classifyMicrophoneError(new DOMException('x', 'NotReadableError'))).toBe('no-device');
    expect(classifyMicrophoneError(new Error('?'))).toBe('unsupported');
  });

  it('prefers Opus in WebM, falls back to Ogg or MP4, or gives up', () => {
    expect(pickMimeType(() => true)).toBe('audio/webm;codecs=opus');
    expect(pickMimeType((t) => t === 'audio/mp4;codecs=opus')).toBe('audio/mp4;codecs=opus');
    expect(pickMimeType(() => false)).toBeNull();
  });
});

describe('shouldNudge', () => {
  const base = { silenceMs: 31_000, thresholdMs: 30_000, timerRunning: true, micLive: true, nudgedThisSilence: false };
  it('nudges once per silence, only past the threshold while the timer runs and the microphone is live', () => {
    expect(shouldNudge(base)).toBe(true);
    expect(shouldNudge({ ...base, silenceMs: 29_999 })).toBe(false);
    expect(shouldNudge({ ...base, timerRunning: false })).toBe(false);
    expect(shouldNudge({ ...base, micLive: false })).toBe(false);
    expect(shouldNudge({ ...base, nudgedThisSilence: true })).toBe(false);
  });
});
