import { useEffect, useId, useRef, useState } from 'react';

export interface DeleteTarget {
  id: string;
  /** "Token-bucket rate limiter, 25 Nov 2026, 12:34". */
  description: string;
  /** The session's record says it is still recording (perhaps in another tab). */
  recording: boolean;
}

/**
 * Asks before deleting a session. A modal <dialog> (showModal): the browser keeps focus inside it and
 * turns Escape into a `cancel` event, which we route to Cancel. Focus starts on Cancel, the safe choice.
 */
export function DeleteSessionDialog({
  target,
  onCancel,
  onConfirm,
}: {
  target: DeleteTarget;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog.close();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (e) {
      setError(`The session could not be deleted: ${e instanceof Error ? e.message : String(e)}. Nothing was removed; try again.`);
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      className="m-auto max-w-md rounded-lg border border-slate-700 bg-slate-900 p-5 text-slate-100 backdrop:bg-black/60"
      onCancel={(e) => {
        // Escape: close through React state (or not at all while the delete is under way).
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="mb-2 text-lg font-semibold">
        Delete this session?
      </h2>
      <div id={descriptionId} className="space-y-2 text-sm text-slate-300">
        <p>
          <strong className="text-slate-100">{target.description}</strong> will be deleted with its audio, its event log and its review.
          This cannot be undone. Export it first if you want to keep a copy.
        </p>
        {target.recording && (
          <p role="note" className="rounded border border-amber-700 bg-amber-950 p-2 text-amber-200">
            This session is still recording, perhaps in another tab. Finish it there first: a tab that keeps recording writes its next
            second of audio and events again, and part of the session comes back.
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-300">
          {error}
        </p>
      )}
      <div className="mt-4 flex justify-end gap-2">
        <button ref={cancelRef} type="button" className="btn" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="btn border-red-700 bg-red-800 hover:bg-red-700" onClick={() => void confirm()} disabled={busy}>
          {busy ? 'Deleting…' : 'Delete session'}
        </button>
      </div>
    </dialog>
  );
}
