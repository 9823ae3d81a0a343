import { useCallback, useEffect, useRef, useState } from 'react';
import type { RubricPart } from '../../core/problems/parseDesign';
import { withRubricParts } from '../../core/review/editReview';
import { emptyReview } from '../../core/review/rubrics';
import type { ReviewRecord } from '../../core/review/types';
import { loadReview, saveReview } from '../../storage/reviews';
import { DebouncedSaver, type SaverStatus } from '../../core/saving/debouncedSaver';

export type SaveStatus = { kind: 'loading' } | { kind: 'load-failed'; message: string } | SaverStatus;

export interface ReviewAutosave {
  /** Null until the stored review (or a new, empty one) is loaded: the form waits, so nothing typed is overwritten. */
  review: ReviewRecord | null;
  status: SaveStatus;
  update(change: (review: ReviewRecord) => ReviewRecord): void;
  retryLoad(): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The review of one session, loaded from IndexedDB and saved back ~300 ms after each change, at once
 * when the page is hidden or the panel goes away, and retried while a write fails (debouncedSaver.ts).
 */
export function useReviewAutosave(sessionId: string, rubric: readonly RubricPart[] | null): ReviewAutosave {
  const [review, setReview] = useState<ReviewRecord | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'loading' });
  const [loadAttempt, setLoadAttempt] = useState(0);
  /** The newest review, read by `update` so quick successive changes build on each other. */
  const latest = useRef<ReviewRecord | null>(null);
  const saver = useRef<DebouncedSaver<ReviewRecord> | null>(null);
  const rubricRef = useRef(rubric);
  rubricRef.current = rubric;

  useEffect(() => {
    let live = true;
    latest.current = null;
    setReview(null);
    setStatus({ kind: 'loading' });
    const current = new DebouncedSaver<ReviewRecord>(saveReview, (s) => {
      if (live)
        setStatus(
          s.kind === 'failed'
            ? { kind: 'failed', message: `Could not save your review: ${s.message}. Retrying every few seconds; keep this page open.` }
            : s,
        );
    });
    saver.current = current;
    loadReview(sessionId).then(
      (stored) => {
        if (!live) return;
        latest.current = withRubricParts(stored ?? emptyReview(sessionId, null, Date.now()), rubricRef.current);
        setReview(latest.current);
        setStatus({ kind: 'unchanged' });
      },
      (e: unknown) => {
        if (live) setStatus({ kind: 'load-failed', message: `Could not load your review of this session: ${message(e)}.` });
      },
    );
    const flush = () => current.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      live = false;
      window.removeEventListener('pagehide', flush);
      current.dispose(); // leaving the page (or switching sessions) writes what was typed in the last 300 ms
      if (saver.current === current) saver.current = null;
    };
  }, [sessionId, loadAttempt]);

  // The problem (and its rubric) may arrive after the review: add its parts then; they are saved with the next change.
  useEffect(() => {
    if (!latest.current || !rubric) return;
    latest.current = withRubricParts(latest.current, rubric);
    setReview(latest.current);
  }, [rubric]);

  const update = useCallback((change: (review: ReviewRecord) => ReviewRecord) => {
    if (!latest.current || !saver.current) return;
    latest.current = { ...change(latest.current), updatedAt: Date.now() };
    setReview(latest.current);
    saver.current.change(latest.current);
  }, []);

  const retryLoad = useCallback(() => setLoadAttempt((n) => n + 1), []);

  return { review, status, update, retryLoad };
}
