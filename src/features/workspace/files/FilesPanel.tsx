/**
 * The Files panel beside the editor: the tree, and — where the problem lets the candidate change the tree —
 * New file, Rename and Delete. Each asks in place (a path field: Enter confirms, Escape cancels; Delete asks
 * to confirm), and the engine answers: a refusal (a bad or taken path, a read-only file) is shown here and
 * nothing changes.
 */
import { useId, useState, type FormEvent } from 'react';
import { useWorkspace } from '../useWorkspace';
import { FilesTree } from './FilesTree';

/** Smaller than `.btn` (whose padding and size, outside Tailwind's layers, a utility cannot override). */
const SMALL_BUTTON =
  'rounded border border-slate-600 bg-slate-800 px-1.5 py-0.5 text-xs hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50';

type Form = { kind: 'new' } | { kind: 'rename'; path: string } | { kind: 'delete'; path: string };

function PathField({
  label,
  initial,
  confirm,
  errorId,
  invalid,
  onSubmit,
  onCancel,
}: {
  label: string;
  initial: string;
  confirm: string;
  errorId: string;
  invalid: boolean;
  onSubmit(path: string): void;
  onCancel(): void;
}) {
  const [value, setValue] = useState(initial);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(value);
  };
  return (
    <form onSubmit={submit} className="space-y-1 px-2 pb-2">
      <label htmlFor={id} className="block text-xs text-slate-400">
        {label}
      </label>
      <input
        id={id}
        autoFocus
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }}
        onFocus={(e) => {
          // Renaming: the name is selected without its extension, as editors do.
          const dot = initial.lastIndexOf('.');
          const slash = initial.lastIndexOf('/');
          if (initial && dot > slash + 1) e.currentTarget.setSelectionRange(slash + 1, dot);
        }}
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        spellCheck={false}
        autoComplete="off"
        className="w-full rounded border border-slate-600 bg-slate-900 px-1.5 py-0.5 font-mono text-xs text-slate-100 outline-none focus:border-sky-500"
      />
      <div className="flex gap-1">
        <button type="submit" className={SMALL_BUTTON}>
          {confirm}
        </button>
        <button type="button" className={SMALL_BUTTON} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ConfirmDelete({ path, onDelete, onCancel }: { path: string; onDelete(): void; onCancel(): void }) {
  const id = useId();
  return (
    <div
      role="alertdialog"
      aria-label={`Delete ${path}?`}
      aria-describedby={id}
      className="mx-2 mb-2 space-y-1 rounded border border-rose-900 bg-rose-950/40 p-2 text-xs"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <p id={id}>
        Delete <span className="font-mono">{path}</span>? Its text goes; a file you were given comes back with New attempt.
      </p>
      <div className="flex gap-1">
        <button type="button" className={SMALL_BUTTON} onClick={onDelete}>
          Yes, delete
        </button>
        <button type="button" autoFocus className={SMALL_BUTTON} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function FilesPanel() {
  const editable = useWorkspace((s) => s.received?.editableTree ?? false);
  const active = useWorkspace((s) => s.activeFile);
  const activeReadOnly = useWorkspace((s) => s.received?.readOnly.includes(s.activeFile) ?? false);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ path: string; seq: number } | null>(null);
  const errorId = useId();

  const close = () => {
    setForm(null);
    setError(null);
  };
  const focusTree = (path: string) => setFocusRequest((r) => ({ path, seq: (r?.seq ?? 0) + 1 }));

  /** The engine's answer: a refusal stays in the panel (the editor's notice would only repeat it). */
  function answered(refusal: string | null): boolean {
    if (!refusal) return true;
    setError(refusal);
    useWorkspace.getState().dismissFileNotice();
    return false;
  }

  function create(path: string) {
    const { createFile, openFile } = useWorkspace.getState();
    if (!answered(createFile(path))) return;
    close();
    // The new file is open: the caret goes into it, ready to type.
    openFile(path, { line: 1, column: 1 });
  }

  function rename(from: string, to: string) {
    if (!answered(useWorkspace.getState().renameFile(from, to))) return;
    close();
    focusTree(to);
  }

  function remove(path: string) {
    const refusal = useWorkspace.getState().deleteFile(path);
    if (!answered(refusal)) {
      setForm(null);
      return;
    }
    close();
    focusTree(useWorkspace.getState().activeFile);
  }

  const start = (next: Form) => {
    setError(null);
    setForm(next);
  };
  const cancel = (path?: string) => {
    close();
    if (path) focusTree(path);
  };

  return (
    <div className="flex h-full min-h-0 flex-col border-r border-slate-800" data-testid="files-panel">
      <div className="flex flex-wrap items-center gap-1 px-2 py-1.5">
        <h2 className="mr-auto text-xs font-semibold uppercase tracking-wide text-slate-400">Files</h2>
        {editable && (
          <div className="flex flex-wrap gap-1 whitespace-nowrap">
            <button type="button" className={SMALL_BUTTON} onClick={() => start({ kind: 'new' })} title="Create a file">
              New file
            </button>
            <button
              type="button"
              className={SMALL_BUTTON}
              disabled={activeReadOnly}
              onClick={() => start({ kind: 'rename', path: active })}
              title={activeReadOnly ? `${active} is read-only` : `Rename ${active}`}
            >
              Rename
            </button>
            <button
              type="button"
              className={SMALL_BUTTON}
              disabled={activeReadOnly}
              onClick={() => start({ kind: 'delete', path: active })}
              title={activeReadOnly ? `${active} is read-only` : `Delete ${active}`}
            >
              Delete
            </button>
          </div>
        )}
      </div>
      {form?.kind === 'new' && (
        <PathField
          label="New file’s path (folders with “/”)"
          initial=""
          confirm="Create"
          errorId={errorId}
          invalid={error !== null}
          onSubmit={create}
          onCancel={() => cancel(active)}
        />
      )}
      {form?.kind === 'rename' && (
        <PathField
          key={form.path}
          label={`New path for ${form.path}`}
          initial={form.path}
          confirm="Rename"
          errorId={errorId}
          invalid={error !== null}
          onSubmit={(to) => rename(form.path, to)}
          onCancel={() => cancel(form.path)}
        />
      )}
      {form?.kind === 'delete' && <ConfirmDelete path={form.path} onDelete={() => remove(form.path)} onCancel={() => cancel(form.path)} />}
      {error && (
        <p id={errorId} role="alert" className="mx-2 mb-2 rounded bg-rose-950/60 px-2 py-1 text-xs text-rose-200" data-testid="files-error">
          {error}
        </p>
      )}
      <FilesTree focusRequest={focusRequest} />
    </div>
  );
}
