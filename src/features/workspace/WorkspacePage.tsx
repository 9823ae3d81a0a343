import { lazy, Suspense, useEffect, useMemo } from 'react';
import { Link } from 'wouter';
import type { Problem } from '../../core/problems/types';
import { Markdown } from '../../shared/Markdown';
import { ConsolePanel } from './components/ConsolePanel';
import { PhaseTimer } from './components/PhaseTimer';
import { ResultsPanel } from './components/ResultsPanel';
import { markersFromResult } from './markers';
import { useRunShortcuts } from './useRunShortcuts';
import { useWorkspace } from './workspaceStore';

// Monaco is several MB: it loads only when a workspace opens, never with the catalog.
const CodeEditor = lazy(() => import('./editor/CodeEditor'));

export function WorkspacePage({ problem }: { problem: Problem }) {
  const loaded = useWorkspace((s) => s.loaded && s.problem?.id === problem.id);
  const code = useWorkspace((s) => s.code);
  const running = useWorkspace((s) => s.running);
  const lastResult = useWorkspace((s) => s.lastResult);
  const saveError = useWorkspace((s) => s.saveError);
  const { open, setCode, run, flushDraft } = useWorkspace.getState();
  const markers = useMemo(() => markersFromResult(lastResult), [lastResult]);

  useRunShortcuts();

  useEffect(() => {
    void open(problem);
    const flush = () => void flushDraft();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [problem, open, flushDraft]);

  useEffect(() => {
    document.title = `${problem.title} · Rehearse`;
  }, [problem.title]);

  return (
    <div className="flex h-screen flex-col">
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-800 px-4 py-2">
        <Link href="/" className="text-sm text-slate-400 hover:text-slate-200">
          ← Problems
        </Link>
        <h1 className="text-lg font-semibold">{problem.title}</h1>
        <div className="ml-auto">
          <PhaseTimer />
        </div>
      </header>
      {saveError && (
        <p role="alert" className="bg-rose-900 px-4 py-1 text-sm">
          {saveError}
        </p>
      )}
      <div className="grid min-h-0 flex-1 grid-cols-[minmax(18rem,28%)_1fr]">
        <aside className="overflow-auto border-r border-slate-800 p-4" aria-label="Problem statement">
          <Markdown source={problem.statement} />
        </aside>
        <main className="grid min-h-0 grid-rows-[1fr_auto_16rem]">
          <div className="min-h-0" data-testid="editor">
            {loaded ? (
              <Suspense fallback={<p className="p-4 text-sm text-slate-400">Loading the editor…</p>}>
                <CodeEditor value={code} examples={problem.examples} markers={markers} onChange={setCode} />
              </Suspense>
            ) : (
              <p className="p-4 text-sm text-slate-400">Restoring your draft…</p>
            )}
          </div>
          <div className="flex items-center gap-2 border-y border-slate-800 px-3 py-2">
            <button type="button" className="btn" disabled={!!running || !loaded} onClick={() => void run('run')} title="Ctrl/⌘+Enter">
              Run
            </button>
            <button type="button" className="btn btn-primary" disabled={!!running || !loaded} onClick={() => void run('submit')} title="Ctrl/⌘+Shift+Enter">
              Submit
            </button>
            <span className="text-xs text-slate-500">Ctrl/⌘+Enter runs the examples · Ctrl/⌘+Shift+Enter submits</span>
          </div>
          <div className="grid min-h-0 grid-cols-2 divide-x divide-slate-800">
            <ResultsPanel />
            <ConsolePanel />
          </div>
        </main>
      </div>
    </div>
  );
}
