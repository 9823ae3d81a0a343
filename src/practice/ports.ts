/**
 * What the practice engine needs from the layers below it, as small interfaces. The app wires the real
 * ones (index.ts: storage, the recorder, the runner); the unit tests pass fakes, so every rule of the
 * practice loop runs in Node without IndexedDB, a microphone or a worker.
 */
import type { AttemptRecord } from '../core/records/types';
import type { Language } from '../core/problems/language';
import type { Problem } from '../core/problems/types';
import type { CustomProtocolRecord } from '../core/records/types';
import type { SessionFile, TextChange } from '../core/session/types';
import type { PhasePlan } from '../core/timer/protocols';
import type { RecorderPhase, UnstampedEvent } from '../recorder';
import type { RunProgress, RunRequest, RunResult, ServiceReply, ServiceRequest } from '../runner/types';
import type { DraftFile } from '../storage/drafts';
import type { PracticeRecord } from '../storage/db';
import type { InterviewSettings } from '../core/records/types';

export interface PracticeStorage {
  loadDraft(problemId: string, file: DraftFile): Promise<{ code: string; updatedAt: number } | undefined>;
  saveDraft(problemId: string, text: string, file: DraftFile): Promise<void>;
  loadPractice(problemId: string): Promise<PracticeRecord | undefined>;
  savePractice(record: PracticeRecord): Promise<void>;
  listAttempts(problemId: string): Promise<AttemptRecord[]>;
  startNewAttempt(input: {
    finished: AttemptRecord | null;
    next: PracticeRecord;
    drafts: { file: DraftFile; text: string }[];
  }): Promise<void>;
  loadSettings(): InterviewSettings;
  saveSettings(settings: InterviewSettings): void;
  /** The user's custom protocols, sorted by name. */
  listCustomProtocols(): Promise<CustomProtocolRecord[]>;
  saveCustomProtocol(record: CustomProtocolRecord): Promise<void>;
  deleteCustomProtocol(id: string): Promise<void>;
  /** A value kept for this browser tab only (sessionStorage): survives a reload, not a new tab. May throw. */
  loadTabValue(key: string): string | null;
  saveTabValue(key: string, value: string): void;
}

/** The part of the session recorder (src/recorder) the engine drives. */
export interface PracticeRecorder {
  attach(problemId: string, options: { clockFinished: boolean }): Promise<void>;
  detach(): Promise<void>;
  start(input: {
    problemId: string;
    language: Language;
    protocolId: string;
    phases: PhasePlan[];
    texts: Partial<Record<SessionFile, string>>;
    timerRunning: boolean;
    /** A codebase problem's Requirement-2 features chosen for this session. */
    features?: string[];
  }): void;
  resumeInterrupted(input: { texts: Partial<Record<SessionFile, string>>; timerRunning: boolean }): Promise<void>;
  finish(): Promise<void>;
  /** Logs an event now, or at `at` (ms since the epoch, already passed: a Send logged once its answer came). */
  log(event: UnstampedEvent, at?: number): void;
  edit(file: SessionFile, changes: TextChange[]): void;
  setTimerRunning(running: boolean): void;
  /** Pauses (or resumes) the recording itself: the microphone is off while the session is paused. */
  setPaused(paused: boolean): void;
  setSilenceNudgeEnabled(on: boolean): void;
  flush(): void;
  phase(): RecorderPhase;
  /** The id of the session being recorded (or last attached), if any. */
  sessionId(): string | null;
  /** The problem whose session is recording, if any (a recording may go on while other pages show). */
  problemId(): string | null;
  /** Calls `listener` at every change of phase (a recording starting or resuming, ending…); returns the unsubscribe. */
  onPhaseChange(listener: (phase: RecorderPhase, previous: RecorderPhase) => void): () => void;
}

export interface PracticeRunner {
  run(request: RunRequest, onProgress: (p: RunProgress) => void): Promise<RunResult>;
  /** Starts a language's runtime ahead of the first run (Python's download; optional: test fakes may not have it). */
  warmUpLanguage?(language: Language, onProgress?: (p: RunProgress) => void): Promise<void>;
  /** Compiles the code of these runs ahead of the click (optional, as above). */
  prepare?(requests: readonly RunRequest[]): void;
  /** One HTTP request to an API scenario's service (optional, as above: a runner without it answers with an error). */
  request?(request: ServiceRequest): Promise<ServiceReply>;
  /** Stops a service so the next request starts it again, its disk kept (optional, as above). */
  restartService?(serviceKey: string): Promise<void>;
}

/** Late-bound pieces the workspace feature supplies: the runner instance and the design notes template. */
export interface PracticeConnections {
  runner: () => Promise<PracticeRunner>;
  /** The runner if it is already loaded, else null: preparing a run must never be what loads it. */
  loadedRunner?: () => PracticeRunner | null;
  /** A design problem's notes before anything is typed (its template). */
  initialNotes: (problem: Problem) => string;
}
