import { describe, expect, it } from 'vitest';
import { silencesFromSpeechProbability } from './speechProbability';

const run = (p: number | null, n: number) => Array<number | null>(n).fill(p);

describe('silences from speech probabilities', () => {
  it('needs three confident windows to end a silence, and holds speech down to 0.35', () => {
    // 32 ms windows: 100 quiet (3.2 s), 2 confident (a click), 60 quiet, 50 speech with a dip to 0.4, 60 quiet.
    const p = [...run(0.05, 100), ...run(0.9, 2), ...run(0.05, 60), ...run(0.8, 20), ...run(0.4, 10), ...run(0.8, 20), ...run(0.1, 60)];
    expect(silencesFromSpeechProbability(p, { windowMs: 32 })).toEqual([
      { startMs: 0, endMs: 162 * 32 },
      { startMs: 212 * 32, endMs: 272 * 32 },
    ]);
  });

  it('keeps the state through unknown windows', () => {
    const p = [...run(0.9, 10), ...run(null, 100), ...run(0.9, 10), ...run(0.1, 20), ...run(null, 40), ...run(0.9, 5)];
    expect(silencesFromSpeechProbability(p, { windowMs: 32 })).toEqual([{ startMs: 120 * 32, endMs: 180 * 32 }]);
  });
});
