import { describe, expect, it } from 'vitest';
import { prng } from '../testing/prng';
import { appendToRuns, createFrameClock, framesOnTimeline, type FrameRun, type PlacedFrame, type StampedFrame } from './audioClock';

const RATE = 48_000;
const FRAME_MS = 50;
const SAMPLES = 2_400;
const ORIGIN = 1_700_000_000_000;

/**
 * A synthetic worklet: frame k covers audio [k × 50, (k + 1) × 50) ms of the recording. `stalls` are stretches
 * of audio the context never rendered (its clock stops, the audio goes on); `lost` frames never arrive;
 * each frame is finished after a processing delay (jitter) drawn by `delay`.
 */
function worklet(input: {
  frames: number;
  stalls?: { atFrame: number; frames: number }[];
  lost?: (k: number) => boolean;
  delay?: (k: number) => number;
  contextStart?: number;
}): StampedFrame[] {
  const out: StampedFrame[] = [];
  let skipped = 0;
  for (let k = 0; k < input.frames; k++) {
    const stall = input.stalls?.find((s) => k >= s.atFrame && k < s.atFrame + s.frames);
    if (stall) {
      if (k === stall.atFrame) skipped += stall.frames;
      continue;
    }
    if (input.lost?.(k)) continue;
    out.push({
      position: (input.contextStart ?? 123_456) + (k - skipped) * SAMPLES,
      samples: SAMPLES,
      wallMs: ORIGIN + (k + 1) * FRAME_MS + (input.delay?.(k) ?? 3),
      db: -40,
      periodicity: 0.5,
      voiceDb: k, // the frame's true index rides along, to check where it landed
    });
  }
  return out;
}

function place(frames: readonly StampedFrame[], lookAheadFrames?: number): PlacedFrame[] {
  const placed: PlacedFrame[] = [];
  const clock = createFrameClock({ sampleRate: RATE, frameMs: FRAME_MS, lookAheadFrames }, (f) => placed.push(f));
  for (const f of frames) clock.push(f);
  clock.flush();
  return placed;
}

/** Every placed frame sits at its true index; returns how many were placed. */
function expectInPlace(placed: readonly PlacedFrame[], tolerance = 0): number {
  for (const f of placed) expect(Math.abs(f.slot - f.voiceDb), `frame ${f.voiceDb} placed at ${f.slot}`).toBeLessThanOrEqual(tolerance);
  return placed.length;
}

describe('placing level frames on the audio clock', () => {
  it('puts each frame in its own slot when nothing is lost', () => {
    expect(expectInPlace(place(worklet({ frames: 400 })))).toBe(400);
  });

  it('leaves a lost frame’s slot empty, and moves nothing after it (every 20th frame and a 2 s burst lost)', () => {
    const placed = place(worklet({ frames: 1_200, lost: (k) => k % 20 === 19 || (k >= 200 && k < 240) }));
    expect(expectInPlace(placed)).toBe(1_200 - 40 - 58);
    const slots = new Set(placed.map((f) => f.slot));
    expect(slots.has(19)).toBe(false);
    expect(slots.has(220)).toBe(false);
    expect(slots.has(241)).toBe(true);
  });

  it('follows audio the context never saw: the frames after a 2 s stall keep their real time', () => {
    const placed = place(worklet({ frames: 1_200, stalls: [{ atFrame: 300, frames: 40 }] }));
    expect(expectInPlace(placed)).toBe(1_160);
    expect(placed.find((f) => f.voiceDb === 340)?.slot).toBe(340);
  });

  it('does not drift when the context loses 5 % of the time in many short stalls (56.8 s in 60 s)', () => {
    const stalls = Array.from({ length: 64 }, (_, i) => ({ atFrame: 10 + i * 18, frames: 1 }));
    const placed = place(worklet({ frames: 1_200, stalls }));
    expect(expectInPlace(placed)).toBe(1_200 - 64);
  });

  it('ignores late callbacks: jitter up to 300 ms, shorter than the look-ahead, moves no frame', () => {
    const random = prng(3);
    // Mostly a few ms late, sometimes a run of frames 100–300 ms late (a busy machine), never all of the look-ahead.
    const delay = (k: number) => (k % 37 < 5 ? 100 + random() * 200 : random() * 20);
    expect(expectInPlace(place(worklet({ frames: 2_000, delay })), 0)).toBe(2_000);
  });

  it('handles stalls, lost frames and jitter together within one frame', () => {
    const random = prng(4);
    const placed = place(
      worklet({
        frames: 3_000,
        stalls: [
          { atFrame: 500, frames: 40 },
          { atFrame: 1_700, frames: 7 },
          { atFrame: 2_400, frames: 1 },
        ],
        lost: (k) => k % 20 === 0 || (k >= 900 && k < 940),
        delay: () => random() * 40,
      }),
    );
    expectInPlace(placed, 1);
    expect(new Set(placed.map((f) => f.slot)).size).toBe(placed.length);
  });

  it('puts the first frame at slot 0 whatever the processing delay, and never fills a slot twice', () => {
    const placed = place([...worklet({ frames: 100, delay: () => 140 })].flatMap((f, i) => (i === 50 ? [f, f] : [f])));
    expect(placed.map((f) => f.slot)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('streams with a bounded delay: a frame is placed once the look-ahead has come in', () => {
    const placed: PlacedFrame[] = [];
    const clock = createFrameClock({ sampleRate: RATE, frameMs: FRAME_MS, lookAheadFrames: 8 }, (f) => placed.push(f));
    for (const f of worklet({ frames: 10 })) clock.push(f);
    expect(placed).toHaveLength(2);
    clock.flush();
    expect(placed).toHaveLength(10);
  });
});

describe('runs of consecutive frames', () => {
  it('start a new run at each gap, and lay out on the timeline with unknown gaps', () => {
    const runs: FrameRun[] = [];
    for (const slot of [0, 1, 2, 5, 6, 9]) appendToRuns(runs, { slot, db: slot, voiceDb: -slot, periodicity: 0.9 });
    expect(runs.map((r) => [r.startSlot, r.db.length])).toEqual([
      [0, 3],
      [5, 2],
      [9, 1],
    ]);
    expect(framesOnTimeline(runs, 8, (r) => r.db)).toEqual([0, 1, 2, null, null, 5, 6, null]);
    expect(framesOnTimeline(runs, 11, (r) => r.voiceDb)).toEqual([-0, -1, -2, null, null, -5, -6, null, null, -9, null]);
  });
});
