/**
 * What the recorder shows: one vanilla zustand store the recording UI, the interviewer and the plan read
 * (`recorder.store`). The engine's parts write it; nothing outside src/recorder does.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SessionEvent, SessionRecord } from '../core/session/types';
import type { AudioOffReason } from './lifecycle';
import type { RecorderStorage } from './ports';

export type RecorderPhase = 'idle' | 'recording' | 'interrupted' | 'finishing' | 'finished';
export type MicState = 'off' | 'requesting' | 'on' | AudioOffReason;

export interface RecorderState {
  phase: RecorderPhase;
  session: SessionRecord | null;
  mic: MicState;
  muted: boolean;
  timerRunning: boolean;
  /**
   * The user paused the session: the microphone is off until Resume, which records into a new audio
   * segment. A segment's audio time stays its session time, so the pause is a gap between segments (no
   * audio, no levels, no silence) rather than audio that would no longer line up with the log.
   */
  paused: boolean;
  levelDb: number;
  speaking: boolean;
  /** Current silence while the microphone is live, ms. */
  silenceMs: number;
  nudge: boolean;
  silenceThresholdMs: number;
  /** The user's switch for the silence nudge (interview settings); off means silences are only recorded. */
  silenceNudgeOn: boolean;
  /** Set when a write failed for lack of space: recording stopped, this says what to do. */
  storageFull: boolean;
  error: string | null;
}

/** Any session event, before the recorder stamps its time. */
export type UnstampedEvent = SessionEvent extends infer E ? (E extends SessionEvent ? Omit<E, 't'> : never) : never;

export type RecorderStore = StoreApi<RecorderState>;

/** The settings the idle state is made from (read again each time: another page may have changed them). */
export type RecorderSettings = Pick<RecorderStorage, 'loadSilenceThreshold' | 'loadSilenceNudgeOn'>;

export function initialRecorderState(settings: RecorderSettings): RecorderState {
  return {
    phase: 'idle',
    session: null,
    mic: 'off',
    muted: false,
    timerRunning: false,
    paused: false,
    levelDb: -Infinity,
    speaking: false,
    silenceMs: 0,
    nudge: false,
    silenceThresholdMs: settings.loadSilenceThreshold(),
    silenceNudgeOn: settings.loadSilenceNudgeOn(),
    storageFull: false,
    error: null,
  };
}

export function createRecorderStore(settings: RecorderSettings): RecorderStore {
  return createStore<RecorderState>()(() => initialRecorderState(settings));
}
