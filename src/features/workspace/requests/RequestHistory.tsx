/** The requests sent in this problem and language, newest first, each one a Resend away. */
import { outcomeSummary } from '../../../core/api/formatResponse';
import { useWorkspace } from '../useWorkspace';

export function RequestHistory() {
  const history = useWorkspace((s) => s.requests.history);
  const busy = useWorkspace((s) => s.requests.sending || s.requests.restarting);
  if (history.length === 0) return null;
  const { resendRequest, clearRequestHistory } = useWorkspace.getState();
  return (
    <section aria-label="History" className="flex flex-col gap-1">
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold text-slate-300">History ({history.length})</h3>
        <button
          type="button"
          disabled={busy}
          onClick={clearRequestHistory}
          className="text-xs text-slate-400 underline hover:text-slate-200 disabled:opacity-50"
        >
          Clear history
        </button>
      </div>
      <ol className="flex flex-col gap-0.5">
        {history
          .map((sent, index) => ({ sent, index }))
          .reverse()
          .map(({ sent, index }) => (
            <li key={`${index}-${sent.at}`} className="flex items-center gap-2 font-mono text-xs">
              <button
                type="button"
                disabled={busy}
                aria-label={`Resend ${sent.request.method} ${sent.request.path}`}
                onClick={() => void resendRequest(index)}
                className="rounded border border-slate-700 px-1.5 text-slate-300 hover:border-sky-500 disabled:opacity-50"
              >
                Resend
              </button>
              <span className="truncate text-slate-200">
                {sent.request.method} {sent.request.path}
              </span>
              <span className="shrink-0 text-slate-400">→ {outcomeSummary(sent.outcome)}</span>
            </li>
          ))}
      </ol>
    </section>
  );
}
