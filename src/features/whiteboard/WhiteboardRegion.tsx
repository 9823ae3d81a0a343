import { lazy, Suspense, useEffect, useState } from 'react';
import { useBoard } from './boardStore';

// Excalidraw is large: it loads only when a design workspace shows its board, never with the catalog.
const Whiteboard = lazy(() => import('./Whiteboard'));

/**
 * The region named Whiteboard in a design workspace; opens the problem's board and saves it on leaving.
 * `after`: what should load first (the code editor): on a slow machine both at once delayed the editor by
 * many seconds, and the scratchpad is what the candidate uses first.
 */
export function WhiteboardRegion({ problemId, after }: { problemId: string; after?: () => Promise<unknown> }) {
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
    <section role="region" aria-label="Whiteboard" className="flex min-h-0 flex-col border-b border-slate-800">
      <h2 className="px-3 pt-2 text-xs uppercase tracking-wide text-slate-400">Whiteboard</h2>
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
