/**
 * A recorded practice session's record (database store `sessions`, a bundle's session.json): identity, the
 * phases as planned, times, status, audio segments and silences. Its event log has its own shape
 * (core/session/types.ts SessionEvent). Restored by `restoreSessionRecord` (restore.ts); history in MIGRATIONS.md.
 */
import type { Language } from '../languages/registry';
import type { PhasePlan } from '../timer/protocols';

export type SessionStatus = 'recording' | 'finished' | 'interrupted';

/** A stretch of silence detected in the audio, in session time. */
export interface SilenceInterval {
  startMs: number;
  endMs: number;
}

export interface AudioSegmentInfo {
  /** 0 for the first recording, 1 after the first resume, … */
  index: number;
  mimeType: string;
  /** Session time when this segment started recording. */
  startMs: number;
  /** Set when the segment was finalised (duration known); null while recording or if interrupted. */
  durationMs: number | null;
}

export interface SessionRecord {
  id: string;
  problemId: string;
  protocolId: string;
  /**
   * The phases as planned when the session started (a custom protocol or changed minutes included), so a
   * session describes itself even if its protocol is later edited or deleted. Empty in very old records.
   */
  phases: PhasePlan[];
  /** Epoch ms. */
  startedAt: number;
  endedAt: number | null;
  status: SessionStatus;
  /** null when the session ran without audio; `audioOffReason` then says why. */
  audio: { segments: AudioSegmentInfo[] } | null;
  audioOffReason: 'denied' | 'no-device' | 'unsupported' | 'quota' | null;
  /** Silence nudge threshold chosen by the user, ms (default 30 000). */
  silenceThresholdMs: number;
  /** Loudness per frame (dBFS, one value per `levelFrameMs`), for the waveform and re-analysis. */
  levelFrameMs: number;
  silences: SilenceInterval[];
  /**
   * The language of the session's code. Absent in sessions from before Python: TypeScript. (Before bundle
   * format 5 the log's 'solution.ts' held the code whatever the language; restoring renames it.)
   */
  language?: Language;
  /**
   * The Requirement-2 features the candidate chose to attempt at Start (a codebase problem's feature ids,
   * problem.md front matter `features`). Absent: the problem has none.
   */
  features?: string[];
}
