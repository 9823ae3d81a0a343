/**
 * The replay's play head as a pure clock over timestamps, like the phase timer (core/timer/phaseClock.ts):
 * nothing ticks, `positionAt(clock, now)` derives where playback is. It plays sessions without audio, the
 * gaps between audio segments, and is re-anchored to the audio element while audio plays.
 */
export type PlaybackRate = 1 | 1.5 | 2;
export const PLAYBACK_RATES: readonly PlaybackRate[] = [1, 1.5, 2];

export interface PlaybackClock {
  durationMs: number;
  playing: boolean;
  rate: PlaybackRate;
  /** Session time at `anchorAt`. */
  anchorMs: number;
  /** Timestamp (any monotonic ms clock, e.g. performance.now()) when the position was `anchorMs`. */
  anchorAt: number;
}

const clamp = (ms: number, durationMs: number) => Math.min(durationMs, Math.max(0, ms));

export function createPlaybackClock(durationMs: number, now: number): PlaybackClock {
  return { durationMs: Math.max(0, durationMs), playing: false, rate: 1, anchorMs: 0, anchorAt: now };
}

export function positionAt(clock: PlaybackClock, now: number): number {
  const advanced = clock.playing ? Math.max(0, now - clock.anchorAt) * clock.rate : 0;
  return clamp(clock.anchorMs + advanced, clock.durationMs);
}

/** Playing and reached the end: the caller pauses (a media player stops at its end too). */
export function hasEnded(clock: PlaybackClock, now: number): boolean {
  return positionAt(clock, now) >= clock.durationMs;
}

/** Plays from where it is; from the start when it had reached the end. */
export function play(clock: PlaybackClock, now: number): PlaybackClock {
  if (clock.playing) return clock;
  const at = positionAt(clock, now);
  return { ...clock, playing: true, anchorMs: at >= clock.durationMs ? 0 : at, anchorAt: now };
}

export function pause(clock: PlaybackClock, now: number): PlaybackClock {
  if (!clock.playing) return clock;
  return { ...clock, playing: false, anchorMs: positionAt(clock, now), anchorAt: now };
}

export function togglePlay(clock: PlaybackClock, now: number): PlaybackClock {
  return clock.playing ? pause(clock, now) : play(clock, now);
}

/** Moves the play head (playing or not); also how the clock follows the audio while audio plays. */
export function seek(clock: PlaybackClock, ms: number, now: number): PlaybackClock {
  return { ...clock, anchorMs: clamp(ms, clock.durationMs), anchorAt: now };
}

export function setRate(clock: PlaybackClock, rate: PlaybackRate, now: number): PlaybackClock {
  if (clock.rate === rate) return clock;
  return { ...clock, rate, anchorMs: positionAt(clock, now), anchorAt: now };
}
