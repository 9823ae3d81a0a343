/**
 * The replay's keys: Space play/pause, ←/→ five seconds, N/P next/previous Run or Submit, S next silence.
 * Ignored while typing in a form field (the review's forms share the page), in a dialog, or with a modifier held.
 */
import { useEffect } from 'react';
import { nextAfter, nextSilenceAfter, previousBefore, stepBy } from '../../core/replay/navigation';
import type { Timeline } from '../../core/replay/timeline';
import type { PlaybackController } from './playbackController';

const STEP_MS = 5_000;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** Keys inside a dialog (the comparison with the reference) belong to the dialog. */
const inDialog = (target: EventTarget | null) => target instanceof HTMLElement && target.closest('dialog[open]') !== null;

/**
 * Space on a focused control outside the player (a review button, a tab) activates that control, as
 * everywhere on the web; inside the player (its buttons, the timeline marks) it plays and pauses.
 */
function spaceBelongsToControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.closest('button, a[href], summary, [role="button"], [role="tab"], [role="checkbox"], [role="radio"]') !== null &&
    target.closest('[data-player]') === null
  );
}

export function useReplayShortcuts(controller: PlaybackController, timeline: Timeline): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target) || inDialog(e.target)) return;
      const at = controller.store.getState().playheadMs;
      let target: number | null;
      switch (e.key) {
        case ' ':
          if (spaceBelongsToControl(e.target)) return;
          e.preventDefault(); // no page scroll, and no second toggle from a focused button
          controller.togglePlay();
          return;
        case 'ArrowLeft':
          target = stepBy(at, -STEP_MS, timeline.durationMs);
          break;
        case 'ArrowRight':
          target = stepBy(at, STEP_MS, timeline.durationMs);
          break;
        case 'n':
        case 'N':
          target = nextAfter(timeline.runs, at)?.t ?? null;
          break;
        case 'p':
        case 'P':
          target = previousBefore(timeline.runs, at)?.t ?? null;
          break;
        case 's':
        case 'S':
          target = nextSilenceAfter(timeline.silences, at)?.startMs ?? null;
          break;
        default:
          return;
      }
      e.preventDefault();
      if (target !== null) controller.seek(target);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller, timeline]);
}
