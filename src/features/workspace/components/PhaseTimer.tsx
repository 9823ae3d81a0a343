import { formatClock, readClock } from '../../../core/timer/phaseClock';
import { useNow } from '../../../shared/useNow';
import { useWorkspace } from '../workspaceStore';

/** The phase timer: Start before a session; then phase name, time left (or overtime), Pause/Resume, Next phase. */
export function PhaseTimer() {
  const clock = useWorkspace((s) => s.clock);
  const { start, pause, resume, nextPhase } = useWorkspace.getState();
  const now = useNow(250);

  if (!clock) {
    return (
      <div className="flex items-center gap-3">
        <span className="text-sm text-slate-400">Timer not started</span>
        <button type="button" className="btn btn-primary" onClick={start}>
          Start
        </button>
      </div>
    );
  }

  const r = readClock(clock, now);
  const overtime = r.overtimeMs > 0;
  const display = r.finished ? 'done' : overtime ? formatClock(r.overtimeMs, '+') : formatClock(r.remainingMs);
  return (
    <div className="flex items-center gap-3">
      <div
        role="timer"
        aria-label="Phase timer"
        aria-live="off"
        className={`flex flex-col rounded px-3 py-1 ${overtime ? 'bg-amber-900/60 text-amber-200' : 'bg-slate-800'}`}
      >
        <span className="text-xs uppercase tracking-wide text-slate-300">
          {r.finished ? 'Session finished' : `${r.phase.name} · phase ${r.phaseIndex + 1}/${r.phaseCount}`}
          {r.paused && ' · paused'}
        </span>
        <span className="font-mono text-lg tabular-nums" data-testid="phase-time">
          {display}
        </span>
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
          <button type="button" className="btn" onClick={nextPhase}>
            {r.isLastPhase ? 'Finish' : 'Next phase'}
          </button>
        </>
      )}
      {r.finished && (
        <button type="button" className="btn btn-primary" onClick={start} title="A new session with a fresh timer; your code stays as it is">
          Start again
        </button>
      )}
      {!r.finished && <p className="hidden max-w-xs text-xs text-slate-400 xl:block">{r.phase.goal}</p>}
    </div>
  );
}
