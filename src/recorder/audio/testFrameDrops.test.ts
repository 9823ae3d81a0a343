import { describe, expect, it } from 'vitest';
import type { LevelMessage } from '../../core/audio/levelProtocol';
import { createFrameDropper, DROP_FRAMES_KEY, readFrameDropPlan } from './testFrameDrops';

const frame = (k: number): LevelMessage => ({
  type: 'level',
  db: -30,
  voiceDb: -30,
  periodicity: 0.9,
  position: 1_000 + k * 2_400,
  samples: 2_400,
  wallMs: k * 50,
});

describe('the test-only frame dropper', () => {
  it('loses every 20th frame, and a 2 s stall that also sets the context clock back', () => {
    const drop = createFrameDropper({ every: 20, stallFromMs: 1_000, stallMs: 2_000 }, 48_000);
    const out = Array.from({ length: 100 }, (_, k) => drop(frame(k)));
    const kept = out.map((m, k) => (m ? k : null)).filter((k) => k !== null);
    expect(kept).not.toContain(19);
    expect(kept.filter((k) => k >= 20 && k < 60)).toEqual([]);
    expect(kept).toContain(60);
    expect(out[60]!.position).toBe(frame(60).position - 96_000);
    expect(out[60]!.wallMs).toBe(frame(60).wallMs);
    expect(out[10]).toEqual(frame(10));
  });

  it('is off unless the key holds a plan', () => {
    expect(readFrameDropPlan(undefined)).toBeNull();
    expect(readFrameDropPlan({ getItem: () => null })).toBeNull();
    expect(readFrameDropPlan({ getItem: () => 'not json' })).toBeNull();
    expect(readFrameDropPlan({ getItem: () => '3' })).toBeNull();
    expect(readFrameDropPlan({ getItem: (k) => (k === DROP_FRAMES_KEY ? '{"every":20,"stallMs":"x"}' : null) })).toEqual({
      every: 20,
      stallFromMs: undefined,
      stallMs: undefined,
    });
  });
});
