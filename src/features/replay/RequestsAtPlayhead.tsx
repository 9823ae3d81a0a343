/**
 * An API scenario's requests sent before the play head (method, path, what came back), newest last; each
 * one seeks to its Send. Shown only for a session that sent any.
 */
import type { RequestMarker } from '../../core/replay/timeline';
import { formatClock } from '../../core/timer/phaseClock';
import type { PlaybackController } from './playbackController';
import { usePlaybackState } from './usePlayback';

export function RequestsAtPlayhead({ requests, controller }: { requests: readonly RequestMarker[]; controller: PlaybackController }) {
  // Markers are in log order, so the ones sent by now are a prefix: only its length changes as the play head moves.
  const sent = usePlaybackState(controller, (s) => requests.filter((r) => r.t <= s.playheadMs).length);
  return (
    <section role="region" aria-label="Requests" className="border-b border-slate-800 p-3">
      <h2 className="mb-1 text-sm font-semibold text-slate-200">
        Requests{' '}
        <span className="font-normal text-slate-400">
          ({sent} of {requests.length} sent by now)
        </span>
      </h2>
      {sent === 0 ? (
        <p className="text-sm text-slate-400">No request has been sent yet at this point.</p>
      ) : (
        <ol className="space-y-0.5 font-mono text-xs">
          {requests.slice(0, sent).map((r, i) => (
            <li key={i}>
              <button type="button" onClick={() => controller.seek(r.t)} className="text-left hover:text-sky-300" title={r.label}>
                <span className="text-slate-400">{formatClock(r.t)}</span> {r.method} {r.path}{' '}
                <span className="text-slate-300">→ {r.result}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
