/**
 * Quick open (Ctrl/⌘+P): a dialog with a filter field over a list of the project's matching paths; ↑ ↓
 * choose, Enter opens, Escape closes. The focus goes back where it was (the editor, usually).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { matchPaths } from '../../../core/files/quickOpen';
import { useWorkspace } from '../useWorkspace';

export function QuickOpen({ onClose }: { onClose(): void }) {
  const paths = useWorkspace((s) => s.paths);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState(0);
  const matches = useMemo(() => matchPaths(query, paths), [query, paths]);
  const at = Math.min(chosen, Math.max(0, matches.length - 1));
  const listId = useId();
  const optionId = (i: number) => `${listId}-option-${i}`;
  const returnFocus = useRef<Element | null>(document.activeElement);

  useEffect(
    () => () => {
      const back = returnFocus.current;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    },
    [],
  );

  function open(path: string | undefined) {
    if (path === undefined) return;
    useWorkspace.getState().openFile(path);
    onClose();
  }

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-black/40 pt-[12vh]" onMouseDown={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Open a file"
        className="w-[32rem] max-w-[90vw] rounded border border-slate-700 bg-slate-900 p-2 shadow-xl"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          autoFocus
          type="text"
          role="combobox"
          aria-label="File name"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={matches.length > 0 ? optionId(at) : undefined}
          aria-autocomplete="list"
          placeholder="Type part of a file’s path"
          value={query}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => {
            setQuery(e.target.value);
            setChosen(0);
          }}
          onKeyDown={(e) => {
            const moves: Record<string, () => void> = {
              ArrowDown: () => setChosen(Math.min(at + 1, matches.length - 1)),
              ArrowUp: () => setChosen(Math.max(at - 1, 0)),
              Enter: () => open(matches[at]),
              Escape: onClose,
            };
            const move = moves[e.key];
            if (!move) return;
            e.preventDefault();
            e.stopPropagation();
            move();
          }}
          className="w-full rounded border border-slate-600 bg-slate-950 px-2 py-1 font-mono text-sm text-slate-100 outline-none focus:border-sky-500"
        />
        <ul id={listId} role="listbox" aria-label="Matching files" className="mt-1 max-h-[50vh] overflow-auto">
          {matches.map((path, i) => (
            <li
              key={path}
              id={optionId(i)}
              role="option"
              aria-selected={i === at}
              onClick={() => open(path)}
              onMouseMove={() => i !== at && setChosen(i)}
              className={`cursor-pointer truncate rounded px-2 py-0.5 font-mono text-sm ${i === at ? 'bg-sky-800 text-slate-50' : 'text-slate-300'}`}
            >
              {path}
            </li>
          ))}
          {matches.length === 0 && <li className="px-2 py-1 text-sm text-slate-500">No file matches.</li>}
        </ul>
      </div>
    </div>
  );
}
