import { describe, expect, it } from 'vitest';
import { formatLiveElapsed, liveSessionElapsedMs } from './liveElapsed';

describe('the live session clock', () => {
  const started = 1_000_000;
  it('counts from the start to now while the session runs', () => {
    expect(liveSessionElapsedMs({ startedAt: started, endedAt: null }, started + 11_900)).toBe(11_900);
  });
  it('stops at the end once the session has ended', () => {
    expect(liveSessionElapsedMs({ startedAt: started, endedAt: started + 7_600 }, started + 60_000)).toBe(7_600);
  });
  it('never goes below zero (a clock set back) and survives a broken record', () => {
    expect(liveSessionElapsedMs({ startedAt: started, endedAt: null }, started - 5_000)).toBe(0);
    expect(liveSessionElapsedMs({ startedAt: Number.NaN, endedAt: null }, started)).toBe(0);
  });
  it('shows whole seconds rounded down, the same in every place', () => {
    expect(formatLiveElapsed({ startedAt: started, endedAt: null }, started + 9_999)).toBe('00:09');
    expect(formatLiveElapsed({ startedAt: started, endedAt: null }, started + 10_000)).toBe('00:10');
    expect(formatLiveElapsed({ startedAt: started, endedAt: null }, started + 3_725_000)).toBe('1:02:05');
  });
});
