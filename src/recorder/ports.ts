/**
 * What the session recorder needs from outside itself, as small interfaces: storage (IndexedDB and the
 * two settings it reads), the microphone, and the clock. `createSessionEngine.ts` wires the real ones; the
 * unit tests pass fakes, so every rule of recording runs in Node without IndexedDB, a microphone or time.
 */
import type { SessionEvent, SessionRecord } from '../core/session/types';
import type { StoredSegmentAudio } from '../storage/audio';
import type { AudioChunkRecord, LevelBatch } from '../storage/db';
import type { MicrophoneHandlers, OpenResult } from './audio/microphone';
import type { FrameDropPlan } from './audio/testFrameDrops';

/** A segment's level frames on its audio timeline, `null` where none is stored (storage/audio.ts). */
export interface StoredLevelFrames {
  db: (number | null)[];
  voiceDb: (number | null)[];
  periodicity: (number | null)[];
}

export interface RecorderStorage {
  // The session record.
  listSessions(problemId: string): Promise<SessionRecord[]>;
  saveSession(record: SessionRecord): Promise<void>;
  // The event log, in numbered batches.
  appendSessionEvents(sessionId: string, seq: number, events: SessionEvent[]): Promise<void>;
  nextEventSeq(sessionId: string): Promise<number>;
  // Audio chunks and level frames, per segment.
  appendAudioChunk(chunk: AudioChunkRecord): Promise<void>;
  nextAudioSeq(sessionId: string, segment: number): Promise<number>;
  appendLevels(batch: LevelBatch): Promise<void>;
  nextLevelSeq(sessionId: string, segment: number): Promise<number>;
  // What Finish reads back, and the one blob it writes per segment.
  loadSegmentAudio(sessionId: string, segment: number, mimeType: string): Promise<StoredSegmentAudio>;
  loadSegmentLevelFrames(sessionId: string, segment: number): Promise<StoredLevelFrames>;
  replaceSegmentAudio(sessionId: string, segment: number, blob: Blob, t: number): Promise<void>;
  /** Whether a failed write failed for lack of space (then recording stops its audio). */
  isQuotaError(e: unknown): boolean;
  // The two settings the recorder reads (localStorage: synchronous).
  loadSilenceThreshold(): number;
  saveSilenceThreshold(ms: number): void;
  /** The interview settings' switch for the silence nudge. */
  loadSilenceNudgeOn(): boolean;
}

/** The storage Finish uses (finaliseSession.ts). */
export type FinaliseStorage = Pick<RecorderStorage, 'loadSegmentAudio' | 'loadSegmentLevelFrames' | 'replaceSegmentAudio' | 'saveSession'>;

/**
 * The microphone, opened once per audio segment. `prepare()` is called in the user's click (Start, Resume):
 * Chromium lets an AudioContext run only after a user gesture, and the gesture is gone once the page
 * awaits anything.
 */
export interface AudioCapture {
  prepare(): PreparedCapture;
  /** Tests only: level frames to lose on purpose (audio/testFrameDrops.ts); null normally. */
  frameDropPlan(): FrameDropPlan | null;
}

export interface PreparedCapture {
  /** Asks for the microphone and starts recording (MediaRecorder and the level worklet). */
  open(frameMs: number, handlers: MicrophoneHandlers): Promise<OpenResult>;
  /** Not opened after all, or opening failed: let go of what `prepare()` took (the AudioContext). */
  release(): void;
}

export interface RecorderClock {
  /** Wall clock, ms (`Date.now`): session times. */
  now(): number;
  /** A monotonic clock, ms (`performance.now`): only paces the level meter's updates. */
  monotonic(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  /** A new session id. */
  newId(): string;
}

export interface RecorderPorts {
  storage: RecorderStorage;
  capture: AudioCapture;
  clock: RecorderClock;
}
