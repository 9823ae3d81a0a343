import { lazy, Suspense, useEffect, useState } from 'react';
import { useBoard } from './boardStore';

// Excalidraw is large: it loads only when a design workspace shows its board, never with the catalog.
const Whiteboard = lazy(() => import('./Whiteboard'));

/**
 * The region named Whiteboard in a design workspace; opens the problem's board and saves it on leaving.
 * `after`: what should load first (the code editor): on a slow machine both at once delayed the editor by
 * many seconds, and the scratchpad is what the candidate uses first.
 */
export interface BoardFocus {
  on: boolean;
  /** Where the screen below the workspace's bars starts, px from the top of the viewport. */
  top: number;
  toggle: () => void;
  shortcut: string;
}

export function WhiteboardRegion({ problemId, after, focus }: { problemId: string; after?: () => Promise<unknown>; focus?: BoardFocus }) {
  const saveError = useBoard((s) => s.saveError);
  const [mayLoad, setMayLoad] = useState(!after);
  useEffect(() => {
    let live = true;
    void (after?.() ?? Promise.resolve()).catch(() => undefined).then(() => live && setMayLoad(true));
    return () => {
      live = false;
    };
  }, [after]);
  useEffect(() => {
    void useBoard.getState().open(problemId);
    const flush = () => void useBoard.getState().flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      void useBoard.getState().close();
    };
  }, [problemId]);
  return (
    <section
      role="region"
      aria-label="Whiteboard"
      // Focus mode: the same canvas (nothing remounts, nothing is lost) laid over the panes below the bars.
      className={
        focus?.on ? 'fixed inset-x-0 bottom-0 z-30 flex flex-col bg-slate-950' : 'relative flex min-h-0 flex-col border-b border-slate-800'
      }
      style={focus?.on ? { top: focus.top } : undefined}
      data-focus={focus?.on ? 'on' : 'off'}
    >
      {/* In focus mode every pixel goes to the canvas: the heading is for screen readers, the button floats. */}
      <div className={focus?.on ? 'sr-only' : 'px-3 pt-1'}>
        <h2 className="text-xs uppercase tracking-wide text-slate-400">Whiteboard</h2>
      </div>
      {focus && (
        <div className={focus.on ? 'absolute bottom-3 left-1/2 z-10 -translate-x-1/2' : 'absolute right-3 top-1'}>
          <button
            type="button"
            className={focus.on ? 'btn py-0 text-xs' : 'text-xs text-sky-400 underline'}
            aria-pressed={focus.on}
            aria-keyshortcuts="Control+Shift+F Meta+Shift+F"
            title={`${focus.on ? 'Back to the panes' : 'Fill the workspace with the board'} (${focus.shortcut})`}
            onClick={focus.toggle}
          >
            {focus.on ? 'Leave focus' : 'Focus the whiteboard'}
          </button>
        </div>
      )}
      {saveError && (
        <p role="alert" className="px-3 text-xs text-rose-300">
          {saveError}
        </p>
      )}
      <div className="min-h-0 flex-1">
        {mayLoad ? (
          <Suspense fallback={<p className="p-3 text-sm text-slate-400">Loading the whiteboard…</p>}>
            <Whiteboard />
          </Suspense>
        ) : (
          <p className="p-3 text-sm text-slate-400">Loading the whiteboard…</p>
        )}
      </div>
    </section>
  );
}
