import { formatClock } from '../../core/timer/phaseClock';
import { useInterviewSettings } from './interviewSettings';
import { dismissCodingNudge, useCodingNudge, type CodingNudge } from './nudgeStore';

function message(nudge: CodingNudge): string {
  if (nudge.kind === 'plan-coding') {
    return 'You started coding before writing down any edge case. List them first: in Plan notes (one "- " line each) or as comment lines at the top of the editor.';
  }
  return `You have been editing for ${formatClock(nudge.editingMs)} without running anything. Test what you just wrote: Ctrl/⌘+Enter runs the examples.`;
}

/** The coding nudges (no-run, plan-coding): one dismissible line under the header, announced when it appears. */
export function NudgeBanner() {
  const shown = useCodingNudge();
  // A nudge switched off while on screen goes away at once.
  const enabled = useInterviewSettings((s) =>
    shown?.kind === 'no-run' ? s.noRunNudge : shown?.kind === 'plan-coding' ? s.planCodingNudge : false,
  );
  return (
    <div role="status" aria-label="Coding nudge">
      {shown && enabled && (
        <div className="flex items-center gap-3 bg-sky-950 px-4 py-1 text-sm" data-testid="coding-nudge" data-kind={shown.kind}>
          <span>{message(shown)}</span>
          <button type="button" className="btn ml-auto" onClick={dismissCodingNudge}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
