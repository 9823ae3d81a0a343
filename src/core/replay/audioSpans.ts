/**
 * Session time ↔ audio. A session's audio is one segment per recording stretch (a resume after a reload
 * starts a new one); each segment's audio time is its session time minus its start, and the gaps
 * between segments have no audio. The replay keeps one clock in session time and maps it here.
 */
import type { AudioSegmentInfo } from '../session/types';

export interface AudioSpan {
  /** The segment's index (as stored: `loadSegmentAudio(sessionId, index)`). */
  index: number;
  mimeType: string;
  startMs: number;
  durationMs: number;
}

/**
 * The segments that can play, in session order. A segment whose duration was never recorded (a crash before
 * Finish) takes the length its stored levels cover, when the caller knows it; otherwise it is left out.
 */
export function audioSpans(
  segments: readonly AudioSegmentInfo[],
  fallbackDurationMs: (index: number) => number | null = () => null,
): AudioSpan[] {
  const spans: AudioSpan[] = [];
  for (const s of segments) {
    const durationMs = s.durationMs ?? fallbackDurationMs(s.index);
    if (durationMs === null || !(durationMs > 0)) continue;
    spans.push({ index: s.index, mimeType: s.mimeType, startMs: s.startMs, durationMs });
  }
  return spans.sort((a, b) => a.startMs - b.startMs);
}

export const spanEndMs = (span: AudioSpan) => span.startMs + span.durationMs;

/** The span that has audio at session time `atMs` (start inclusive, end exclusive), or null in a gap. */
export function spanAt(spans: readonly AudioSpan[], atMs: number): AudioSpan | null {
  // Later segments win an overlap: a resumed segment starts after the previous one stopped, so an overlap
  // can only be the old segment's last frame rounded up.
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i]!;
    if (atMs >= span.startMs && atMs < spanEndMs(span)) return span;
  }
  return null;
}

/** Where in a span's audio (seconds, for a media element) session time `atMs` falls, clamped to the span. */
export function mediaSecondsAt(span: AudioSpan, atMs: number): number {
  return Math.min(span.durationMs, Math.max(0, atMs - span.startMs)) / 1000;
}

/** Session time of a position in a span's audio. */
export function sessionMsOf(span: AudioSpan, mediaSeconds: number): number {
  return span.startMs + Math.min(span.durationMs, Math.max(0, mediaSeconds * 1000));
}

/** Total length of audio in the session. */
export function audioMs(spans: readonly AudioSpan[]): number {
  return spans.reduce((sum, s) => sum + s.durationMs, 0);
}
