/**
 * The audio row of the timeline: each segment's waveform placed at its session time, so it lines up with
 * the marks below; the gaps between segments (the session went on after a reload) are left blank.
 */
import type { PlaybackController } from './playbackController';
import type { SegmentMedia } from './useReplayData';
import { Waveform } from './Waveform';

export function AudioRow({
  segments,
  durationMs,
  controller,
  audioNote,
}: {
  segments: SegmentMedia[];
  durationMs: number;
  controller: PlaybackController;
  audioNote: string | null;
}) {
  if (segments.length === 0) {
    return (
      <p className="absolute inset-0 flex items-center text-xs text-slate-400" data-testid="no-audio">
        {audioNote}
      </p>
    );
  }
  return (
    <>
      {segments.map((segment, i) => (
        <div
          key={segment.span.index}
          className="absolute inset-y-0"
          style={{ left: `${(segment.span.startMs / durationMs) * 100}%`, width: `${(segment.span.durationMs / durationMs) * 100}%` }}
        >
          <Waveform segment={segment} part={i + 1} controller={controller} />
        </div>
      ))}
    </>
  );
}
