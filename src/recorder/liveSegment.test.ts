import { describe, expect, it } from 'vitest';
import { SILENCE_DB } from '../core/audio/levels';
import { LiveSegment } from './liveSegment';
import { SegmentLevels } from './segmentLevels';
import { FakeMicrophone } from './testing/fakePorts';

const handlers = { onChunk: () => undefined, onLevel: () => undefined, onFailure: () => undefined };

function segment(options: { nextChunkSeq?: number; nextLevelSeq?: number; levels?: SegmentLevels | null } = {}) {
  return new LiveSegment({
    mic: new FakeMicrophone(handlers, 0, 48_000),
    index: 2,
    nextChunkSeq: options.nextChunkSeq ?? 0,
    nextLevelSeq: options.nextLevelSeq ?? 0,
    levels: options.levels === undefined ? new SegmentLevels({ sampleRate: 48_000, frameMs: 50, now: () => 0 }) : options.levels,
  });
}

/** `count` frames on time from the segment's start (positions on a context that ran 1 s before). */
function push(levels: SegmentLevels, from: number, count: number, db: number, periodicity = 0.42) {
  for (let i = from; i < from + count; i++)
    levels.push({ type: 'level', db, voiceDb: db, periodicity, position: 48_000 + i * 2_400, samples: 2_400, wallMs: (i + 1) * 50 });
}

describe('LiveSegment', () => {
  it('numbers its chunks on from where the stored segment ends', () => {
    const live = segment({ nextChunkSeq: 3 });
    const blob = new Blob(['a']);
    expect(live.chunk('s', 1_200, blob)).toEqual({ sessionId: 's', segment: 2, seq: 3, t: 1_200, blob });
    expect(live.chunk('s', 2_200, blob).seq).toBe(4);
  });

  it('hands over the frames placed since the last time, numbered, as stored levels', () => {
    const live = segment({ nextLevelSeq: 5 });
    push(live.levels!, 0, 20, -20.04);
    push(live.levels!, 20, 2, -Infinity);
    live.levels!.end();
    const [batch, ...rest] = live.takeLevelBatches('s');
    expect(rest).toEqual([]);
    expect(batch).toMatchObject({ sessionId: 's', segment: 2, seq: 5, startFrame: 0 });
    expect(batch!.db).toHaveLength(22);
    expect(batch!.db[0]).toBe(-20);
    expect(batch!.db[21]).toBe(SILENCE_DB); // digital silence stored as a finite floor
    expect(batch!.periodicity?.[0]).toBe(0.42);
    expect(batch!.voiceDb?.[0]).toBe(-20);
    expect(live.takeLevelBatches('s')).toEqual([]);

    push(live.levels!, 22, 10, -30);
    live.levels!.end();
    expect(live.takeLevelBatches('s').map((b) => [b.seq, b.startFrame])).toEqual([[6, 22]]);
  });

  it('without a level worklet there is nothing to write', () => {
    expect(segment({ levels: null }).takeLevelBatches('s')).toEqual([]);
  });
});
