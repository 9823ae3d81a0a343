import { lazy, Suspense, useEffect } from 'react';
import { useBoard } from './boardStore';

// Excalidraw is large: it loads only when a design workspace shows its board, never with the catalog.
const Whiteboard = lazy(() => import('./Whiteboard'));

/** The region named Whiteboard in a design workspace; opens the problem's board and saves it on leaving. */
export function WhiteboardRegion({ problemId }: { problemId: string }) {
  const saveError = useBoard((s) => s.saveError);
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
        <Suspense fallback={<p className="p-3 text-sm text-slate-400">Loading the whiteboard…</p>}>
          <Whiteboard />
        </Suspense>
      </div>
    </section>
  );
}
