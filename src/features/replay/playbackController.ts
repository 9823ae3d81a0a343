/**
 * Plays a replay: one clock in session time (core/replay/playbackClock.ts), and the audio elements of the
 * session's segments slaved to it. While a segment's audio plays, the clock follows the audio (it is what
 * the candidate hears); in a gap between segments, or in a session without audio, the clock runs alone.
 * No React: components read the small vanilla store and call the methods.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { mediaSecondsAt, sessionMsOf, spanAt, type AudioSpan } from '../../core/replay/audioSpans';
import {
  createPlaybackClock,
  hasEnded,
  pause,
  play,
  positionAt,
  seek,
  setRate,
  type PlaybackClock,
  type PlaybackRate,
} from '../../core/replay/playbackClock';

export interface PlaybackState {
  playheadMs: number;
  playing: boolean;
  rate: PlaybackRate;
}

export class PlaybackController {
  readonly store: StoreApi<PlaybackState>;
  private clock: PlaybackClock;
  private readonly media = new Map<number, HTMLMediaElement>();
  /** Segments whose audio ran out (or would not play) since the last seek: the clock carries on without them. */
  private readonly exhausted = new Set<number>();
  private frame: number | null = null;

  constructor(
    readonly durationMs: number,
    private readonly spans: readonly AudioSpan[],
  ) {
    this.clock = createPlaybackClock(durationMs, performance.now());
    this.store = createStore<PlaybackState>()(() => ({ playheadMs: 0, playing: false, rate: 1 }));
  }

  /** A segment's audio element (null when it unmounts). */
  attachMedia(index: number, element: HTMLMediaElement | null): void {
    const previous = this.media.get(index);
    if (previous === element) return;
    previous?.pause();
    if (!element) {
      this.media.delete(index);
      return;
    }
    this.media.set(index, element);
    element.playbackRate = this.clock.rate;
    element.addEventListener('ended', () => this.exhausted.add(index));
    this.placeMedia(this.store.getState().playheadMs);
    if (this.clock.playing) this.syncMedia(this.store.getState().playheadMs);
  }

  togglePlay(): void {
    if (this.clock.playing) this.pause();
    else this.play();
  }

  play(): void {
    const now = performance.now();
    const wasAtEnd = hasEnded(this.clock, now);
    this.clock = play(this.clock, now);
    if (wasAtEnd) this.moved(positionAt(this.clock, now));
    this.store.setState({ playing: true });
    this.syncMedia(positionAt(this.clock, now));
    this.frame ??= requestAnimationFrame(this.tick);
  }

  pause(): void {
    this.clock = pause(this.clock, performance.now());
    this.stopLoop();
    for (const element of this.media.values()) element.pause();
    this.store.setState({ playing: false, playheadMs: positionAt(this.clock, performance.now()) });
  }

  seek(ms: number): void {
    const now = performance.now();
    this.clock = seek(this.clock, ms, now);
    const at = positionAt(this.clock, now);
    this.moved(at);
    this.store.setState({ playheadMs: at });
    if (this.clock.playing) this.syncMedia(at);
  }

  setRate(rate: PlaybackRate): void {
    this.clock = setRate(this.clock, rate, performance.now());
    for (const element of this.media.values()) element.playbackRate = rate;
    this.store.setState({ rate });
  }

  dispose(): void {
    this.stopLoop();
    for (const element of this.media.values()) element.pause();
    this.media.clear();
  }

  private stopLoop(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  /** After a jump: every segment's audio is placed where the play head puts it (so each waveform shows its progress). */
  private moved(at: number): void {
    this.exhausted.clear();
    this.placeMedia(at);
  }

  private placeMedia(at: number): void {
    for (const span of this.spans) {
      const element = this.media.get(span.index);
      if (!element) continue;
      if (span !== spanAt(this.spans, at) || !this.clock.playing) element.pause();
      const target = mediaSecondsAt(span, at);
      if (Math.abs(element.currentTime - target) > 0.01) element.currentTime = target;
    }
  }

  /** Plays the audio of the segment under the play head, and only that one. */
  private syncMedia(at: number): void {
    const active = spanAt(this.spans, at);
    for (const [index, element] of this.media) {
      if (active?.index === index && this.clock.playing && !this.exhausted.has(index)) {
        if (element.paused) {
          element.currentTime = mediaSecondsAt(active, at);
          element.playbackRate = this.clock.rate;
          element.play().catch(() => {
            // The audio cannot play (decoding failed, or the browser refused): the clock goes on silently.
            this.exhausted.add(index);
          });
        }
      } else if (!element.paused) {
        element.pause();
      }
    }
  }

  private readonly tick = () => {
    this.frame = null;
    const now = performance.now();
    let at = positionAt(this.clock, now);
    const active = spanAt(this.spans, at);
    const element = active ? this.media.get(active.index) : undefined;
    if (active && element && !element.paused && !element.seeking && !this.exhausted.has(active.index)) {
      // The audio is the truth while it plays: it may start late or stall while it buffers.
      at = sessionMsOf(active, element.currentTime);
      this.clock = seek(this.clock, at, now);
    }
    if (hasEnded(this.clock, now)) {
      this.pause();
      this.store.setState({ playheadMs: this.durationMs });
      return;
    }
    this.store.setState({ playheadMs: at });
    this.syncMedia(at);
    this.frame = requestAnimationFrame(this.tick);
  };
}
