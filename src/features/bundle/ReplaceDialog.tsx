import { useEffect, useId, useRef } from 'react';

/** One side of the choice: which problem the session was, and when it started. */
export interface SessionSide {
  title: string;
  startedAt: number;
}

const when = (startedAt: number) => new Date(startedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Asks what to do with a bundle whose session id is already in the library, showing both sessions, each
 * labelled: the one in the library (read from storage) and the one in the bundle. They usually match
 * (the same export imported twice) but need not. Escape or Cancel imports nothing.
 */
export function ReplaceDialog({
  existing,
  incoming,
  onChoose,
}: {
  existing: SessionSide;
  incoming: SessionSide;
  onChoose: (mode: 'replace' | 'copy' | null) => void;
}) {
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
      className="m-auto w-[32rem] max-w-[95vw] rounded border border-slate-700 bg-slate-900 p-4 text-slate-100 backdrop:bg-black/60"
      onCancel={(e) => {
        e.preventDefault();
        choose(null);
      }}
    >
      <h2 id={titleId} className="mb-2 text-lg font-semibold">
        This session is already here
      </h2>
      <div id={bodyId} className="mb-4 text-sm text-slate-300">
        <p className="mb-2">A session with the same id is already in your library.</p>
        <dl className="mb-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-slate-400">In your library</dt>
          <dd data-testid="replace-existing">
            “{existing.title}”, started {when(existing.startedAt)}
          </dd>
          <dt className="text-slate-400">In the bundle</dt>
          <dd data-testid="replace-incoming">
            “{incoming.title}”, started {when(incoming.startedAt)}
          </dd>
        </dl>
        <p>Replace the one in your library with the bundle (its review and audio too), or import the bundle as a copy and keep both?</p>
      </div>
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
