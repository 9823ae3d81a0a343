import { useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { ParsedBundle } from '../../core/bundle/parseBundle';
import type { ImportMode } from '../../storage/importSession';
import { LOAD_FAILED, loadBundleActions } from './loadBundleActions';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'ask'; bundle: ParsedBundle }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/**
 * Wraps the sessions library: an "Import a session" button (a file picker for .zip bundles) and
 * drag-and-drop of a bundle anywhere on the wrapped area. The bundle is checked in full before anything
 * is written (core/bundle/parseBundle.ts); a session that already exists asks whether to replace it or
 * keep both. Everything from the bundle is shown as plain text, never as HTML.
 */
export function ImportDropZone({ children, onImported }: { children: ReactNode; onImported: (sessionId: string) => void }) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // While the dialog asks, the page behind it is inert anyway (showModal), so the button stays enabled
  // and can take the focus back when the dialog closes.
  const busy = state.kind === 'busy';

  const save = async (bundle: ParsedBundle, mode: ImportMode) => {
    const actions = await loadBundleActions();
    if (!actions) return setState({ kind: 'error', message: LOAD_FAILED });
    setState({ kind: 'busy', what: 'Importing the session…' });
    try {
      const id = await actions.saveImportedBundle(bundle, mode);
      setState({ kind: 'done', message: `Imported the session of “${bundle.problem.title}”${mode === 'copy' ? ' as a copy' : ''}.` });
      onImported(id);
    } catch (e) {
      setState({ kind: 'error', message: actions.describeError(e, 'import') });
    }
  };

  const importFile = async (file: File) => {
    setState({ kind: 'busy', what: `Checking ${file.name}…` });
    const actions = await loadBundleActions();
    if (!actions) return setState({ kind: 'error', message: LOAD_FAILED });
    try {
      const bundle = await actions.readBundleFile(file);
      if (await actions.sessionExists(bundle.session.id)) return setState({ kind: 'ask', bundle });
      await save(bundle, 'new');
    } catch (e) {
      setState({ kind: 'error', message: actions.describeError(e, 'import') });
    }
  };

  const onFiles = (files: FileList | null) => {
    if (!files || files.length === 0 || busy || state.kind === 'ask') return;
    if (files.length > 1) return setState({ kind: 'error', message: 'Drop one bundle at a time.' });
    void importFile(files[0]!);
  };

  const dragHandlers = {
    onDragEnter: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (dragDepth.current === 0) void loadBundleActions();
      dragDepth.current += 1;
      setDragging(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    },
    onDragLeave: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      dragDepth.current = 0;
      setDragging(false);
      onFiles(e.dataTransfer.files);
    },
  };

  return (
    <div className="relative min-h-full" {...dragHandlers} data-testid="import-drop-zone">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-6 pt-4">
        <button
          ref={buttonRef}
          type="button"
          className="btn"
          onClick={() => {
            // Fetch the checking code while the person picks a file, so the import starts at once.
            void loadBundleActions();
            inputRef.current?.click();
          }}
          disabled={busy}
        >
          Import a session
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".zip,application/zip"
          className="hidden"
          aria-label="Session bundle to import"
          onChange={(e) => {
            onFiles(e.target.files);
            // Reset, so choosing the same file again (after fixing it) fires a change.
            e.target.value = '';
          }}
        />
        <span className="text-xs text-slate-400">or drop a .zip bundle exported from Rehearse anywhere on this page.</span>
      </div>
      <div className="mx-auto max-w-7xl px-6 pt-2">
        {state.kind === 'busy' && (
          <p role="status" className="text-sm text-slate-300">
            {state.what}
          </p>
        )}
        {state.kind === 'done' && (
          <p role="status" className="text-sm text-emerald-300">
            {state.message}
          </p>
        )}
        {state.kind === 'error' && (
          <p role="alert" className="rounded bg-rose-900 px-3 py-2 text-sm">
            {state.message} Nothing was imported.
          </p>
        )}
      </div>
      {children}
      {dragging && (
        <div className="pointer-events-none absolute inset-0 z-20 flex items-center justify-center rounded border-2 border-dashed border-sky-500 bg-slate-950/85" aria-hidden="true">
          <p className="text-lg text-sky-200">Drop the bundle to import it</p>
        </div>
      )}
      {state.kind === 'ask' && (
        <ReplaceDialog
          title={state.bundle.problem.title}
          startedAt={state.bundle.session.startedAt}
          onChoose={(mode) => {
            if (mode) return void save(state.bundle, mode);
            setState({ kind: 'idle' });
            buttonRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}

/** Asks what to do with a bundle whose session is already here. Escape or Cancel imports nothing. */
function ReplaceDialog({ title, startedAt, onChoose }: { title: string; startedAt: number; onChoose: (mode: 'replace' | 'copy' | null) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  // Closed before the choice is handled: while a modal dialog is open the page behind it is inert and
  // cannot take the focus back.
  const choose = (mode: 'replace' | 'copy' | null) => {
    ref.current?.close();
    onChoose(mode);
  };
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className="m-auto w-[30rem] max-w-[95vw] rounded border border-slate-700 bg-slate-900 p-4 text-slate-100 backdrop:bg-black/60"
      onCancel={(e) => {
        e.preventDefault();
        choose(null);
      }}
    >
      <h2 id={titleId} className="mb-2 text-lg font-semibold">
        This session is already here
      </h2>
      <p id={bodyId} className="mb-4 text-sm text-slate-300">
        Your library already has the session of “{title}” from {new Date(startedAt).toLocaleString()}. Replace it with the bundle (its review and
        audio too), or import the bundle as a copy and keep both?
      </p>
      <div className="flex justify-end gap-2">
        <button type="button" className="btn" onClick={() => choose(null)} autoFocus>
          Cancel
        </button>
        <button type="button" className="btn" onClick={() => choose('copy')}>
          Import as a copy
        </button>
        <button type="button" className="btn btn-primary" onClick={() => choose('replace')}>
          Replace
        </button>
      </div>
    </dialog>
  );
}
