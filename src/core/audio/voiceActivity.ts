/**
 * Silence detection over frame levels (dBFS, one per `frameMs` of the audio's own timeline), streaming so
 * the recorder can nudge the user live, and over a whole stored recording at Finish. Fed the frames' voice
 * levels (`levels.ts`), a key click or a burst of typing does not count as speech. A frame whose level is
 * unknown (`null`: lost under load, or audio the meter never saw) keeps the current state and still takes
 * its 50 ms, so a gap neither ends a silence nor shifts anything after it. Levels are judged against the room's own
 * background (`noiseFloor.ts`), not a fixed threshold, so a quiet voice, a loud fan or a different microphone
 * gain all work; hysteresis keeps a level hovering near one threshold from flickering between states.
 */
import type { SilenceInterval } from '../session/types';
import { DEFAULT_LEVEL_FRAME_MS } from './levelProtocol';
import { SILENCE_DB } from './levels';
import { createNoiseFloorTracker } from './noiseFloor';

export interface SilenceDetectorOptions {
  /** Length of one level frame, ms. 50: fine enough for ±0.1 s boundaries, 20 values a second to store. */
  frameMs: number;
  /** A quiet stretch counts as a silence from this length, ms. 1500: longer than any pause between words or breaths. */
  minSilenceMs: number;
  /** Speech starts above floor + this, dB. 10: a voice at a normal distance is 20–40 dB above a room's hum. */
  startMarginDb: number;
  /** Speech goes on while above floor + this, dB. 6: lower than the start margin (hysteresis), but above the noise's own ripple. */
  stopMarginDb: number;
  /** Speech starts only after this long above the start threshold, ms. 100: a cough or a click is shorter than a syllable. */
  onsetMs: number;
  /** The noise floor is a low percentile of the last this-many ms. 10 000: spans several phrases and their pauses. */
  floorWindowMs: number;
  /** Which percentile, 0–1. 0.1: the dips between words, while a few digital dropouts cannot drag it down. */
  floorPercentile: number;
  /**
   * Speech starts only on frames at least this periodic (levels.ts), 0–1. 0.5: vowels measure 0.6–0.95;
   * clicks, their echoes, typing and hiss 0–0.3. Frames without a measure count as periodic.
   */
  minPeriodicity: number;
  /**
   * Nothing quieter than this starts speech, dBFS, whatever the floor (the stop threshold is held the same
   * hysteresis below it). -55: after digital silence (a muted or noise-gated microphone) the floor is -100,
   * and what rings on after a key click, through Chromium's audio processing, measured -67 to -63 dBFS with
   * a periodicity of 0.6–0.75 in the e2e journey; a speaker, even a quiet one, is well above -55 dBFS.
   */
  minSpeechDb: number;
  /** `isSpeaking()` stays true through quiet stretches shorter than this, ms. 300: no flicker between words. */
  hangoverMs: number;
}

export const DEFAULT_SILENCE_DETECTOR_OPTIONS: Readonly<SilenceDetectorOptions> = {
  frameMs: DEFAULT_LEVEL_FRAME_MS,
  minSilenceMs: 1_500,
  startMarginDb: 10,
  stopMarginDb: 6,
  onsetMs: 100,
  floorWindowMs: 10_000,
  floorPercentile: 0.1,
  minPeriodicity: 0.5,
  minSpeechDb: -55,
  hangoverMs: 300,
};

export interface SilenceDetector {
  /**
   * One frame's level, dBFS, in timeline order; `null` for a frame whose level is unknown. `periodicity`:
   * the frame's (levels.ts); a frame below `minPeriodicity` cannot start speech (it can continue it).
   */
  push(levelDb: number | null, periodicity?: number | null): void;
  /** Silences completed so far (closed by speech), ms from the first frame. */
  intervals(): SilenceInterval[];
  /** Ends the recording: a trailing silence long enough is added. No push may follow. */
  finish(): SilenceInterval[];
  /** Length of the quiet stretch in progress, ms (0 while speaking), even before it reaches `minSilenceMs`. */
  currentSilenceMs(): number;
  isSpeaking(): boolean;
}

/**
 * The recording starts in a quiet stretch: if the user says nothing for the first seconds, that is a
 * silence like any other.
 */
export function createSilenceDetector(options: Partial<SilenceDetectorOptions> = {}): SilenceDetector {
  const o = { ...DEFAULT_SILENCE_DETECTOR_OPTIONS, ...options };
  const floor = createNoiseFloorTracker(Math.max(1, Math.round(o.floorWindowMs / o.frameMs)), o.floorPercentile);
  const onsetFrames = Math.max(1, Math.round(o.onsetMs / o.frameMs));
  const minStopDb = o.minSpeechDb - (o.startMarginDb - o.stopMarginDb);
  const completed: SilenceInterval[] = [];

  let frame = 0;
  let speaking = false;
  let everSpoke = false;
  /** First frame of the quiet stretch in progress (meaningful while not speaking). */
  let quietSince = 0;
  /** Consecutive frames above the start threshold while quiet, and where they began. */
  let loudFrames = 0;
  let loudSince = 0;
  let finished = false;

  const closeSilence = (startFrame: number, endFrame: number) => {
    if ((endFrame - startFrame) * o.frameMs >= o.minSilenceMs) {
      completed.push({ startMs: startFrame * o.frameMs, endMs: endFrame * o.frameMs });
    }
  };

  return {
    push(rawLevelDb, periodicity) {
      if (finished) throw new Error('The silence detector was already finished');
      if (rawLevelDb === null) {
        // Unknown: neither speech nor quiet, and not part of the room's background either.
        frame++;
        return;
      }
      const levelDb = Number.isFinite(rawLevelDb) ? Math.max(SILENCE_DB, rawLevelDb) : SILENCE_DB;
      floor.push(levelDb);
      const floorDb = floor.floorDb();
      if (speaking) {
        if (levelDb < Math.max(floorDb + o.stopMarginDb, minStopDb)) {
          speaking = false;
          quietSince = frame;
          loudFrames = 0;
        }
      } else if (levelDb > Math.max(floorDb + o.startMarginDb, o.minSpeechDb) && (periodicity ?? 1) >= o.minPeriodicity) {
        if (loudFrames === 0) loudSince = frame;
        loudFrames++;
        if (loudFrames >= onsetFrames) {
          // The silence ended where the voice began, not where we became sure of it.
          closeSilence(quietSince, loudSince);
          speaking = true;
          everSpoke = true;
        }
      } else {
        loudFrames = 0;
      }
      frame++;
    },
    intervals: () => [...completed],
    finish() {
      if (!finished && !speaking) closeSilence(quietSince, frame);
      finished = true;
      return [...completed];
    },
    currentSilenceMs: () => (speaking ? 0 : (frame - quietSince) * o.frameMs),
    isSpeaking: () => speaking || (everSpoke && (frame - quietSince) * o.frameMs < o.hangoverMs),
  };
}

/** Silences of a whole recording from its stored levels (re-analysis with other options, or after a reload). */
export function detectSilences(
  levelsDb: readonly (number | null)[],
  frameMs: number,
  options: Partial<Omit<SilenceDetectorOptions, 'frameMs'>> = {},
  periodicities?: readonly (number | null)[],
): SilenceInterval[] {
  const detector = createSilenceDetector({ ...options, frameMs });
  levelsDb.forEach((level, i) => detector.push(level, periodicities?.[i]));
  return detector.finish();
}
