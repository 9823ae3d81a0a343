/** Play/pause, the speed (1×, 1.5×, 2×), the position against the length, and the keys that move around. */
import { PLAYBACK_RATES } from '../../core/replay/playbackClock';
import { formatClock } from '../../core/timer/phaseClock';
import type { PlaybackController } from './playbackController';
import { usePlaybackState } from './usePlayback';

function Position({ controller }: { controller: PlaybackController }) {
  // Whole seconds only: the text changes once a second, not on every frame.
  const seconds = usePlaybackState(controller, (s) => Math.floor(s.playheadMs / 1000));
  return (
    <span className="font-mono text-sm tabular-nums" aria-label="Play head position" data-testid="playhead-time">
      {formatClock(seconds * 1000)} / {formatClock(controller.durationMs)}
    </span>
  );
}

export function PlayerControls({ controller, clockOnly }: { controller: PlaybackController; clockOnly: boolean }) {
  const playing = usePlaybackState(controller, (s) => s.playing);
  const rate = usePlaybackState(controller, (s) => s.rate);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="button" className="btn btn-primary w-20" onClick={() => controller.togglePlay()} aria-keyshortcuts="Space">
        {playing ? 'Pause' : 'Play'}
      </button>
      <div role="group" aria-label="Playback speed" className="flex">
        {PLAYBACK_RATES.map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={rate === r}
            onClick={() => controller.setRate(r)}
            className={`border border-slate-600 px-2 py-1 text-sm first:rounded-l last:rounded-r ${rate === r ? 'bg-slate-600 text-slate-50' : 'bg-slate-800 hover:bg-slate-700'}`}
          >
            {r}×
          </button>
        ))}
      </div>
      <Position controller={controller} />
      {clockOnly && <span className="text-xs text-slate-400">No audio: the code replays on a clock.</span>}
      <span className="ml-auto text-xs text-slate-500">
        <kbd>Space</kbd> play/pause · <kbd>←</kbd>/<kbd>→</kbd> 5 s · <kbd>N</kbd>/<kbd>P</kbd> next/previous run · <kbd>S</kbd> next
        silence
      </span>
    </div>
  );
}
