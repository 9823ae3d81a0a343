import { describe, expect, it } from 'vitest';
import { SILENCE_DB, createLevelMeter, frameLevels, meterFrames } from './levels';

const sine = (sampleRate: number, seconds: number, amplitude: number) =>
  Float32Array.from({ length: Math.round(sampleRate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * 1000 * i) / sampleRate));

describe('frameLevels', () => {
  it('reads a full-scale sine at -3 dBFS and half of it 6 dB lower', () => {
    for (const db of frameLevels(sine(48_000, 1, 1), 48_000, 50)) expect(db).toBeCloseTo(-3.01, 1);
    for (const db of frameLevels(sine(48_000, 1, 0.5), 48_000, 50)) expect(db).toBeCloseTo(-9.03, 1);
  });

  it('floors digital silence at SILENCE_DB and leaves out a partial last frame', () => {
    expect(frameLevels(new Float32Array(48_000 + 100), 48_000, 50)).toEqual(Array(20).fill(SILENCE_DB));
    expect(frameLevels(new Float32Array(0), 48_000, 50)).toEqual([]);
  });

  it('gives the same levels fed in 128-sample blocks, as the AudioWorklet is', () => {
    const samples = sine(44_100, 2, 0.3).map((s, i) => s * (i % 10_000 < 5_000 ? 1 : 0.01));
    const streamed: number[] = [];
    const meter = createLevelMeter(44_100, 50, (db) => streamed.push(db));
    for (let i = 0; i < samples.length; i += 128) meter.push(samples.subarray(i, i + 128));
    expect(streamed).toEqual(frameLevels(samples, 44_100, 50));
  });

  it('does not drift when a frame is not a whole number of samples', () => {
    // 50 ms at 22 050 Hz is 1102.5 samples: ten minutes must give exactly 12 000 frames (rounding the
    // frame to 1102 samples would give 12 005, and the error grows with the session).
    let frames = 0;
    const meter = createLevelMeter(22_050, 50, () => frames++);
    const block = new Float32Array(22_050);
    for (let second = 0; second < 600; second++) meter.push(block);
    expect(frames).toBe(12_000);
  });
});

describe('the voice level', () => {
  const RATE = 48_000;
  const frameOf = (fill: (i: number) => number) => Float32Array.from({ length: 2_400 }, (_, i) => fill(i));

  it('equals the RMS of a steady sound, and ignores a 4 ms click or two clicks 30 ms apart', () => {
    const [tone] = meterFrames(
      frameOf((i) => 0.3 * Math.sin(i / 5)),
      RATE,
      50,
    );
    expect(tone!.voiceDb).toBeCloseTo(tone!.db, 0);
    const click = (at: number) => (i: number) => (i >= at && i < at + 192 ? 0.8 : 0.001);
    const [one] = meterFrames(frameOf(click(1_000)), RATE, 50);
    expect(one!.db).toBeGreaterThan(-20);
    expect(one!.voiceDb).toBeLessThan(-55);
    const [two] = meterFrames(
      frameOf((i) => Math.max(click(300)(i), click(1_740)(i))),
      RATE,
      50,
    );
    expect(two!.voiceDb).toBeLessThan(-55);
  });

  it('needs four 10 ms sub-frames in a row with sound: 25 ms of voice is not enough, 45 ms is', () => {
    const voiced = (ms: number) => frameOf((i) => (i < (ms / 1000) * RATE ? 0.3 * Math.sin(i / 5) : 0.001));
    expect(meterFrames(voiced(25), RATE, 50)[0]!.voiceDb).toBeLessThan(-50);
    expect(meterFrames(voiced(45), RATE, 50)[0]!.voiceDb).toBeGreaterThan(-20);
  });

  it('reports each frame’s first sample on the caller’s clock', () => {
    const positions: number[] = [];
    const meter = createLevelMeter(RATE, 50, (_db, f) => positions.push(f.position));
    for (let q = 0; q < 60; q++) meter.push(new Float32Array(128), 1_000_000 + q * 128);
    expect(positions).toEqual([1_000_000, 1_002_400, 1_004_800]);
  });
});
