/**
 * Loudness per frame: the RMS of each `frameMs` of samples, in dBFS (0 dB is a full-scale square wave, so a
 * full-scale sine reads -3 dB). Shared by the AudioWorklet that meters the microphone live and by tests
 * that meter whole synthetic recordings, so both produce the same numbers.
 */

/** Reported for digital silence; quieter than any real microphone, and finite so levels store as numbers. */
export const SILENCE_DB = -100;

export function rmsDb(sumOfSquares: number, sampleCount: number): number {
  if (sampleCount === 0 || !(sumOfSquares > 0)) return SILENCE_DB;
  return Math.max(SILENCE_DB, 10 * Math.log10(sumOfSquares / sampleCount));
}

export interface LevelMeter {
  /** Feeds samples in any block size (the worklet gets 128 at a time); calls `onLevel` for each completed frame. */
  push(samples: Float32Array): void;
}

/**
 * A streaming meter. A frame need not be a whole number of samples (50 ms at 22 050 Hz is 1102.5): frame
 * `i` ends at sample round((i + 1) × samples per frame), so frame times never drift from the audio clock,
 * even over a two-hour session.
 */
export function createLevelMeter(sampleRate: number, frameMs: number, onLevel: (db: number) => void): LevelMeter {
  const samplesPerFrame = (sampleRate * frameMs) / 1000;
  if (!(samplesPerFrame >= 1)) throw new RangeError(`A ${frameMs} ms frame at ${sampleRate} Hz holds no sample`);
  let frameIndex = 0;
  let frameStart = 0;
  let frameEnd = Math.round(samplesPerFrame);
  let samplesSeen = 0;
  let sumOfSquares = 0;
  return {
    push(samples) {
      for (let i = 0; i < samples.length; i++) {
        const sample = samples[i]!;
        sumOfSquares += sample * sample;
        samplesSeen++;
        if (samplesSeen === frameEnd) {
          onLevel(rmsDb(sumOfSquares, frameEnd - frameStart));
          sumOfSquares = 0;
          frameIndex++;
          frameStart = frameEnd;
          frameEnd = Math.round((frameIndex + 1) * samplesPerFrame);
        }
      }
    },
  };
}

/** Level of every complete frame of a recording (a last, partial frame is left out). */
export function frameLevels(samples: Float32Array, sampleRate: number, frameMs: number): number[] {
  const levels: number[] = [];
  createLevelMeter(sampleRate, frameMs, (db) => levels.push(db)).push(samples);
  return levels;
}
