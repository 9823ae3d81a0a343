/**
 * What a change of the phase clock means for the session log: pause/resume, each phase's end (planned vs
 * actual, from the clock's `completed`) and each phase's start, and whether the timer runs. Pure, so the
 * engine logs exactly these and the rules are unit-tested.
 */
import type { PhaseClockState } from '../timer/phaseClock';

export type ClockLogEvent =
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'phase-end'; phaseId: string; phaseIndex: number; plannedMs: number; actualMs: number }
  | { type: 'phase'; phaseId: string; phaseIndex: number };

export interface ClockChange {
  events: ClockLogEvent[];
  timerRunning: boolean;
  /** A clock started since `previous` (a new session), so per-session tracking starts over. */
  newSession: boolean;
  /** The phase changed (or the clock finished or started): phase-bound nudges end. */
  phaseChanged: boolean;
  /** The last phase just ended: the recording finishes. */
  finishedNow: boolean;
}

export function clockChange(previous: PhaseClockState | null, clock: PhaseClockState): ClockChange {
  const events: ClockLogEvent[] = [];
  const sameSession = previous?.startedAt === clock.startedAt;
  if (sameSession && previous.pausedAt === null && clock.pausedAt !== null) events.push({ type: 'pause' });
  if (sameSession && previous.pausedAt !== null && clock.pausedAt === null) events.push({ type: 'resume' });
  // Phases end in order, so completed[i] is phase i; Finish early may end several at once.
  const endedBefore = sameSession ? previous.completed.length : 0;
  clock.completed.slice(endedBefore).forEach((record, i) => {
    events.push({
      type: 'phase-end',
      phaseId: record.phaseId,
      phaseIndex: endedBefore + i,
      plannedMs: Math.round(record.plannedMs),
      actualMs: Math.round(record.actualMs),
    });
  });
  const phaseMoved = !sameSession || clock.phaseIndex !== previous.phaseIndex;
  if (clock.finishedAt === null && phaseMoved)
    events.push({ type: 'phase', phaseId: clock.phases[clock.phaseIndex]!.id, phaseIndex: clock.phaseIndex });
  return {
    events,
    timerRunning: clock.pausedAt === null && clock.finishedAt === null,
    newSession: !sameSession,
    phaseChanged: phaseMoved || clock.finishedAt !== null,
    finishedNow: clock.finishedAt !== null && (!sameSession || previous.finishedAt === null),
  };
}
