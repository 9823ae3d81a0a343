import { useWorkspace } from '../useWorkspace';

const formatSaved = (at: number) =>
  at > 0 ? new Date(at).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) : null;

/** Opening a problem with an unfinished draft: carry on with it, or start a new attempt from the starter. */
export function DraftQuestion() {
  const question = useWorkspace((s) => s.draftQuestion);
  if (!question) return null;
  const saved = formatSaved(question.savedAt);
  const { continueDraft, newAttempt } = useWorkspace.getState();
  return (
    <div
      role="region"
      aria-label="Unfinished draft"
      className="flex flex-wrap items-center gap-3 border-b border-slate-800 bg-sky-950 px-4 py-2 text-sm"
    >
      <span>
        You have an unfinished draft of this problem{saved ? ` (last saved ${saved})` : ''}. Continue it, or start a new attempt from the
        starter? A new attempt keeps this draft in the problem’s attempt history.
      </span>
      <button type="button" className="btn btn-primary" onClick={continueDraft}>
        Continue the draft
      </button>
      <button type="button" className="btn" onClick={() => void newAttempt()}>
        New attempt
      </button>
    </div>
  );
}
