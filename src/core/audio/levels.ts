/**
 * Loudness per frame: the RMS of each `frameMs` of samples, in dBFS (0 dB is a full-scale square wave, so a
 * full-scale sine reads -3 dB). Shared by the AudioWorklet that meters the microphone live and by tests
 * that meter whole synthetic recordings, so both produce the same numbers.
 *
 * Each frame also gets a *voice level*: the loudest level held without a break for 4 of its 5 sub-frames
 * (40 of 50 ms). A voice holds its loudness through a syllable; a key click is a burst of a few ms, so one
 * click (or a key-down/key-up pair 70 ms apart, or a run of typing) lifts a frame's RMS but not its voice
 * level. The silence detector judges speech by the voice level; the waveform shows the RMS.
 */

/** Reported for digital silence; quieter than any real microphone, and finite so levels store as numbers. */
export const SILENCE_DB = -100;

/** Frames quieter than this get periodicity 0 without measuring it (saves the work in silence). */
const MEASURED_FROM_DB = -70;

/** Sub-frames per frame, and how many in a row must be loud for the frame's voice level. */
export const SUBFRAMES = 5;
export const HELD_SUBFRAMES = 4;

export function rmsDb(sumOfSquares: number, sampleCount: number): number {
  if (sampleCount === 0 || !(sumOfSquares > 0)) return SILENCE_DB;
  return Math.max(SILENCE_DB, 10 * Math.log10(sumOfSquares / sampleCount));
}

export interface MeteredFrame {
  /** RMS of the frame, dBFS. */
  db: number;
  /**
   * How periodic the frame is, 0–1: the highest normalised autocorrelation at a pitch period (70–400 Hz);
   * 0 for a frame quieter than -70 dBFS (not measured: nothing that quiet starts speech).
   * A voice (its vowels) repeats itself at its pitch, 0.6–0.95; a click, its echo, typing and hiss do not.
   */
  periodicity: number;
  /** The loudest level held through HELD_SUBFRAMES consecutive sub-frames, dBFS (≤ the loudest sub-frame). */
  voiceDb: number;
  /** Position of the frame's first sample: the `position` given with its block, plus the offset within it. */
  position: number;
  /** Samples in the frame. */
  samples: number;
}

export interface LevelMeter {
  /**
   * Feeds samples in any block size (the worklet gets 128 at a time); calls `onLevel` for each completed
   * frame. `position`: the first sample's position on the caller's clock (the AudioContext's `currentFrame`);
   * by default the count of samples pushed so far.
   */
  push(samples: Float32Array, position?: number): void;
}

/**
 * A streaming meter. A frame need not be a whole number of samples (50 ms at 22 050 Hz is 1102.5): frame
 * `i` ends at sample round((i + 1) × samples per frame), so frame lengths never drift from the audio clock,
 * even over a two-hour session.
 */
export function createLevelMeter(sampleRate: number, frameMs: number, onLevel: (db: number, frame: MeteredFrame) => void): LevelMeter {
  const samplesPerFrame = (sampleRate * frameMs) / 1000;
  if (!(samplesPerFrame >= SUBFRAMES)) throw new RangeError(`A ${frameMs} ms frame at ${sampleRate} Hz holds too few samples`);
  let frameIndex = 0;
  let frameStart = 0;
  let frameEnd = Math.round(samplesPerFrame);
  let subIndex = 0;
  let subStart = 0;
  let subEnd = subBoundary(0, frameEnd, 1);
  const subDb = new Float64Array(SUBFRAMES);
  let samplesSeen = 0;
  let frameSum = 0;
  let subSum = 0;
  let framePosition = 0;
  const pitch = createPitchBuffer(sampleRate, Math.ceil(samplesPerFrame));
  return {
    push(samples, position = samplesSeen) {
      for (let i = 0; i < samples.length; i++) {
        if (samplesSeen === frameStart) framePosition = position + i;
        const sample = samples[i]!;
        const square = sample * sample;
        frameSum += square;
        subSum += square;
        pitch.push(sample);
        samplesSeen++;
        if (samplesSeen === subEnd) {
          subDb[subIndex] = rmsDb(subSum, subEnd - subStart);
          subSum = 0;
          subIndex++;
          subStart = subEnd;
          subEnd = subBoundary(frameStart, frameEnd, subIndex + 1);
        }
        if (samplesSeen === frameEnd) {
          const db = rmsDb(frameSum, frameEnd - frameStart);
          onLevel(db, {
            db,
            voiceDb: heldLevel(subDb),
            periodicity: pitch.periodicityAndReset(db > MEASURED_FROM_DB),
            position: framePosition,
            samples: frameEnd - frameStart,
          });
          frameSum = 0;
          frameIndex++;
          frameStart = frameEnd;
          frameEnd = Math.round((frameIndex + 1) * samplesPerFrame);
          subIndex = 0;
          subStart = frameStart;
          subEnd = subBoundary(frameStart, frameEnd, 1);
        }
      }
    },
  };
}

function subBoundary(frameStart: number, frameEnd: number, sub: number): number {
  return frameStart + Math.round(((frameEnd - frameStart) * sub) / SUBFRAMES);
}

/** Max over each run of HELD_SUBFRAMES consecutive sub-frames of the run's quietest sub-frame. */
function heldLevel(subDb: Float64Array): number {
  let best = SILENCE_DB;
  for (let first = 0; first + HELD_SUBFRAMES <= SUBFRAMES; first++) {
    let quietest = Infinity;
    for (let j = first; j < first + HELD_SUBFRAMES; j++) quietest = Math.min(quietest, subDb[j]!);
    best = Math.max(best, quietest);
  }
  return best;
}

/**
 * The frame's samples, decimated to about 8 kHz (box filter), for the periodicity measure: O(n × lags)
 * per frame, about 40 000 multiply-adds per 50 ms frame.
 */
function createPitchBuffer(sampleRate: number, maxSamples: number) {
  const factor = Math.max(1, Math.round(sampleRate / 8_000));
  const rate = sampleRate / factor;
  const minLag = Math.max(1, Math.floor(rate / 400));
  const maxLag = Math.ceil(rate / 70);
  const buffer = new Float64Array(Math.ceil(maxSamples / factor) + 2);
  let length = 0;
  let sum = 0;
  let count = 0;
  return {
    push(sample: number) {
      sum += sample;
      if (++count === factor) {
        if (length < buffer.length) buffer[length++] = sum / factor;
        sum = 0;
        count = 0;
      }
    },
    periodicityAndReset(measure: boolean): number {
      const n = length;
      length = 0;
      sum = 0;
      count = 0;
      if (!measure || n <= maxLag * 2) return 0;
      let mean = 0;
      for (let i = 0; i < n; i++) mean += buffer[i]!;
      mean /= n;
      for (let i = 0; i < n; i++) buffer[i]! -= mean;
      let best = 0;
      for (let lag = minLag; lag <= maxLag; lag++) {
        let cross = 0;
        let headEnergy = 0;
        let tailEnergy = 0;
        for (let i = 0; i + lag < n; i++) {
          const a = buffer[i]!;
          const b = buffer[i + lag]!;
          cross += a * b;
          headEnergy += a * a;
          tailEnergy += b * b;
        }
        const denominator = Math.sqrt(headEnergy * tailEnergy);
        if (denominator > 0) best = Math.max(best, cross / denominator);
      }
      return Math.max(0, Math.min(1, best));
    },
  };
}

/** Level of every complete frame of a recording (a last, partial frame is left out). */
export function frameLevels(samples: Float32Array, sampleRate: number, frameMs: number): number[] {
  return meterFrames(samples, sampleRate, frameMs).map((f) => f.db);
}

/** Voice level of every complete frame of a recording. */
export function frameVoiceLevels(samples: Float32Array, sampleRate: number, frameMs: number): number[] {
  return meterFrames(samples, sampleRate, frameMs).map((f) => f.voiceDb);
}

export function meterFrames(samples: Float32Array, sampleRate: number, frameMs: number): MeteredFrame[] {
  const frames: MeteredFrame[] = [];
  createLevelMeter(sampleRate, frameMs, (_db, frame) => frames.push(frame)).push(samples);
  return frames;
}
