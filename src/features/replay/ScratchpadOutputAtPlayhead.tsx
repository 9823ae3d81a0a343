import { useMemo } from 'react';
import { lastAtOrBefore } from '../../core/replay/navigation';
import type { ScratchpadRunEvent, SessionEvent } from '../../core/session/types';
import { formatClock } from '../../core/timer/phaseClock';
import type { PlaybackController } from './playbackController';
import { usePlaybackState } from './usePlayback';

/** A design session's last scratchpad run before the play head: what it printed, never a test verdict. */
export function ScratchpadOutputAtPlayhead({ events, controller }: { events: readonly SessionEvent[]; controller: PlaybackController }) {
  const runs = useMemo(() => events.filter((e): e is ScratchpadRunEvent => e.type === 'scratchpad-run'), [events]);
  const run = usePlaybackState(controller, (s) => lastAtOrBefore(runs, s.playheadMs));
  return (
    <section role="region" aria-label="Scratchpad output at the play head" className="h-full overflow-auto p-3">
      {!run ? (
        <p className="text-sm text-slate-400">
          {runs.length > 0 ? 'The scratchpad has not been run yet at this point.' : 'The scratchpad was not run in this session.'}
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm" data-testid="scratchpad-run-summary">
            <span className="font-semibold">Scratchpad run</span> at {formatClock(run.t)}
            {run.outcome !== 'completed' && <span className="text-amber-300"> ({run.outcome})</span>}
          </p>
          <pre className="whitespace-pre-wrap text-xs text-slate-200">{run.output.join('\n') || '(it printed nothing)'}</pre>
        </>
      )}
    </section>
  );
}
