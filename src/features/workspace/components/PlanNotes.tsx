import { useEffect, useRef } from 'react';
import { useWorkspace } from '../useWorkspace';

/**
 * A coding problem's plan notes (notes.md): edge cases and the approach, written before the code. Always
 * on screen under the statement (which scrolls on its own), and focused when a plan phase begins, so the
 * first thing typed in a session is the plan. Saved as you type and logged, so the review can count the
 * edge cases written before coding.
 */
export function PlanNotes() {
  const notes = useWorkspace((s) => s.notes);
  const loaded = useWorkspace((s) => s.loaded);
  const focusRequest = useWorkspace((s) => s.planFocusRequest);
  const ref = useRef<HTMLTextAreaElement>(null);
  const { setNotes } = useWorkspace.getState();

  useEffect(() => {
    if (focusRequest > 0) ref.current?.focus();
  }, [focusRequest]);

  return (
    <section role="region" aria-labelledby="plan-notes-heading" className="border-t border-slate-800 bg-slate-900/60 p-3">
      <h2 id="plan-notes-heading" className="text-base font-semibold">
        Plan notes
      </h2>
      <p id="plan-notes-hint" className="mb-1 text-xs text-slate-400">
        Before you type code: list the edge cases and your approach, one "- " line each (comment lines at the top of the editor count too).
      </p>
      <textarea
        ref={ref}
        className="h-28 w-full resize-y rounded bg-slate-950 p-2 font-mono text-sm outline-none focus:ring-1 focus:ring-sky-600"
        aria-label="Plan notes (Markdown)"
        aria-describedby="plan-notes-hint"
        placeholder={'- empty input\n- duplicate keys\nApproach: …'}
        value={notes}
        disabled={!loaded}
        onChange={(e) => setNotes(e.target.value)}
        spellCheck
      />
    </section>
  );
}
