/**
 * Records read back from IndexedDB are restored, not trusted: each guard returns a typed value or null
 * (the caller treats null as absent). A record written by an older build, or damaged by a crash
 * half-way through a write, must never crash the app or the replay. Pure: unit-tested without a browser.
 */
import { isLanguage } from '../problems/language';
import type { PhasePlan } from '../timer/protocols';
import type { LoggedTest, NudgeEvent, RunEvent, SessionEvent, TextChange } from '../session/types';
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
import { isCount, isFiniteNumber, isObject, type Loose } from './guards';
import { phasesOfOldSessionRecord } from './migrations';
import { restoreBoardChange } from '../whiteboard/restoreBoard';
import { restoreScratchpadRun } from '../whiteboard/restoreScratchpadRun';
const isEditorFile = (v: unknown): v is 'solution.ts' | 'notes.md' => v === 'solution.ts' || v === 'notes.md';

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

const TEST_STATUSES: readonly LoggedTest['status'][] = ['passed', 'failed', 'timedout', 'error'];

function restoreLoggedTest(v: unknown): LoggedTest | null {
  if (!isObject(v) || typeof v.title !== 'string' || !TEST_STATUSES.includes(v.status as LoggedTest['status'])) return null;
  const path = Array.isArray(v.path) ? v.path.filter((x): x is string => typeof x === 'string') : [];
  const test: LoggedTest = { title: v.title, path, status: v.status as LoggedTest['status'] };
  if (typeof v.message === 'string') test.message = v.message;
  return test;
}

function restoreRun(t: number, v: Loose): RunEvent | null {
  if ((v.mode !== 'run' && v.mode !== 'submit') || typeof v.outcome !== 'string' || !isCount(v.passed) || !isCount(v.total)) return null;
  const run: RunEvent = { t, type: 'run', mode: v.mode, outcome: v.outcome, passed: v.passed, total: v.total };
  if (Array.isArray(v.tests)) run.tests = v.tests.map(restoreLoggedTest).filter((x): x is LoggedTest => x !== null);
  if (typeof v.message === 'string') run.message = v.message;
  return run;
}

function restoreNudge(t: number, v: Loose): NudgeEvent | null {
  if (v.kind === 'silence') return isFiniteNumber(v.silenceMs) ? { t, type: 'nudge', kind: 'silence', silenceMs: v.silenceMs } : null;
  if (v.kind === 'no-run') return isFiniteNumber(v.editingMs) ? { t, type: 'nudge', kind: 'no-run', editingMs: v.editingMs } : null;
  if (v.kind === 'plan-coding') return { t, type: 'nudge', kind: 'plan-coding' };
  return null;
}

function restoreChange(v: unknown): TextChange | null {
  if (!isObject(v) || !isCount(v.offset) || !isCount(v.deleteCount) || typeof v.insert !== 'string') return null;
  return { offset: v.offset, deleteCount: v.deleteCount, insert: v.insert };
}

/** One event of the log; an unknown type or a malformed field drops the event. */
export function restoreSessionEvent(v: unknown): SessionEvent | null {
  if (!isObject(v) || !isFiniteNumber(v.t) || v.t < 0) return null;
  const t = v.t;
  switch (v.type) {
    case 'snapshot':
      return isEditorFile(v.file) && typeof v.text === 'string' ? { t, type: 'snapshot', file: v.file, text: v.text } : null;
    case 'edit': {
      if (!isEditorFile(v.file) || !Array.isArray(v.changes)) return null;
      const changes = v.changes.map(restoreChange);
      // A partly valid edit would replay to the wrong text: all or nothing.
      if (!changes.every((c) => c !== null)) return null;
      const edit: SessionEvent = { t, type: 'edit', file: v.file, changes: changes as TextChange[] };
      if (isFiniteNumber(v.startT) && v.startT >= 0 && v.startT <= t) edit.startT = v.startT;
      return edit;
    }
    case 'run':
      return restoreRun(t, v);
    case 'phase':
      return typeof v.phaseId === 'string' && isCount(v.phaseIndex)
        ? { t, type: 'phase', phaseId: v.phaseId, phaseIndex: v.phaseIndex }
        : null;
    case 'phase-end':
      return typeof v.phaseId === 'string' && isCount(v.phaseIndex) && isFiniteNumber(v.plannedMs) && isFiniteNumber(v.actualMs)
        ? { t, type: 'phase-end', phaseId: v.phaseId, phaseIndex: v.phaseIndex, plannedMs: v.plannedMs, actualMs: v.actualMs }
        : null;
    case 'followup':
      return isCount(v.index) && typeof v.question === 'string' ? { t, type: 'followup', index: v.index, question: v.question } : null;
    case 'clarification':
      return typeof v.question === 'string' ? { t, type: 'clarification', question: v.question } : null;
    case 'pause':
    case 'resume':
    case 'reference-opened':
      return { t, type: v.type };
    case 'mute':
      return typeof v.muted === 'boolean' ? { t, type: 'mute', muted: v.muted } : null;
    case 'nudge':
      return restoreNudge(t, v);
    case 'resumed-after-interruption':
      return isCount(v.segment) ? { t, type: 'resumed-after-interruption', segment: v.segment } : null;
    case 'board': {
      const change = restoreBoardChange(v);
      return change ? { t, type: 'board', ...change } : null;
    }
    case 'scratchpad-run':
      return restoreScratchpadRun(t, v);
    default:
      return null;
  }
}

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
