import { useState } from 'react';
import { LOAD_FAILED, loadBundleActions } from './loadBundleActions';

type ExportState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; fileName: string } | { kind: 'error'; message: string };

/** Hands bytes to the browser as a download, the one way that works offline in every browser. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Exports one session as a .zip bundle (<problem-id>-<YYYY-MM-DD-HHmm>.zip): its record, log, audio,
 * levels, review, final code and a readable report. The bundle code loads on the first click.
 */
export function ExportButton({
  sessionId,
  context,
}: {
  sessionId: string;
  /** Said after "Export" to screen readers, where several Export buttons share a page ("Two sum, 5 Nov"). */ context?: string;
}) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const onExport = async () => {
    setState({ kind: 'busy' });
    const actions = await loadBundleActions();
    if (!actions) return setState({ kind: 'error', message: LOAD_FAILED });
    try {
      const { blob, fileName } = await actions.exportSessionBundle(sessionId);
      saveFile(blob, fileName);
      setState({ kind: 'saved', fileName });
    } catch (e) {
      setState({ kind: 'error', message: actions.describeError(e, 'export') });
    }
  };

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        className="btn"
        onClick={() => void onExport()}
        // The bundle code is fetched as the pointer or focus arrives, so a click rarely waits for it.
        onPointerEnter={() => void loadBundleActions()}
        onFocus={() => void loadBundleActions()}
        disabled={state.kind === 'busy'}
        aria-busy={state.kind === 'busy'}
        title="Save this session as one .zip file you can keep, send or import on another machine"
      >
        Export
        {context && <span className="sr-only">: {context}</span>}
      </button>
      {state.kind === 'busy' && (
        <span role="status" className="text-xs text-slate-400">
          Preparing the bundle…
        </span>
      )}
      {state.kind === 'saved' && (
        <span role="status" className="text-xs text-slate-400">
          Saved {state.fileName}
        </span>
      )}
      {state.kind === 'error' && (
        <span role="alert" className="rounded bg-rose-900 px-2 py-1 text-xs">
          {state.message}
        </span>
      )}
    </span>
  );
}
