/**
 * Silero VAD (the model `@ricky0123/vad-web` ships, run by onnxruntime-web) over a stream of audio: 16 kHz
 * mono in 512-sample windows (32 ms), each with the last 64 samples of the previous one in front, and the
 * recurrent state carried from window to window (as silero-vad's own wrapper does). The runtime and the
 * loaded model are passed in, so this file stays free of any browser or Node API and the bench and a
 * worker can share it.
 */

export const SILERO_RATE = 16_000;
export const SILERO_WINDOW = 512;
export const SILERO_WINDOW_MS = (SILERO_WINDOW / SILERO_RATE) * 1000;
const CONTEXT = 64;

/** The slice of onnxruntime's API used here. */
export interface OrtTensorLike {
  readonly data: unknown;
}
export interface OrtLike {
  Tensor: new (type: 'float32' | 'int64', data: Float32Array | BigInt64Array, dims: number[]) => OrtTensorLike;
}
export interface OrtSessionLike {
  run(feeds: Record<string, OrtTensorLike>): Promise<Record<string, OrtTensorLike>>;
}

export interface SileroStream {
  /** 16 kHz samples in any block size; resolves to the speech probability of each window completed. */
  push(samples: Float32Array): Promise<number[]>;
}

export function createSileroStream(ort: OrtLike, session: OrtSessionLike): SileroStream {
  const sampleRate = new ort.Tensor('int64', BigInt64Array.from([BigInt(SILERO_RATE)]), [1]);
  let state = new ort.Tensor('float32', new Float32Array(2 * 128), [2, 1, 128]);
  const window = new Float32Array(CONTEXT + SILERO_WINDOW);
  let filled = 0;
  return {
    async push(samples) {
      const out: number[] = [];
      for (let i = 0; i < samples.length; i++) {
        window[CONTEXT + filled++] = samples[i]!;
        if (filled < SILERO_WINDOW) continue;
        const result = await session.run({
          input: new ort.Tensor('float32', window.slice(), [1, CONTEXT + SILERO_WINDOW]),
          state,
          sr: sampleRate,
        });
        state = result.stateN!;
        out.push((result.output!.data as Float32Array)[0]!);
        window.copyWithin(0, SILERO_WINDOW, SILERO_WINDOW + CONTEXT);
        filled = 0;
      }
      return out;
    },
  };
}

/** A streaming resampler to 16 kHz: each output sample the mean of the input samples it covers (a box filter). */
export function createDownsampler(inputRate: number): (samples: Float32Array) => Float32Array {
  const step = inputRate / SILERO_RATE;
  if (!(step >= 1)) throw new RangeError(`Cannot downsample from ${inputRate} Hz to ${SILERO_RATE} Hz`);
  let sum = 0;
  let count = 0;
  let seen = 0;
  let produced = 0;
  return (samples) => {
    const out = new Float32Array(Math.ceil(samples.length / step) + 1);
    let n = 0;
    for (let i = 0; i < samples.length; i++) {
      sum += samples[i]!;
      count++;
      seen++;
      if (seen >= Math.round((produced + 1) * step)) {
        out[n++] = sum / count;
        produced++;
        sum = 0;
        count = 0;
      }
    }
    return out.subarray(0, n);
  };
}
