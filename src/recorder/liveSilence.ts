/**
 * The recorder's use of the pure detector (core/audio/voiceActivity.ts): one live detector per audio
 * segment for the nudge, and the same detection over stored levels at Finish, so the stored silences
 * do not depend on whether the page was reloaded in between.
 */
import { SILENCE_DB } from '../core/audio/levels';
import { createSilenceDetector, detectSilences, DEFAULT_SILENCE_DETECTOR_OPTIONS, type SilenceDetector } from '../core/audio/voiceActivity';
import type { SilenceInterval } from '../core/session/types';

/** The worklet's frame length and the detector's: one level every 50 ms. */
export const LEVEL_FRAME_MS = DEFAULT_SILENCE_DETECTOR_OPTIONS.frameMs;

export type LiveSilence = Pick<SilenceDetector, 'push' | 'currentSilenceMs' | 'isSpeaking'>;

export function createLiveSilence(): LiveSilence {
  return createSilenceDetector({ frameMs: LEVEL_FRAME_MS });
}

/** `levelsDb`: voice levels on the segment's timeline, `null` where unknown; `periodicity` alongside. */
export function detectSegmentSilences(
  levelsDb: readonly (number | null)[],
  frameMs: number,
  periodicity?: readonly (number | null)[],
): SilenceInterval[] {
  return detectSilences(levelsDb, frameMs, {}, periodicity);
}

/** Levels are stored as finite numbers (digital silence as SILENCE_DB), rounded to 0.1 dB. */
export function storedLevel(db: number): number {
  return Number.isFinite(db) ? Math.max(SILENCE_DB, Math.round(db * 10) / 10) : SILENCE_DB;
}
