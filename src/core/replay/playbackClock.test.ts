import { describe, expect, it } from 'vitest';
import { createPlaybackClock, hasEnded, pause, play, positionAt, seek, setRate, togglePlay } from './playbackClock';

describe('playback clock', () => {
  it('stands still until played, then advances with time', () => {
    const clock = createPlaybackClock(60_000, 1_000);
    expect(positionAt(clock, 9_000)).toBe(0);
    const playing = play(clock, 2_000);
    expect(positionAt(playing, 5_000)).toBe(3_000);
    const paused = pause(playing, 6_000);
    expect(positionAt(paused, 50_000)).toBe(4_000);
  });

  it('plays faster at 1.5× and 2×, keeping the position when the rate changes', () => {
    let clock = play(createPlaybackClock(60_000, 0), 0);
    clock = setRate(clock, 2, 1_000);
    expect(positionAt(clock, 1_000)).toBe(1_000);
    expect(positionAt(clock, 2_000)).toBe(3_000);
    clock = setRate(clock, 1.5, 2_000);
    expect(positionAt(clock, 4_000)).toBe(6_000);
  });

  it('seeks while playing or paused, within the session', () => {
    let clock = seek(createPlaybackClock(60_000, 0), 30_000, 0);
    expect(positionAt(clock, 10_000)).toBe(30_000);
    clock = togglePlay(clock, 10_000);
    clock = seek(clock, 70_000, 11_000);
    expect(positionAt(clock, 11_000)).toBe(60_000);
    clock = seek(clock, -5, 12_000);
    expect(positionAt(clock, 12_000)).toBe(0);
  });

  it('stops at the end, and plays again from the start', () => {
    let clock = play(createPlaybackClock(10_000, 0), 0);
    expect(hasEnded(clock, 9_999)).toBe(false);
    expect(hasEnded(clock, 20_000)).toBe(true);
    expect(positionAt(clock, 20_000)).toBe(10_000);
    clock = pause(clock, 20_000);
    clock = play(clock, 21_000);
    expect(positionAt(clock, 22_000)).toBe(1_000);
  });
});
