/**
 * The open files as tabs above the editor (the ARIA tabs pattern): a click or ← → then Enter shows a file,
 * × or Delete closes its tab (the last one stays). The tab panel is the editor (EDITOR_PANEL_ID).
 */
import type { KeyboardEvent } from 'react';
import { useWorkspace } from '../useWorkspace';

export const EDITOR_PANEL_ID = 'editor-panel';

const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export function FileTabs() {
  const openFiles = useWorkspace((s) => s.openFiles);
  const active = useWorkspace((s) => s.activeFile);
  const { openFile, closeFile } = useWorkspace.getState();
  // Two open files with the same name show their folders too.
  const names = openFiles.map(nameOf);
  const label = (path: string) => (names.filter((n) => n === nameOf(path)).length > 1 ? path : nameOf(path));

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>, path: string) {
    const at = openFiles.indexOf(path);
    const target =
      e.key === 'ArrowRight'
        ? openFiles[(at + 1) % openFiles.length]
        : e.key === 'ArrowLeft'
          ? openFiles[(at - 1 + openFiles.length) % openFiles.length]
          : e.key === 'Home'
            ? openFiles[0]
            : e.key === 'End'
              ? openFiles[openFiles.length - 1]
              : undefined;
    if (target) {
      e.preventDefault();
      e.currentTarget.parentElement?.parentElement?.querySelector<HTMLElement>(`[data-tab="${CSS.escape(target)}"]`)?.focus();
    } else if (e.key === 'Delete' && openFiles.length > 1) {
      e.preventDefault();
      closeFile(path);
    }
  }

  return (
    <div role="tablist" aria-label="Open files" className="flex min-w-0 overflow-x-auto border-b border-slate-800 bg-slate-900/60">
      {openFiles.map((path) => {
        const selected = path === active;
        return (
          <div
            key={path}
            className={`flex shrink-0 items-center border-r border-slate-800 ${selected ? 'bg-(--editor-background) text-slate-50' : 'text-slate-400'}`}
          >
            <button
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={EDITOR_PANEL_ID}
              aria-label={path}
              title={path}
              tabIndex={selected ? 0 : -1}
              data-tab={path}
              onClick={() => openFile(path)}
              onKeyDown={(e) => onKeyDown(e, path)}
              className="py-1 pl-3 pr-1 font-mono text-xs outline-none focus-visible:ring-1 focus-visible:ring-sky-500"
            >
              {label(path)}
            </button>
            {openFiles.length > 1 && (
              <button
                type="button"
                aria-label={`Close ${path}`}
                title={`Close ${path}`}
                tabIndex={-1}
                onClick={() => closeFile(path)}
                className="mr-1 rounded px-1 text-xs text-slate-500 hover:bg-slate-700 hover:text-slate-200"
              >
                ×
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
