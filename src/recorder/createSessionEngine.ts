/**
 * The one place the recorder meets the real world: IndexedDB and localStorage (storage/), the microphone
 * (audio/microphone.ts) and the browser's clocks. Everything else in src/recorder sees only the ports.
 */
import {
  appendAudioChunk,
  appendLevels,
  loadSegmentAudio,
  loadSegmentLevelFrames,
  nextAudioSeq,
  nextLevelSeq,
  replaceSegmentAudio,
} from '../storage/audio';
import { isQuotaError } from '../storage/quota';
import { appendSessionEvents, nextEventSeq } from '../storage/sessionLog';
import { listSessions, saveSession } from '../storage/sessions';
import { loadInterviewSettings, loadSilenceThreshold, saveSilenceThreshold } from '../storage/settings';
import { createAudioContext, openMicrophone } from './audio/microphone';
import { readFrameDropPlan } from './audio/testFrameDrops';
import type { AudioCapture, RecorderClock, RecorderStorage } from './ports';
import { SessionEngine } from './sessionEngine';

export const browserStorage: RecorderStorage = {
  listSessions,
  saveSession,
  appendSessionEvents,
  nextEventSeq,
  appendAudioChunk,
  nextAudioSeq,
  appendLevels,
  nextLevelSeq,
  loadSegmentAudio,
  loadSegmentLevelFrames,
  replaceSegmentAudio,
  isQuotaError,
  loadSilenceThreshold,
  saveSilenceThreshold,
  loadSilenceNudgeOn: () => loadInterviewSettings().silenceNudge,
};

export const browserCapture: AudioCapture = {
  prepare() {
    const context = createAudioContext();
    return {
      open: (frameMs, handlers) => openMicrophone(context, frameMs, handlers),
      release: () => void context?.close().catch(() => undefined),
    };
  },
  frameDropPlan: () => readFrameDropPlan(typeof localStorage === 'undefined' ? undefined : localStorage),
};

export const browserClock: RecorderClock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
  newId: () => crypto.randomUUID(),
};

export function createSessionEngine(): SessionEngine {
  return new SessionEngine({ storage: browserStorage, capture: browserCapture, clock: browserClock });
}
