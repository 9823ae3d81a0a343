import { Markdown } from '../../../shared/Markdown';
import { useWorkspace } from '../useWorkspace';

/** Design notes: Markdown with one section per phase, saved as you type, with a live preview. */
export default function NotesEditor() {
  const notes = useWorkspace((s) => s.notes);
  const loaded = useWorkspace((s) => s.loaded);
  const { setNotes } = useWorkspace.getState();
  return (
    <section className="grid min-h-0 grid-rows-[1fr_1fr] border-l border-slate-800" aria-label="Design notes">
      <label className="flex min-h-0 flex-col">
        <span className="px-3 pt-2 text-xs uppercase tracking-wide text-slate-400">Notes (Markdown)</span>
        <textarea
          className="min-h-0 flex-1 resize-none bg-slate-950 p-3 font-mono text-sm outline-none"
          value={notes}
          disabled={!loaded}
          onChange={(e) => setNotes(e.target.value)}
          spellCheck
        />
      </label>
      <div className="min-h-0 overflow-auto border-t border-slate-800 p-3" aria-label="Notes preview" role="region">
        <Markdown source={notes} />
      </div>
    </section>
  );
}
