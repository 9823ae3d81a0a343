/**
 * What a change of the phase clock means for the session: the recorder learns whether the timer runs,
 * and the log gets pause/resume, each phase's end (planned vs actual, from the clock's `completed`) and
 * each phase's start. Ending the last phase finishes the recording.
 */
import type { PhaseClockState } from '../../core/timer/phaseClock';
import { recorder } from '../../recorder';
import { useNudges } from '../interview';

export function logClockChange(previous: PhaseClockState | null, clock: PhaseClockState): void {
  const running = clock.pausedAt === null && clock.finishedAt === null;
  recorder.setTimerRunning(running);
  const sameSession = previous?.startedAt === clock.startedAt;
  if (sameSession && previous.pausedAt === null && clock.pausedAt !== null) recorder.log({ type: 'pause' });
  if (sameSession && previous.pausedAt !== null && clock.pausedAt === null) recorder.log({ type: 'resume' });
  // Phases end in order, so completed[i] is phase i; Finish early may end several at once.
  const endedBefore = sameSession ? previous.completed.length : 0;
  clock.completed.slice(endedBefore).forEach((record, i) => {
    const phaseIndex = endedBefore + i;
    recorder.log({ type: 'phase-end', phaseId: record.phaseId, phaseIndex, plannedMs: Math.round(record.plannedMs), actualMs: Math.round(record.actualMs) });
  });
  if (clock.finishedAt === null && (!sameSession || clock.phaseIndex !== previous.phaseIndex)) {
    recorder.log({ type: 'phase', phaseId: clock.phases[clock.phaseIndex]!.id, phaseIndex: clock.phaseIndex });
  }
  useNudges.getState().clockChanged(previous, clock);
  if (clock.finishedAt !== null && previous?.finishedAt === null) void recorder.finish();
}
