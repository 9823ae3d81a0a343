import { describe, expect, it } from 'vitest';
import { audioMs, audioSpans, mediaSecondsAt, sessionMsOf, spanAt } from './audioSpans';

const segments = [
  { index: 1, mimeType: 'audio/webm', startMs: 70_000, durationMs: 30_000 },
  { index: 0, mimeType: 'audio/webm', startMs: 400, durationMs: 59_600 },
  { index: 2, mimeType: 'audio/webm', startMs: 120_000, durationMs: null },
];

describe('audio spans', () => {
  it('orders segments in session time and leaves out one of unknown length', () => {
    expect(audioSpans(segments).map((s) => s.index)).toEqual([0, 1]);
    expect(audioSpans(segments, (i) => (i === 2 ? 5_000 : null)).map((s) => [s.index, s.durationMs])).toEqual([
      [0, 59_600],
      [1, 30_000],
      [2, 5_000],
    ]);
  });

  it('maps session time to the segment playing then, and gaps to none', () => {
    const spans = audioSpans(segments);
    expect(spanAt(spans, 0)).toBeNull();
    expect(spanAt(spans, 400)!.index).toBe(0);
    expect(spanAt(spans, 59_999)!.index).toBe(0);
    expect(spanAt(spans, 60_000)).toBeNull();
    expect(spanAt(spans, 65_000)).toBeNull();
    expect(spanAt(spans, 70_000)!.index).toBe(1);
    expect(spanAt(spans, 100_000)).toBeNull();
    expect(audioMs(spans)).toBe(89_600);
  });

  it('converts between session time and the segment’s audio time', () => {
    const [first, second] = audioSpans(segments);
    expect(mediaSecondsAt(second!, 75_000)).toBe(5);
    expect(mediaSecondsAt(second!, 0)).toBe(0);
    expect(mediaSecondsAt(second!, 200_000)).toBe(30);
    expect(sessionMsOf(first!, 1.5)).toBe(1_900);
    expect(sessionMsOf(first!, 999)).toBe(60_000);
  });
});
