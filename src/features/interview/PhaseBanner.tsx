import { useEffect, useRef, useState } from 'react';
import { detectBoundary, type ClockObservation, type PhaseBoundary } from '../../core/timer/boundaries';
import { readClock, type PhaseClockState } from '../../core/timer/phaseClock';
import { useNow } from '../../shared/useNow';
import { playChime } from './chime';
import { useInterviewSettings } from './interviewSettings';

/** How long a boundary banner stays: long enough to read a goal, short enough not to be in the way. */
const BANNER_MS = 6000;

type ChimeState = 'played' | 'off' | 'unavailable';

function bannerText(boundary: PhaseBoundary, clock: PhaseClockState): string {
  if (boundary.kind === 'finished') return 'Session finished. Your recording is above: listen back, then open Replay and review.';
  const phase = clock.phases[boundary.phaseIndex]!;
  if (boundary.kind === 'phase-started') return `Time for ${phase.name}: ${phase.goal}`;
  const next = clock.phases[boundary.phaseIndex + 1];
  return next
    ? `Time is up for ${phase.name}. Move on to ${next.name} when you can; the overtime is counted.`
    : `Time is up for ${phase.name}. Wrap up and press Finish; the overtime is counted.`;
}

/**
 * At each phase boundary (a phase starts, its planned time runs out, the session ends): a soft chime,
 * if switched on, and a banner that is announced to screen readers and hides itself after a few seconds.
 * `loaded`: false while the workspace restores its clock, so a reload does not announce the current phase.
 */
export function PhaseBanner({ clock, loaded }: { clock: PhaseClockState | null; loaded: boolean }) {
  const now = useNow(250);
  const previous = useRef<ClockObservation>(null);
  const [banner, setBanner] = useState<{ text: string; key: number; chime: ChimeState } | null>(null);

  useEffect(() => {
    const next: ClockObservation = !loaded
      ? null
      : clock
        ? { startedAt: clock.startedAt, reading: readClock(clock, Date.now()) }
        : 'no-clock';
    const boundary = detectBoundary(previous.current, next);
    previous.current = next;
    if (!boundary || !clock) return;
    const chime: ChimeState = useInterviewSettings.getState().chime ? (playChime() ? 'played' : 'unavailable') : 'off';
    setBanner({ text: bannerText(boundary, clock), key: Date.now(), chime });
  }, [clock, loaded, now]);

  useEffect(() => {
    if (!banner) return;
    const timer = setTimeout(() => setBanner(null), BANNER_MS);
    return () => clearTimeout(timer);
  }, [banner]);

  // The live region stays in the page, so screen readers announce each new banner put into it. It floats
  // in the bottom-right corner (over the console or the notes preview) instead of pushing the editor down.
  return (
    <div role="status" aria-label="Phase change" className="pointer-events-none fixed right-4 bottom-4 z-30 max-w-md">
      {banner && (
        <div
          key={banner.key}
          className="pointer-events-auto flex items-center gap-3 rounded border border-indigo-700 bg-indigo-950 px-4 py-2 text-sm shadow-lg"
          data-testid="phase-banner"
          data-chime={banner.chime}
        >
          <span>{banner.text}</span>
          <button type="button" className="btn ml-auto shrink-0" onClick={() => setBanner(null)}>
            Hide
          </button>
        </div>
      )}
    </div>
  );
}
