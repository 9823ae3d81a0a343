import { isPaused } from '../../../practice';
import { useWorkspace } from '../useWorkspace';
import { WorkspaceReferenceButton } from './WorkspaceReferenceButton';

/** Run and Submit (or just Run, for a design scratchpad), with their shortcuts spelled out. */
export function RunBar({ canSubmit }: { canSubmit: boolean }) {
  // The engine refuses a second run while one is under way; the buttons show it once the run lasts.
  const running = useWorkspace((s) => s.runningShown);
  const loaded = useWorkspace((s) => s.loaded);
  const preparing = useWorkspace((s) => s.preparing);
  const paused = useWorkspace((s) => isPaused(s.clock));
  const { run } = useWorkspace.getState();
  return (
    <div className="flex items-center gap-2 border-y border-slate-800 px-3 py-2">
      <button type="button" className="btn" disabled={!!running || !loaded || paused} onClick={() => void run('run')} title="Ctrl/⌘+Enter">
        Run
      </button>
      {canSubmit && (
        <button
          type="button"
          className="btn btn-primary"
          disabled={!!running || !loaded || paused}
          onClick={() => void run('submit')}
          title="Ctrl/⌘+Shift+Enter"
        >
          Submit
        </button>
      )}
      {canSubmit && <WorkspaceReferenceButton />}
      {paused && (
        <span role="status" className="rounded bg-amber-900/70 px-2 py-0.5 text-sm font-semibold text-amber-100" data-testid="paused-state">
          Paused: the timer, the recording and editing wait. Resume to carry on.
        </span>
      )}
      {preparing && (
        <span role="status" className="text-xs text-amber-300" data-testid="run-preparing">
          {preparing}
        </span>
      )}
      <span className="text-xs text-slate-500">Ctrl/⌘+Enter runs{canSubmit ? ' the examples · Ctrl/⌘+Shift+Enter submits' : ''}</span>
    </div>
  );
}
