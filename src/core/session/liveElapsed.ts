/**
 * The one clock of a live session. The recording bar, the leave dialog, the navigation's background
 * recording and the Sessions list all show how long a session has run from this function and the same
 * formatter, so they cannot disagree: wall-clock time since the session started (a pause is part of the
 * session's time, as the recording bar has always shown it), whole seconds rounded down.
 */
import { formatClock } from '../timer/phaseClock';
import type { SessionRecord } from './types';

export function liveSessionElapsedMs(session: Pick<SessionRecord, 'startedAt' | 'endedAt'>, now: number): number {
  const elapsed = (session.endedAt ?? now) - session.startedAt;
  return Number.isFinite(elapsed) ? Math.max(0, elapsed) : 0;
}

/** "00:42", "1:02:05": the elapsed time as every place shows it. */
export function formatLiveElapsed(session: Pick<SessionRecord, 'startedAt' | 'endedAt'>, now: number): string {
  return formatClock(liveSessionElapsedMs(session, now));
}
