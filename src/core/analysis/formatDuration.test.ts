import { describe, expect, it } from 'vitest';
import { formatDifference, formatDuration, formatShare } from './formatDuration';

describe('formatDuration', () => {
  it('keeps a tenth of a second below ten seconds', () => {
    expect(formatDuration(0)).toBe('0.0 s');
    expect(formatDuration(7_240)).toBe('7.2 s');
    expect(formatDuration(9_940)).toBe('9.9 s');
  });
  it('rounds to seconds, then minutes and seconds, then hours and minutes', () => {
    expect(formatDuration(10_000)).toBe('10 s');
    expect(formatDuration(59_400)).toBe('59 s');
    expect(formatDuration(60_000)).toBe('1 min');
    expect(formatDuration(250_000)).toBe('4 min 10 s');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(3_900_000)).toBe('1 h 5 min');
  });
  it('never shows a negative or broken number', () => {
    expect(formatDuration(-5)).toBe('0.0 s');
    expect(formatDuration(Number.NaN)).toBe('0.0 s');
  });
});

describe('formatDifference', () => {
  it('signs time over and under the plan', () => {
    expect(formatDifference(7 * 60_000, 5 * 60_000)).toBe('+2 min');
    expect(formatDifference(4 * 60_000 + 30_000, 5 * 60_000)).toBe('−30 s');
    expect(formatDifference(300_400, 300_000)).toBe('on time');
  });
});

describe('formatShare', () => {
  it('shows a percentage, clamped', () => {
    expect(formatShare(0.634)).toBe('63 %');
    expect(formatShare(1.2)).toBe('100 %');
  });
});
