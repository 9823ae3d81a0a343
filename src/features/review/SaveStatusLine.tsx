import type { SaveStatus } from './useReviewAutosave';

/** Where the review stands: saved, about to save, or why it could not be saved. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  if (status.kind === 'failed' || status.kind === 'load-failed') {
    return (
      <p role="alert" className="rounded bg-rose-900 px-2 py-1 text-sm">
        {status.message}
      </p>
    );
  }
  const text: Record<typeof status.kind, string> = {
    loading: 'Loading your review…',
    unchanged: 'Your review is saved as you type.',
    pending: 'Saving…',
    saved: 'Saved',
  };
  return (
    <p role="status" className="text-xs text-slate-400" data-testid="review-save-status" data-state={status.kind}>
      {text[status.kind]}
    </p>
  );
}
