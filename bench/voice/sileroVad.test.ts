import { describe, expect, it } from 'vitest';
import { createDownsampler, createSileroStream, type OrtLike, type OrtSessionLike, type OrtTensorLike } from './sileroVad';

class FakeTensor implements OrtTensorLike {
  constructor(
    readonly type: string,
    readonly data: Float32Array | BigInt64Array,
    readonly dims: number[],
  ) {}
}

describe('the Silero stream', () => {
  it('feeds 512-sample windows with the previous 64 samples in front, and carries the state', async () => {
    const seen: { input: Float32Array; state: Float32Array }[] = [];
    const session: OrtSessionLike = {
      async run(feeds) {
        const input = feeds.input!.data as Float32Array;
        seen.push({ input, state: feeds.state!.data as Float32Array });
        return {
          output: new FakeTensor('float32', Float32Array.of(input[100]!), [1, 1]),
          stateN: new FakeTensor('float32', Float32Array.of(seen.length), [1]),
        };
      },
    };
    const stream = createSileroStream({ Tensor: FakeTensor } as unknown as OrtLike, session);
    const samples = Float32Array.from({ length: 1_300 }, (_, i) => i / 10_000);
    const first = await stream.push(samples.subarray(0, 700));
    const second = await stream.push(samples.subarray(700));
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(seen[0]!.input.length).toBe(576);
    expect(seen[1]!.input.subarray(0, 64)).toEqual(samples.subarray(448, 512));
    expect(seen[1]!.input.subarray(64)).toEqual(samples.subarray(512, 1_024));
    expect(seen[1]!.state).toEqual(Float32Array.of(1));
    expect(first[0]).toBeCloseTo(36 / 10_000, 6);
  });
});

describe('downsampling to 16 kHz', () => {
  it('gives a third of the samples at 48 kHz, and the exact count at 44.1 kHz, in any block size', () => {
    const down48 = createDownsampler(48_000);
    let n = 0;
    for (let i = 0; i < 375; i++) n += down48(new Float32Array(128).fill(0.5)).length;
    expect(n).toBe(16_000);
    const down44 = createDownsampler(44_100);
    let m = 0;
    for (let i = 0; i < 441; i++) m += down44(new Float32Array(100)).length;
    expect(m).toBe(16_000);
    expect(Array.from(createDownsampler(48_000)(Float32Array.of(0, 0.3, 0.6, 1, 1, 1)))).toEqual([expect.closeTo(0.3, 5), 1]);
  });
});
