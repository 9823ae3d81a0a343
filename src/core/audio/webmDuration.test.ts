import { describe, expect, it } from 'vitest';
import { opusPacketMs, webmDurationMs } from './webmDuration';

/** A tiny EBML writer: enough to build what MediaRecorder writes (unknown-size Segment and Clusters). */
const UNKNOWN = -1;
function id(value: number): number[] {
  const out: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return out;
}
function size(n: number): number[] {
  if (n === UNKNOWN) return [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
  return [0x40 | (n >> 8), n & 0xff]; // 2-byte size: enough for these tests
}
const element = (elementId: number, body: number[], unknownSize = false) => [
  ...id(elementId),
  ...size(unknownSize ? UNKNOWN : body.length),
  ...body,
];
const uint = (n: number, bytes: number) => Array.from({ length: bytes }, (_, i) => (n >> (8 * (bytes - 1 - i))) & 0xff);
/** An Opus packet: config 31 is CELT 20 ms, code 0 one frame; config 11 is SILK 60 ms. */
const opus = (config: number) => [(config << 3) | 0, 1, 2, 3];
const simpleBlock = (relativeMs: number, packet: number[]) => element(0xa3, [0x81, ...uint(relativeMs & 0xffff, 2), 0x80, ...packet]);

function webm(clusters: { timecode: number; blocks: number[] }[], packet = opus(31), scaleNs?: number): Uint8Array {
  const ebmlHeader = element(
    0x1a45dfa3,
    element(
      0x4282,
      [...'webm'].map((c) => c.charCodeAt(0)),
    ),
  );
  const info = element(0x1549a966, scaleNs ? element(0x2ad7b1, uint(scaleNs, 4)) : element(0x4d80, [0x41]));
  const tracks = element(0x1654ae6b, element(0xae, element(0xd7, [1])));
  const body = [
    ...info,
    ...tracks,
    ...clusters.flatMap((c) =>
      element(0x1f43b675, [...element(0xe7, uint(c.timecode, 4)), ...c.blocks.flatMap((t) => simpleBlock(t, packet))], true),
    ),
  ];
  return Uint8Array.from([...ebmlHeader, ...element(0x18538067, body, true)]);
}

describe('the duration of a MediaRecorder WebM, from its blocks', () => {
  it('is the length of its Opus packets: 3 s of 20 ms blocks in 1 s clusters', () => {
    const clusters = [0, 1, 2].map((c) => ({ timecode: c * 1_000, blocks: Array.from({ length: 50 }, (_, i) => i * 20) }));
    expect(webmDurationMs(webm(clusters))).toBe(3_000);
  });

  it('reads the packet length from the TOC byte (60 ms SILK frames) and honours the timecode scale', () => {
    expect(webmDurationMs(webm([{ timecode: 0, blocks: [0, 60, 120] }], opus(11)))).toBe(180);
    // Timecodes in units of 0.5 ms (read when the packets cannot be): a block at 2000 units starts at 1000 ms.
    expect(webmDurationMs(webm([{ timecode: 2_000, blocks: [0, 40] }], [], 500_000))).toBe(1_020);
  });

  it('reads a file cut off mid-block up to its last whole block, and no blocks as null', () => {
    const bytes = webm([
      { timecode: 0, blocks: [0, 20, 40] },
      { timecode: 60, blocks: [0, 20] },
    ]);
    expect(webmDurationMs(bytes.subarray(0, bytes.length - 3))).toBe(80);
    expect(webmDurationMs(webm([]))).toBeNull();
    expect(webmDurationMs(new Uint8Array([1, 2, 3]))).toBeNull();
    expect(webmDurationMs(new Uint8Array(0))).toBeNull();
  });

  it('is what a decoder plays, the sum of the packets, when the timecodes run short or skip', () => {
    // 60 ms packets stamped 20 ms apart (timecodes behind the samples), and a 500 ms jump over nothing.
    expect(webmDurationMs(webm([{ timecode: 0, blocks: [0, 20, 40] }], opus(11)))).toBe(180);
    expect(
      webmDurationMs(
        webm([
          { timecode: 0, blocks: [0, 20] },
          { timecode: 540, blocks: [0] },
        ]),
      ),
    ).toBe(60);
  });

  it('falls back to the end of the last block when a packet cannot be read', () => {
    expect(webmDurationMs(webm([{ timecode: 0, blocks: [0, 20, 40] }], []))).toBe(40);
  });

  it('counts the frames of a multi-frame Opus packet', () => {
    expect(opusPacketMs(Uint8Array.from([(31 << 3) | 1]))).toBe(40);
    expect(opusPacketMs(Uint8Array.from([(31 << 3) | 3, 3]))).toBe(60);
    expect(opusPacketMs(Uint8Array.from([(16 << 3) | 0]))).toBe(2.5);
    expect(opusPacketMs(new Uint8Array(0))).toBe(0);
  });
});
