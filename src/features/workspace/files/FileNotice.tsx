import { useWorkspace } from '../useWorkspace';

/** What the engine said about a file (a keystroke in a read-only file), above the editor until dismissed. */
export function FileNotice() {
  const notice = useWorkspace((s) => s.fileNotice);
  if (!notice) return null;
  return (
    <div
      role="status"
      className="flex items-center gap-2 border-b border-amber-900 bg-amber-950/70 px-3 py-1 text-xs text-amber-100"
      data-testid="file-notice"
    >
      <span className="mr-auto">{notice}</span>
      <button
        type="button"
        className="rounded px-1 hover:bg-amber-900"
        aria-label="Dismiss"
        onClick={() => useWorkspace.getState().dismissFileNotice()}
      >
        ×
      </button>
    </div>
  );
}
