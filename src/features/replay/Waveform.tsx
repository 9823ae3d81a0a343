/**
 * One audio segment's waveform (wavesurfer.js), drawn from peaks precomputed from the stored levels and
 * the known duration, so even a two-hour recording is never decoded just to draw it. Its <audio> element
 * plays the stored WebM; the playback controller drives it, and a click on the waveform seeks the session.
 */
import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import { sessionMsOf } from '../../core/replay/audioSpans';
import { formatClock } from '../../core/timer/phaseClock';
import type { PlaybackController } from './playbackController';
import type { SegmentMedia } from './useReplayData';
import { useResolvedTheme, type Theme } from '../theme';

// The play head's line: near-white on the dark theme, near-black on the light one.
const CURSOR_COLOR: Record<Theme, string> = { dark: '#f8fafc', light: '#0f172a' };

export function Waveform({ segment, part, controller }: { segment: SegmentMedia; part: number; controller: PlaybackController }) {
  const containerRef = useRef<HTMLDivElement | null>(null);
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const { span, url, peaks } = segment;
  // The <audio> element's error (damaged or unplayable bytes): said in words instead of a silent player.
  const [failed, setFailed] = useState(false);
  const theme = useResolvedTheme();
  const surferRef = useRef<WaveSurfer | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    const media = audioRef.current;
    if (!container || !media) return;
    const surfer = WaveSurfer.create({
      container,
      media,
      url,
      peaks: [peaks],
      duration: span.durationMs / 1000,
      height: 56,
      normalize: true,
      waveColor: '#475569',
      progressColor: '#38bdf8',
      cursorColor: CURSOR_COLOR.dark,
      barWidth: 2,
      barGap: 1,
      dragToSeek: true,
    });
    // A click or drag on the waveform moves the whole replay (code, results, timeline), not just this audio.
    const off = surfer.on('interaction', (seconds) => controller.seek(sessionMsOf(span, seconds)));
    const onError = () => setFailed(true);
    media.addEventListener('error', onError);
    const offError = surfer.on('error', onError);
    controller.attachMedia(span.index, media);
    surferRef.current = surfer;
    return () => {
      surferRef.current = null;
      off();
      offError();
      media.removeEventListener('error', onError);
      controller.attachMedia(span.index, null);
      surfer.destroy();
    };
  }, [controller, span, url, peaks]);

  // Runs after the waveform is (re)created above, and on a theme switch: recolours the cursor in place, as
  // recreating the waveform would detach the playing audio.
  useEffect(() => {
    surferRef.current?.setOptions({ cursorColor: CURSOR_COLOR[theme] });
  }, [theme, controller, span, url, peaks]);

  return (
    <div
      className="relative h-full"
      title={`Audio, part ${part}: ${formatClock(span.startMs)} to ${formatClock(span.startMs + span.durationMs)}`}
    >
      <div ref={containerRef} data-testid="waveform" />
      <audio ref={audioRef} preload="metadata" data-testid="replay-audio" aria-label={`Audio, part ${part}`} />
      {failed && (
        <p role="alert" className="absolute inset-x-0 top-0 rounded bg-rose-900/90 px-2 py-1 text-xs">
          Part {part} of the audio cannot be played: the recording is damaged or in a format this browser cannot play. The timeline and code
          still replay.
        </p>
      )}
    </div>
  );
}
