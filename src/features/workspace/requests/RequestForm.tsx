/** What to send: method, path, header lines and a JSON body, and the reasons a Send was refused. */
import { useId } from 'react';
import { HTTP_METHODS } from '../../../core/api/http';
import { useWorkspace } from '../useWorkspace';

const FIELD =
  'w-full rounded border border-slate-700 bg-slate-900 px-2 py-1 font-mono text-xs text-slate-100 focus:border-sky-500 focus:outline-none';

export function RequestForm() {
  const draft = useWorkspace((s) => s.requests.draft);
  const loaded = useWorkspace((s) => s.requests.loaded);
  const problems = useWorkspace((s) => s.requests.problems);
  const sending = useWorkspace((s) => s.requests.sending);
  const id = useId();
  const set = useWorkspace.getState().setRequestDraft;
  const invalid = (field: string) => problems.some((p) => p.field === field);
  return (
    <form
      aria-label="Request"
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void useWorkspace.getState().sendRequest();
      }}
    >
      <div className="flex gap-2">
        <select
          aria-label="Method"
          value={draft.method}
          disabled={!loaded}
          onChange={(e) => set({ method: e.target.value })}
          className={`${FIELD} w-auto`}
        >
          {HTTP_METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <input
          aria-label="Path"
          aria-invalid={invalid('path')}
          value={draft.path}
          disabled={!loaded}
          spellCheck={false}
          placeholder="/users/7"
          onChange={(e) => set({ path: e.target.value })}
          className={FIELD}
        />
        <button
          type="submit"
          disabled={!loaded || sending}
          title="Send (Ctrl/⌘+Enter)"
          className="shrink-0 rounded bg-sky-600 px-3 py-1 text-xs font-semibold text-white hover:bg-sky-500 disabled:opacity-50"
        >
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
      <label htmlFor={`${id}-headers`} className="text-xs text-slate-400">
        Headers <span className="text-slate-500">(Name: value, one per line)</span>
      </label>
      <textarea
        id={`${id}-headers`}
        aria-invalid={invalid('headers')}
        value={draft.headers}
        disabled={!loaded}
        rows={2}
        spellCheck={false}
        placeholder="X-Api-Key: demo"
        onChange={(e) => set({ headers: e.target.value })}
        className={`${FIELD} resize-y`}
      />
      <label htmlFor={`${id}-body`} className="text-xs text-slate-400">
        JSON body <span className="text-slate-500">(empty for none)</span>
      </label>
      <textarea
        id={`${id}-body`}
        aria-invalid={invalid('body')}
        value={draft.body}
        disabled={!loaded}
        rows={3}
        spellCheck={false}
        placeholder='{"email": "ada@example.com"}'
        onChange={(e) => set({ body: e.target.value })}
        className={`${FIELD} resize-y`}
      />
      {problems.length > 0 && (
        <div role="alert" className="rounded border border-rose-800 bg-rose-950/40 p-2 text-xs text-rose-200">
          <p className="font-semibold">Not sent:</p>
          <ul className="list-disc pl-4">
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
