import { useState } from 'react';
import type { Problem } from '../../../core/problems/types';
import { formatClock, readClock } from '../../../core/timer/phaseClock';
import { currentGoal, type PhasePlan } from '../../../core/timer/protocols';
import { useNow } from '../../../shared/useNow';
import { InterviewSettingsMenu } from '../../interview';
import { ConfirmEndSession } from '../../recording';
import { useLeftInSession } from '../useLeftInSession';
import { ProtocolPicker } from '../protocols/ProtocolPicker';
import { useAttemptHasWork, useWorkspace } from '../useWorkspace';

/**
 * New attempt: the problem from scratch (starter, no results, stages locked, no Submit, empty notes). Shown
 * when the current attempt has something in it and no session is running.
 */
function NewAttemptButton({ primary = false }: { primary?: boolean }) {
  const hasWork = useAttemptHasWork();
  const running = useWorkspace((s) => s.runningShown !== null);
  if (!hasWork) return null;
  return (
    <button
      type="button"
      className={`btn ${primary ? 'btn-primary' : ''}`}
      disabled={running}
      onClick={() => void useWorkspace.getState().newAttempt()}
      title="Start this problem again from the starter; this attempt is kept in the history and its sessions in Sessions"
    >
      New attempt
    </button>
  );
}

/** The phase's goal, or the goal of the step inside it the clock is in (with which step it is). */
function PhaseGoal({ phase, elapsedMs }: { phase: PhasePlan; elapsedMs: number }) {
  const { goal, step, steps } = currentGoal(phase, elapsedMs);
  return (
    <>
      <span className="sr-only">{step === null ? 'Goal of this phase: ' : 'Goal now: '}</span>
      {step !== null && (
        <span className="mr-1 text-slate-400">
          Step {step}/{steps} ·
        </span>
      )}
      {goal}
    </>
  );
}

/**
 * The phase timer: before a session, the interview settings, the protocol picker and Start; then the
 * phase name, time left (or overtime, in a warning colour), Pause/Resume, Next phase, and the phase's
 * goal underneath.
 */
export function PhaseTimer({ problem }: { problem: Problem }) {
  const clock = useWorkspace((s) => s.clock);
  const { start, pause, resume, nextPhase, endSession } = useWorkspace.getState();
  const now = useNow(250);
  const [confirmingFinish, setConfirmingFinish] = useState(false);
  const left = useLeftInSession(problem);

  if (!clock) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <InterviewSettingsMenu />
        <ProtocolPicker problem={problem} />
        <NewAttemptButton />
        <button type="button" className="btn btn-primary" onClick={start}>
          Start
        </button>
      </div>
    );
  }

  const r = readClock(clock, now);
  const overtime = r.overtimeMs > 0 && !r.finished;
  const display = overtime ? formatClock(r.overtimeMs, '+') : formatClock(r.remainingMs);
  // Label and time share one line, so the goal under them keeps the header as short as it was.
  return (
    <div className="flex flex-col items-end gap-0.5">
      <div className="flex flex-wrap items-center justify-end gap-3">
        <InterviewSettingsMenu />
        <div
          role="timer"
          aria-label="Phase timer"
          aria-live="off"
          data-overtime={overtime}
          className={`flex items-baseline gap-2 rounded px-3 py-0.5 ${overtime ? 'bg-amber-900/60 text-amber-200' : 'bg-slate-800'}`}
        >
          <span className="text-xs uppercase tracking-wide text-slate-300">
            {r.finished ? 'Session finished' : `${r.phase.name} · phase ${r.phaseIndex + 1}/${r.phaseCount}`}
            {r.paused && ' · paused'}
            {overtime && ' · overtime'}
          </span>
          {/* Finished: the label says it; a "done" beside it only repeated it and widened the header. */}
          {!r.finished && (
            <span className="font-mono text-lg tabular-nums" data-testid="phase-time">
              {display}
            </span>
          )}
        </div>
        {!r.finished && (
          <>
            {r.paused ? (
              <button type="button" className="btn" onClick={resume}>
                Resume
              </button>
            ) : (
              <button type="button" className="btn" onClick={pause}>
                Pause
              </button>
            )}
            {/* Finish ends the session: it asks first, as End session does, naming what is left. */}
            <button type="button" className="btn" onClick={r.isLastPhase ? () => setConfirmingFinish(true) : nextPhase}>
              {r.isLastPhase ? 'Finish' : 'Next phase'}
            </button>
            {confirmingFinish && r.isLastPhase && (
              <ConfirmEndSession onEnd={endSession} onClose={() => setConfirmingFinish(false)} left={left} />
            )}
          </>
        )}
        {r.finished && (
          <>
            <ProtocolPicker problem={problem} />
            <button
              type="button"
              className="btn"
              onClick={start}
              title="Another session of this attempt, with a fresh timer; your code stays as it is"
            >
              Start again
            </button>
            <NewAttemptButton primary />
          </>
        )}
      </div>
      {!r.finished && (
        // w-0 min-w-full: the goal takes the width of the row above instead of widening the header.
        <p className="focus-hide w-0 min-w-full text-right text-xs text-slate-300" data-testid="phase-goal">
          <PhaseGoal phase={r.phase} elapsedMs={r.elapsedMs} />
        </p>
      )}
    </div>
  );
}
