import { formatClock } from '../../core/timer/phaseClock';
import type { SessionRecord } from '../../core/session/types';

/** A session was cut off (reload, crash, closed tab): continue it in a new audio segment, or finish it. */
export function ResumePrompt({ session, onResume, onFinish }: { session: SessionRecord; onResume(): void; onFinish(): void }) {
  const segments = session.audio?.segments.length ?? 0;
  return (
    <div
      role="alertdialog"
      aria-label="Interrupted session"
      className="flex flex-wrap items-center gap-3 bg-amber-950 px-4 py-2 text-sm"
      data-testid="resume-prompt"
    >
      <span>
        Your recording stopped when the page closed ({formatClock(Date.now() - session.startedAt)} since it began
        {segments > 0 ? `, ${segments} audio part${segments > 1 ? 's' : ''} saved` : ', no audio'}). Continue recording where you left off,
        or finish it?
      </span>
      <button type="button" className="btn btn-primary" onClick={onResume}>
        Continue recording
      </button>
      <button type="button" className="btn" onClick={onFinish}>
        End and review
      </button>
    </div>
  );
}
