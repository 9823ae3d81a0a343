/**
 * An API scenario's Requests region (docs/decisions/api-scenarios.md): the form, the response, the history
 * and Restart service. Ctrl/⌘+Enter anywhere in it sends (the workspace's Run shortcut steps aside here).
 * Shown only when the chosen language's code has a service; behaviour is the practice engine's
 * (practice/parts/requests.ts).
 */
import { useWorkspace } from '../useWorkspace';
import { REQUESTS_REGION_ATTRIBUTE } from './regionAttribute';
import { RequestForm } from './RequestForm';
import { RequestHistory } from './RequestHistory';
import { ResponseView } from './ResponseView';

export function RequestsPanel() {
  const shown = useWorkspace((s) => s.requests.shown);
  const notice = useWorkspace((s) => s.requests.notice);
  const restarting = useWorkspace((s) => s.requests.restarting);
  const busy = useWorkspace((s) => s.requests.sending || !s.requests.loaded);
  return (
    <section
      role="region"
      aria-label="Requests"
      {...{ [REQUESTS_REGION_ATTRIBUTE]: '' }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
        e.preventDefault();
        void useWorkspace.getState().sendRequest();
      }}
      className="flex h-full flex-col gap-3 overflow-auto border-l border-slate-800 p-3"
    >
      <div className="flex items-center justify-between">
        <h2 className="text-sm font-semibold text-slate-200">Requests</h2>
        <button
          type="button"
          disabled={restarting || busy}
          onClick={() => void useWorkspace.getState().restartService()}
          title="Stop the service: the next Send starts it from your files, with its data (the database) kept"
          className="rounded border border-slate-700 px-2 py-0.5 text-xs text-slate-300 hover:border-sky-500 disabled:opacity-50"
        >
          {restarting ? 'Restarting…' : 'Restart service'}
        </button>
      </div>
      <RequestForm />
      {notice && (
        <p role="status" className="text-xs text-amber-300">
          {notice}
        </p>
      )}
      <ResponseView sent={shown} />
      <RequestHistory />
    </section>
  );
}
