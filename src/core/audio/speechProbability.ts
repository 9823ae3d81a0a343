/**
 * Silences from a speech model's output: one speech probability per window (Silero VAD: 32 ms at 16 kHz).
 * Hysteresis as the model's authors recommend (speech from 0.5, back to quiet under 0.35), a minimum speech
 * length so one confident window is not a word, and a `null` window (unknown) keeping the current state.
 */
import type { SilenceInterval } from '../session/types';

export interface ProbabilitySilenceOptions {
  windowMs: number;
  startProbability: number;
  stopProbability: number;
  /** Speech shorter than this does not end a silence, ms. 90: about three windows, shorter than a syllable. */
  minSpeechMs: number;
  minSilenceMs: number;
}

export const DEFAULT_PROBABILITY_OPTIONS: Omit<ProbabilitySilenceOptions, 'windowMs'> = {
  startProbability: 0.5,
  stopProbability: 0.35,
  minSpeechMs: 90,
  minSilenceMs: 1_500,
};

export function silencesFromSpeechProbability(
  probabilities: readonly (number | null)[],
  options: Partial<ProbabilitySilenceOptions> & { windowMs: number },
): SilenceInterval[] {
  const o = { ...DEFAULT_PROBABILITY_OPTIONS, ...options };
  const minSpeech = Math.max(1, Math.round(o.minSpeechMs / o.windowMs));
  const out: SilenceInterval[] = [];
  let speaking = false;
  let quietSince = 0;
  let loudSince = -1;
  const close = (start: number, end: number) => {
    if ((end - start) * o.windowMs >= o.minSilenceMs) out.push({ startMs: start * o.windowMs, endMs: end * o.windowMs });
  };
  probabilities.forEach((p, i) => {
    if (p === null) return;
    if (speaking) {
      if (p < o.stopProbability) {
        speaking = false;
        quietSince = i;
        loudSince = -1;
      }
    } else if (p >= o.startProbability) {
      if (loudSince < 0) loudSince = i;
      if (i - loudSince + 1 >= minSpeech) {
        close(quietSince, loudSince);
        speaking = true;
      }
    } else {
      loudSince = -1;
    }
  });
  if (!speaking) close(quietSince, probabilities.length);
  return out;
}
