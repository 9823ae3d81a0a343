/**
 * Phase boundaries the candidate should notice (a chime and a banner): a session started, the planned
 * time of the current phase ran out, the phase changed, or the last phase ended. Found by comparing two
 * observations of the clock, so a page that opens in the middle of a phase announces nothing.
 */
import type { ClockReading } from './phaseClock';

export type PhaseBoundary = { kind: 'phase-started'; phaseIndex: number } | { kind: 'time-up'; phaseIndex: number } | { kind: 'finished' };

/**
 * What the page saw of the clock: nothing yet (`null`, e.g. just opened), no session (`'no-clock'`), or a
 * session's clock (identified by when it started) with its reading.
 */
export type ClockObservation = null | 'no-clock' | { startedAt: number; reading: ClockReading };

export function detectBoundary(previous: ClockObservation, next: ClockObservation): PhaseBoundary | null {
  if (previous === null || next === null || next === 'no-clock') return null;
  const { reading } = next;
  // A new session (Start, or Start again after a finished one): its first phase begins.
  if (previous === 'no-clock' || previous.startedAt !== next.startedAt) {
    return reading.finished ? null : { kind: 'phase-started', phaseIndex: reading.phaseIndex };
  }
  const before = previous.reading;
  if (reading.finished) return before.finished ? null : { kind: 'finished' };
  if (reading.phaseIndex !== before.phaseIndex) return { kind: 'phase-started', phaseIndex: reading.phaseIndex };
  if (before.overtimeMs === 0 && reading.overtimeMs > 0) return { kind: 'time-up', phaseIndex: reading.phaseIndex };
  return null;
}
