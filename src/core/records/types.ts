/**
 * The shapes of the records kept in IndexedDB (storage/db.ts owns the stores; this file owns the shapes,
 * so the restore guards and the bundle code below storage can name them). History: MIGRATIONS.md.
 */
import type { Language } from '../languages/registry';
import type { SessionEvent } from '../session/types';
import type { Protocol } from '../timer/protocols';

// The session record and the review have files of their own (the session's log types import the record).
export type { AudioSegmentInfo, SessionRecord, SessionStatus, SilenceInterval } from './session';
export type { DesignGrade, Learnings, ReviewRecord, SelfReviewItemId, SelfScore } from './review';

export interface DraftRecord {
  problemId: string;
  code: string;
  updatedAt: number;
}

export type PracticeStatus = 'in-progress' | 'solved';

/** One stage's times in a staged problem: when it was unlocked and when all its hidden tests first passed. */
export interface StageTimes {
  unlockedAt: number | null;
  passedAt: number | null;
}

// ─── Attempts (database version 4) ──────────────────────────────────────────────────────────────────

export interface SubmitSummary {
  passed: number;
  total: number;
  at: number;
  /** Absent in records written before outcomes were kept: then the numbers alone decide. */
  outcome?: string;
}

/**
 * One finished attempt (store `attempts`, keyed [problemId, number]), as the history keeps it; the current
 * attempt lives in the practice record.
 */
export interface AttemptRecord {
  problemId: string;
  /** 1-based, in order of starting. */
  number: number;
  /** Epoch ms of the attempt's first Start, or null if it was never started (typed without the timer). */
  startedAt: number | null;
  /** Epoch ms when the next attempt replaced it. */
  endedAt: number;
  /** The code and plan notes as they were when it ended (`code`: the first file's text). */
  code: string;
  notes: string;
  /** A codebase problem's every file when it ended (path → text); absent for a single-file problem. */
  files?: Record<string, string>;
  submits: number;
  lastSubmit: SubmitSummary | null;
  /** The Submit (1-based) at which every hidden test first passed, and when; null if none did. */
  submitsUntilAllPass: number | null;
  firstAllPassAt: number | null;
  /** The recorded sessions of this attempt, oldest first. */
  sessionIds: string[];
  /** The language `code` is in; absent: TypeScript. */
  language?: Language;
}

/** The attempt's state carried in the practice record while it is the current one. */
export interface CurrentAttemptFields {
  attempt?: number;
  attemptStartedAt?: number | null;
  submitsUntilAllPass?: number | null;
  firstAllPassAt?: number | null;
  sessionIds?: string[];
}

/** One problem's practice: the current attempt (its fields in CurrentAttemptFields) and the problem's settings. */
export interface PracticeRecord extends CurrentAttemptFields {
  problemId: string;
  status: PracticeStatus;
  /** The phase clock (see core/timer/phaseClock.ts), or null before Start. Restored defensively. */
  clock: unknown;
  /** Summary of the last Submit, for the catalog and for the review. */
  lastSubmit: SubmitSummary | null;
  submits: number;
  updatedAt: number;
  /** Staged problems: how many stages the statement shows (1 until stage 1's hidden tests all pass). */
  unlockedStages?: number;
  /** Staged problems: when each stage (1-based, by index) was unlocked and first fully passed. */
  stageTimes?: StageTimes[];
  /** The protocol chosen for this problem (built-in or custom id); absent means the problem's default. */
  protocolId?: string;
  /** Clarifying questions whose answers the user revealed in this attempt, and when (design and coding problems). */
  revealed?: { question: string; at: number }[];
  /** The language chosen for this problem (coding problems); absent: TypeScript. */
  language?: Language;
  /** A codebase problem: the Requirement-2 features chosen for the next session (ids of its front matter). */
  features?: string[];
}

/** A batch of events written together (one flush of the recorder's buffer). */
export interface SessionEventBatch {
  sessionId: string;
  seq: number;
  events: SessionEvent[];
}

/** One MediaRecorder chunk, or (after Finish) a segment's whole audio with its duration fixed (`final`). */
export interface AudioChunkRecord {
  sessionId: string;
  segment: number;
  seq: number;
  /** Session time (ms) when the chunk arrived: its audio ends about then. */
  t: number;
  blob: Blob;
  final?: boolean;
}

/**
 * Loudness of consecutive frames, `db[i]` being frame `startFrame + i` of the segment: frame k covers
 * [k × levelFrameMs, (k + 1) × levelFrameMs) of the segment's audio. Frames are placed by the audio clock, so
 * a frame lost under load leaves a gap between batches (read as unknown), never a shift.
 */
export interface LevelBatch {
  sessionId: string;
  segment: number;
  seq: number;
  startFrame: number;
  db: number[];
  /**
   * The frames' voice levels (what silence detection judges; see core/audio/levels.ts), parallel to `db`.
   * Optional, no version bump: batches written before it existed are analysed by `db`.
   */
  voiceDb?: number[];
  /** The frames' periodicity, 0–1 (core/audio/levels.ts), parallel to `db`; optional like `voiceDb`. */
  periodicity?: number[];
}

/** A protocol the user saved (a copy of a built-in one with changed minutes, or their own). */
export interface CustomProtocolRecord extends Protocol {
  /** The built-in protocol it started from, if any. */
  basedOn: string | null;
  updatedAt: number;
}

// Database version 5: the plan with its progress, and each problem's graded attempts (core/plan/types.ts).
export type { GradedAttempt, PlanRecord, ReviewCardRecord } from '../plan/types';

// ─── Settings (localStorage `rehearse.interviewSettings`, not IndexedDB) ─────────────────────────────

/** The interview simulation's switches: the phase chime, spoken questions, and each nudge. */
export interface InterviewSettings {
  /** A soft two-tone chime at each phase boundary. */
  chime: boolean;
  /** Read the interviewer's follow-up questions aloud (speechSynthesis); off by default. */
  speakQuestions: boolean;
  silenceNudge: boolean;
  noRunNudge: boolean;
  /** Minutes of editing without a Run before the no-run nudge. */
  noRunMinutes: number;
  planCodingNudge: boolean;
  /** Show every hidden test's result during a recorded session (off: the count and the first failure, as in an interview). */
  fullHiddenResults: boolean;
}
