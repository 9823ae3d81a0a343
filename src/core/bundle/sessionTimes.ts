/**
 * Every time in a bundle must lie within the session it describes. Without this, one event at
 * t = 1e15 ms stretches the replay to 277 million hours. The span is the session's own: start to end
 * when the end was recorded, else at most MAX_SESSION_MS (a session cut off by a crash has no end).
 * Wall-clock stamps get a fixed slack; audio-clock measures (segments, levels, silences) also a share
 * of the span, because the two clocks drift apart a little over hours. Each refusal names the file
 * and the line or entry at fault.
 */
import { formatDuration } from '../analysis/formatDuration';
import type { SessionEvent } from '../session/types';
import type { SessionRecord } from '../records/types';
import { fail } from './errors';
import { AUDIO_CLOCK_TOLERANCE, EVENTS_FILE, LEVELS_FILE, MAX_SESSION_MS, SESSION_FILE, SESSION_TIME_TOLERANCE_MS } from './format';

export interface SessionSpan {
  /** Longest time a wall-clock stamp may carry. */
  wallMs: number;
  /** Longest time an audio-clock measure may reach. */
  audioMs: number;
  /** How the limit reads in a message. */
  describe: string;
}

const clock = (ms: number) => (Number.isFinite(ms) && ms < 1e13 ? formatDuration(ms) : `${ms} ms`);

/** The session's span, or a refusal when its start and end cannot be a session. */
export function sessionSpan(session: SessionRecord): SessionSpan {
  const { startedAt, endedAt } = session;
  if (endedAt !== null && endedAt < startedAt)
    fail('out-of-range', `This bundle's ${SESSION_FILE} says the session ended before it started.`);
  const spanMs = endedAt === null ? MAX_SESSION_MS : endedAt - startedAt;
  if (spanMs > MAX_SESSION_MS) {
    fail(
      'out-of-range',
      `This bundle's ${SESSION_FILE} says the session lasted ${clock(spanMs)}; a session may last at most ${clock(MAX_SESSION_MS)}.`,
    );
  }
  return {
    wallMs: spanMs + SESSION_TIME_TOLERANCE_MS,
    audioMs: spanMs * (1 + AUDIO_CLOCK_TOLERANCE) + SESSION_TIME_TOLERANCE_MS,
    describe: endedAt === null ? `the longest a session may last (${clock(MAX_SESSION_MS)})` : `the session's end (${clock(spanMs)})`,
  };
}

/**
 * The times an event places on the session's timeline, by field. A nudge's measured duration is left
 * out: it is shown as a number, never placed on the timeline.
 */
function eventTimes(event: SessionEvent): [string, number][] {
  const times: [string, number][] = [['t', event.t]];
  if (event.type === 'edit' && event.startT !== undefined) times.push(['startT', event.startT]);
  if (event.type === 'phase-end') times.push(['actualMs', event.actualMs]);
  return times;
}

/** Refuses the first event (by line, counted from 1) with a time past the span. */
export function checkEventTimes(events: readonly SessionEvent[], span: SessionSpan): void {
  for (let i = 0; i < events.length; i++) {
    for (const [field, ms] of eventTimes(events[i]!)) {
      if (ms > span.wallMs) {
        fail('out-of-range', `Line ${i + 1} of this bundle's ${EVENTS_FILE} has ${field} = ${clock(ms)}, after ${span.describe}.`);
      }
    }
  }
}

/** Audio segments and silences of the session record, and the levels' length, all within the span. */
export function checkRecordTimes(
  session: SessionRecord,
  levels: readonly { index: number; db: readonly number[] }[],
  span: SessionSpan,
): void {
  for (const segment of session.audio?.segments ?? []) {
    const end = segment.startMs + (segment.durationMs ?? 0);
    if (end > span.audioMs)
      fail(
        'out-of-range',
        `Audio segment ${segment.index} in this bundle's ${SESSION_FILE} runs to ${clock(end)}, after ${span.describe}.`,
      );
  }
  session.silences.forEach((s, i) => {
    if (s.startMs < 0 || s.endMs > span.audioMs) {
      fail(
        'out-of-range',
        `Silence ${i + 1} in this bundle's ${SESSION_FILE} (${clock(s.startMs)} to ${clock(s.endMs)}) lies outside the session (0 to ${span.describe}).`,
      );
    }
  });
  for (const l of levels) {
    const segment = session.audio?.segments.find((s) => s.index === l.index);
    const end = (segment?.startMs ?? 0) + l.db.length * session.levelFrameMs;
    if (end > span.audioMs)
      fail(
        'out-of-range',
        `The levels of audio segment ${l.index} in this bundle's ${LEVELS_FILE} run to ${clock(end)}, after ${span.describe}.`,
      );
  }
}
