import { useState } from 'react';
import { useWorkspace } from '../workspaceStore';

/**
 * A coding problem's plan notes (notes.md): edge cases and the approach, written before the code. Saved as
 * you type and logged like design notes, so the review can count the edge cases listed before coding.
 */
export function PlanNotes() {
  const notes = useWorkspace((s) => s.notes);
  const loaded = useWorkspace((s) => s.loaded);
  const [open, setOpen] = useState(true);
  const { setNotes } = useWorkspace.getState();
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="rounded border border-slate-800">
      <summary className="cursor-pointer px-3 py-2 text-lg font-semibold">Plan notes</summary>
      <div className="px-3 pb-3">
        <p id="plan-notes-hint" className="mb-2 text-xs text-slate-400">
          Before you type code: list the edge cases and your approach, one "- " line each.
        </p>
        <textarea
          className="h-32 w-full resize-y rounded bg-slate-950 p-2 font-mono text-sm outline-none"
          aria-label="Plan notes (Markdown)"
          aria-describedby="plan-notes-hint"
          placeholder={'- empty input\n- duplicate keys\nApproach: …'}
          value={notes}
          disabled={!loaded}
          onChange={(e) => setNotes(e.target.value)}
          spellCheck
        />
      </div>
    </details>
  );
}
