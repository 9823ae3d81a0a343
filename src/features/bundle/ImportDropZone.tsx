import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { ImportProgress } from '../../core/bundle/progress';
import type { ImportMode } from '../../storage/importSession';
import { ImportProgressBar } from './ImportProgressBar';
import { LOAD_FAILED, loadBundleActions } from './loadBundleActions';
import { ReplaceDialog, type SessionSide } from './ReplaceDialog';
import type { CheckedSummary } from './worker/importClient';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string; progress: ImportProgress }
  | { kind: 'ask'; fileName: string; bundle: CheckedSummary; existing: SessionSide }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

/**
 * Wraps the sessions library: an "Import a session" button (a file picker for .zip bundles) and
 * drag-and-drop of a bundle anywhere on the wrapped area. The bundle is checked in full before anything
 * is written (core/bundle/parseBundle.ts, run in the import worker, with a progress bar on the page);
 * a session that already exists asks whether to replace it or keep both. Everything from the bundle is
 * shown as plain text, never as HTML.
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

  const save = async (fileName: string, bundle: CheckedSummary, mode: ImportMode) => {
    const actions = await loadBundleActions();
    if (!actions) return setState({ kind: 'error', message: LOAD_FAILED });
    const onProgress = (progress: ImportProgress) => setState({ kind: 'busy', fileName, progress });
    onProgress({ stage: 'saving', fraction: 0 });
    try {
      const id = await actions.saveImportedBundle(bundle, mode, onProgress);
      setState({ kind: 'done', message: `Imported the session of “${bundle.problem.title}”${mode === 'copy' ? ' as a copy' : ''}.` });
      onImported(id);
    } catch (e) {
      setState({ kind: 'error', message: actions.describeError(e, 'import') });
    }
  };

  const importFile = async (file: File) => {
    const onProgress = (progress: ImportProgress) => setState({ kind: 'busy', fileName: file.name, progress });
    onProgress({ stage: 'reading', fraction: 0 });
    const actions = await loadBundleActions();
    if (!actions) return setState({ kind: 'error', message: LOAD_FAILED });
    try {
      const bundle = await actions.readBundleFile(file, onProgress);
      const existing = await actions.existingSession(bundle.session.id);
      if (existing) return setState({ kind: 'ask', fileName: file.name, bundle, existing });
      await save(file.name, bundle, 'new');
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
        {state.kind === 'busy' && <ImportProgressBar fileName={state.fileName} progress={state.progress} />}
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
        <div
          className="pointer-events-none absolute inset-0 z-20 flex items-center justify-center rounded border-2 border-dashed border-sky-500 bg-slate-950/85"
          aria-hidden="true"
        >
          <p className="text-lg text-sky-200">Drop the bundle to import it</p>
        </div>
      )}
      {state.kind === 'ask' && (
        <ReplaceDialog
          existing={state.existing}
          incoming={{ title: state.bundle.problem.title, startedAt: state.bundle.session.startedAt }}
          onChoose={(mode) => {
            if (mode) return void save(state.fileName, state.bundle, mode);
            void loadBundleActions().then((actions) => actions?.discardImportedBundle(state.bundle));
            setState({ kind: 'idle' });
            buttonRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
