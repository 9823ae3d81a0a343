/**
 * The session lifecycle as pure functions over SessionRecord: create, add an audio segment, mark
 * interrupted, finish. The engine (sessionEngine.ts) calls these and persists the result; keeping the
 * rules here lets them be unit-tested without a browser.
 */
import type { Language } from '../core/problems/language';
import type { PhasePlan } from '../core/timer/protocols';
import type { AudioSegmentInfo, SessionRecord, SilenceInterval } from '../core/session/types';

export type AudioOffReason = NonNullable<SessionRecord['audioOffReason']>;

export function newSessionRecord(input: {
  id: string;
  problemId: string;
  protocolId: string;
  phases: PhasePlan[];
  now: number;
  silenceThresholdMs: number;
  levelFrameMs: number;
  language?: Language;
  features?: string[];
}): SessionRecord {
  return {
    id: input.id,
    problemId: input.problemId,
    protocolId: input.protocolId,
    // The plan only: a phase's timed steps are the timer's display, not part of the session's record (bundles refuse unknown fields).
    phases: input.phases.map(({ id, name, minutes, goal }) => ({ id, name, minutes, goal })),
    startedAt: input.now,
    endedAt: null,
    status: 'recording',
    // No audio until the microphone is granted; `audioOffReason` stays null while we wait.
    audio: null,
    audioOffReason: null,
    silenceThresholdMs: input.silenceThresholdMs,
    levelFrameMs: input.levelFrameMs,
    silences: [],
    ...(input.language ? { language: input.language } : {}),
    ...(input.features ? { features: [...input.features] } : {}),
  };
}

/** Session time: ms since the session started (wall clock, so a reload's gap shows as a gap). */
export function sessionTime(record: SessionRecord, now: number): number {
  return Math.max(0, now - record.startedAt);
}

/** Adds the next audio segment, starting now. Returns the record and the new segment's index. */
export function addAudioSegment(record: SessionRecord, mimeType: string, startMs: number): { record: SessionRecord; segment: number } {
  const segments = record.audio?.segments ?? [];
  const index = segments.length === 0 ? 0 : Math.max(...segments.map((s) => s.index)) + 1;
  const segment: AudioSegmentInfo = { index, mimeType, startMs, durationMs: null };
  return { record: { ...record, audio: { segments: [...segments, segment] }, audioOffReason: null }, segment: index };
}

/**
 * Audio could not start (or stopped on a full disk). Segments already recorded are kept: the reason
 * only replaces `audio` when there is none.
 */
export function withAudioOff(record: SessionRecord, reason: AudioOffReason): SessionRecord {
  return { ...record, audioOffReason: reason };
}

export function setSegmentDuration(record: SessionRecord, index: number, durationMs: number): SessionRecord {
  if (!record.audio) return record;
  return {
    ...record,
    audio: {
      segments: record.audio.segments.map((s) => (s.index === index ? { ...s, durationMs: Math.max(0, Math.round(durationMs)) } : s)),
    },
  };
}

/**
 * A session found in state `recording` when a page opens was cut off (reload, crash, closed tab):
 * nothing else can be recording it, because the engine marks its own session before the page goes.
 */
export function markInterrupted(record: SessionRecord): SessionRecord {
  return record.status === 'recording' ? { ...record, status: 'interrupted' } : record;
}

/** The unfinished session to offer for resuming on this problem: the newest one not finished. */
export function findUnfinished(records: readonly SessionRecord[], problemId: string): SessionRecord | null {
  const open = records.filter((r) => r.problemId === problemId && r.status !== 'finished');
  return open.sort((a, b) => b.startedAt - a.startedAt)[0] ?? null;
}

export function resumeRecord(record: SessionRecord): SessionRecord {
  return { ...record, status: 'recording' };
}

export function finishRecord(record: SessionRecord, now: number, silences: SilenceInterval[]): SessionRecord {
  return { ...record, status: 'finished', endedAt: now, silences };
}

/**
 * Duration of a segment whose recorder was cut off: its last chunk arrived when the audio in it ended
 * (MediaRecorder delivers a chunk every timeslice, right after recording it).
 */
export function durationFromChunks(segment: AudioSegmentInfo, lastChunkT: number | null): number {
  return lastChunkT === null ? 0 : Math.max(0, lastChunkT - segment.startMs);
}

/**
 * A segment's length when the audio's own blocks cannot be read (not a WebM; finaliseSession reads the
 * duration from the blocks first): the level frames' slots on the audio timeline when they cover the
 * audio; otherwise, after a crash lost the last batches, from the last chunk.
 */
export function segmentDuration(segment: AudioSegmentInfo, lastChunkT: number | null, levelFrames: number, frameMs: number): number {
  const fromChunks = durationFromChunks(segment, lastChunkT);
  const fromLevels = levelFrames * frameMs;
  // Levels are flushed every 0.5 s and chunks every 1 s: trust the levels unless they stop well before the audio.
  return fromLevels > 0 && fromLevels >= fromChunks - 1500 ? fromLevels : fromChunks;
}

/** A segment's silences (segment-relative ms) placed in session time. */
export function silencesInSessionTime(segmentStartMs: number, intervals: readonly SilenceInterval[]): SilenceInterval[] {
  return intervals.map((i) => ({ startMs: Math.round(segmentStartMs + i.startMs), endMs: Math.round(segmentStartMs + i.endMs) }));
}

export function totalSilenceMs(intervals: readonly SilenceInterval[]): number {
  return intervals.reduce((sum, i) => sum + (i.endMs - i.startMs), 0);
}

/** Why getUserMedia failed, in the session's terms. */
export function classifyMicrophoneError(e: unknown): AudioOffReason {
  const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'NotReadableError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError')
    return 'no-device';
  return 'unsupported';
}

/** Opus in WebM first (Chromium, Firefox), then Opus in Ogg or MP4 (Safari), or null when none works. */
export const OPUS_MIME_TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/mp4;codecs=opus', 'audio/webm'] as const;

export function pickMimeType(isTypeSupported: (type: string) => boolean): string | null {
  return OPUS_MIME_TYPES.find((t) => isTypeSupported(t)) ?? null;
}

/** The nudge shows once per silence stretch, only while the timer runs and the microphone is live. */
export function shouldNudge(input: {
  silenceMs: number;
  thresholdMs: number;
  timerRunning: boolean;
  micLive: boolean;
  nudgedThisSilence: boolean;
}): boolean {
  return input.micLive && input.timerRunning && !input.nudgedThisSilence && input.silenceMs >= input.thresholdMs;
}
