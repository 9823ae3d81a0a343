/**
 * The waveform's peaks from the stored loudness levels (dBFS per frame), so a two-hour recording is drawn
 * without decoding its audio. dBFS is an RMS level; as linear amplitude it is 10^(dB/20).
 */
import { SILENCE_DB } from '../audio/levels';

/** The most bars a waveform needs: more than any screen is wide, few enough to draw at once. */
export const MAX_PEAKS = 8_000;

export function dbToAmplitude(db: number): number {
  if (!Number.isFinite(db) || db <= SILENCE_DB) return 0;
  return Math.min(1, 10 ** (db / 20));
}

/**
 * One peak per group of frames (the loudest in the group), at most `maxPeaks`; `frames` limits the levels
 * to the audio's length (the level worklet may outlive the recorder by a frame or two).
 */
export function peaksFromLevels(levelsDb: readonly number[], frames = levelsDb.length, maxPeaks = MAX_PEAKS): Float32Array {
  const count = Math.max(0, Math.min(levelsDb.length, frames));
  const perPeak = Math.max(1, Math.ceil(count / maxPeaks));
  const peaks = new Float32Array(Math.ceil(count / perPeak));
  for (let p = 0; p < peaks.length; p++) {
    let loudest = 0;
    const end = Math.min(count, (p + 1) * perPeak);
    for (let i = p * perPeak; i < end; i++) loudest = Math.max(loudest, dbToAmplitude(levelsDb[i]!));
    peaks[p] = loudest;
  }
  return peaks;
}
