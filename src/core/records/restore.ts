/**
 * Records read back from IndexedDB are restored, not trusted: each guard returns a typed value or null
 * (the caller treats null as absent). A record written by an older build, or damaged by a crash
 * half-way through a write, must never crash the app or the replay. Pure: unit-tested without a browser.
 */
import { isLanguage } from '../problems/language';
import type { PhasePlan } from '../timer/protocols';
import type { SessionEvent } from '../session/types';
import type {
  AudioChunkRecord,
  AudioSegmentInfo,
  LevelBatch,
  SessionEventBatch,
  SessionRecord,
  SessionStatus,
  SilenceInterval,
} from './types';
import { SILENCE_DB } from '../audio/levels';
import { isCount, isFiniteNumber, isNonEmptyString, isObject } from './guards';
import { phasesOfOldSessionRecord } from './migrations';
import { restoreSessionEvent } from './restoreEvent';

const STATUSES: readonly SessionStatus[] = ['recording', 'finished', 'interrupted'];
const AUDIO_OFF_REASONS = ['denied', 'no-device', 'unsupported', 'quota'] as const;

function restoreSegment(v: unknown): AudioSegmentInfo | null {
  if (!isObject(v) || !isCount(v.index) || typeof v.mimeType !== 'string' || !isFiniteNumber(v.startMs)) return null;
  const durationMs = isFiniteNumber(v.durationMs) && v.durationMs >= 0 ? v.durationMs : null;
  return { index: v.index, mimeType: v.mimeType, startMs: v.startMs, durationMs };
}

function restoreSilence(v: unknown): SilenceInterval | null {
  if (!isObject(v) || !isFiniteNumber(v.startMs) || !isFiniteNumber(v.endMs) || v.endMs < v.startMs) return null;
  return { startMs: v.startMs, endMs: v.endMs };
}

/**
 * A session record: identity fields are required (without them the record is useless); everything
 * else falls back to a safe default (no audio, no silences, the default threshold).
 */
export function restoreSessionRecord(v: unknown): SessionRecord | null {
  if (!isObject(v)) return null;
  if (typeof v.id !== 'string' || !v.id || typeof v.problemId !== 'string' || !isFiniteNumber(v.startedAt)) return null;
  const status = STATUSES.includes(v.status as SessionStatus) ? (v.status as SessionStatus) : 'interrupted';
  const segments = isObject(v.audio) && Array.isArray(v.audio.segments) ? v.audio.segments.map(restoreSegment) : null;
  const audio = segments && segments.every((s) => s !== null) ? { segments: segments as AudioSegmentInfo[] } : null;
  const reason = AUDIO_OFF_REASONS.find((r) => r === v.audioOffReason) ?? (audio ? null : 'unsupported');
  const silences = Array.isArray(v.silences) ? v.silences.map(restoreSilence).filter((s): s is SilenceInterval => s !== null) : [];
  return {
    id: v.id,
    problemId: v.problemId,
    protocolId: typeof v.protocolId === 'string' ? v.protocolId : '',
    phases: restorePhases(v.phases) ?? phasesOfOldSessionRecord(v.protocolId),
    startedAt: v.startedAt,
    endedAt: isFiniteNumber(v.endedAt) ? v.endedAt : null,
    status,
    audio,
    audioOffReason: reason,
    silenceThresholdMs: isFiniteNumber(v.silenceThresholdMs) && v.silenceThresholdMs > 0 ? v.silenceThresholdMs : 30_000,
    levelFrameMs: isFiniteNumber(v.levelFrameMs) && v.levelFrameMs > 0 ? v.levelFrameMs : 50,
    silences,
    ...(isLanguage(v.language) ? { language: v.language } : {}),
    // The Requirement-2 features chosen at Start (codebase problems); ids that are not text are left out.
    ...(Array.isArray(v.features) ? { features: v.features.filter(isNonEmptyString) } : {}),
  };
}

function restorePhasePlan(v: unknown): PhasePlan | null {
  if (!isObject(v) || typeof v.id !== 'string' || typeof v.name !== 'string' || !isFiniteNumber(v.minutes) || v.minutes <= 0) return null;
  return { id: v.id, name: v.name, minutes: v.minutes, goal: typeof v.goal === 'string' ? v.goal : '' };
}

/** A list of phase plans, or null when absent or any entry is malformed (the caller falls back). */
export function restorePhases(v: unknown): PhasePlan[] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const phases = v.map(restorePhasePlan);
  return phases.every((p) => p !== null) ? (phases as PhasePlan[]) : null;
}

/** A batch of the log: its events restored one by one (restoreEvent.ts), the malformed ones left out. */
export function restoreEventBatch(v: unknown): SessionEventBatch | null {
  if (!isObject(v) || typeof v.sessionId !== 'string' || !isCount(v.seq) || !Array.isArray(v.events)) return null;
  const events = v.events.map(restoreSessionEvent).filter((e): e is SessionEvent => e !== null);
  return { sessionId: v.sessionId, seq: v.seq, events };
}

export function restoreAudioChunk(v: unknown): AudioChunkRecord | null {
  if (!isObject(v) || typeof v.sessionId !== 'string' || !isCount(v.segment) || !isCount(v.seq)) return null;
  if (!isFiniteNumber(v.t) || !(v.blob instanceof Blob)) return null;
  return { sessionId: v.sessionId, segment: v.segment, seq: v.seq, t: v.t, blob: v.blob, final: v.final === true };
}

export function restoreLevelBatch(v: unknown): LevelBatch | null {
  if (!isObject(v) || typeof v.sessionId !== 'string' || !isCount(v.segment) || !isCount(v.seq) || !isCount(v.startFrame)) return null;
  if (!Array.isArray(v.db)) return null;
  // Anything not a number (a damaged row) is read as digital silence.
  const db = v.db.map((x) => (typeof x === 'number' && !Number.isNaN(x) ? x : SILENCE_DB));
  const batch: LevelBatch = { sessionId: v.sessionId, segment: v.segment, seq: v.seq, startFrame: v.startFrame, db };
  // Voice levels only when they match the frames one for one; otherwise the batch is read as an older one.
  if (Array.isArray(v.voiceDb) && v.voiceDb.length === db.length) {
    batch.voiceDb = v.voiceDb.map((x) => (typeof x === 'number' && !Number.isNaN(x) ? x : SILENCE_DB));
  }
  if (Array.isArray(v.periodicity) && v.periodicity.length === db.length) {
    // A damaged value does not gate speech (read as periodic), like a batch from before the measure existed.
    batch.periodicity = v.periodicity.map((x) => (typeof x === 'number' && x >= 0 && x <= 1 ? x : 1));
  }
  return batch;
}
