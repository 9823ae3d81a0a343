import { describe, expect, it } from 'vitest';
import { dbToAmplitude, peaksFromLevels } from './peaks';

describe('peaks from levels', () => {
  it('turns dBFS into linear amplitude, silence into zero', () => {
    expect(dbToAmplitude(0)).toBe(1);
    expect(dbToAmplitude(-20)).toBeCloseTo(0.1, 10);
    expect(dbToAmplitude(-100)).toBe(0);
    expect(dbToAmplitude(Number.NaN)).toBe(0);
  });

  it('keeps one value per frame for a short recording', () => {
    expect(Array.from(peaksFromLevels([-100, -20, 0]))).toEqual([0, expect.closeTo(0.1, 6), 1]);
  });

  it('groups frames of a long recording, keeping the loudest of each group', () => {
    const levels = Array.from({ length: 144_000 }, (_, i) => (i === 1_000 ? -6 : -60));
    const peaks = peaksFromLevels(levels);
    expect(peaks.length).toBe(8_000);
    expect(peaks[Math.floor(1_000 / 18)]).toBeCloseTo(10 ** (-6 / 20), 6);
    expect(peaks[0]).toBeCloseTo(0.001, 6);
  });

  it('drops frames past the audio’s end', () => {
    expect(peaksFromLevels([-20, -20, -20, -20], 2).length).toBe(2);
  });
});
