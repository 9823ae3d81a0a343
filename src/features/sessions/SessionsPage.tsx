import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { DEFAULT_SORT, filterByProblem, nextSort, sortSessions, type SessionSort } from '../../core/library/sortSessions';
import { problemTitle } from '../../problems/catalog';
import { AppNav } from '../../shared/AppNav';
import { deleteSession } from '../../storage/sessions';
import { formatBytes } from '../../storage/quota';
import { ImportDropZone } from '../bundle';
import { DeleteSessionDialog, type DeleteTarget } from './DeleteSessionDialog';
import { formatSessionDate, SessionsTable } from './SessionsTable';
import { FilterSelect } from '../../shared/FilterSelect';
import { useSessionLibrary, type LibraryRow } from './useSessionLibrary';

const NO_ROWS: LibraryRow[] = [];

/** A session of a problem that is no longer in the catalog shows the problem's id. */

function EmptyLibrary() {
  return (
    <section aria-labelledby="empty-library" className="rounded-lg border border-slate-800 bg-slate-900 p-5">
      <h2 id="empty-library" className="mb-2 font-semibold">
        No sessions recorded yet
      </h2>
      <p className="mb-2 text-sm text-slate-300">
        Every practice session you record is kept here, on this device only. To record your first one:
      </p>
      <ol className="mb-3 list-decimal space-y-1 pl-5 text-sm text-slate-300">
        <li>Open a problem from the list of problems.</li>
        <li>Press Start: the phase timer and the recording begin together.</li>
        <li>Allow the microphone when the browser asks, so your voice is recorded too (the code is recorded either way).</li>
        <li>Think out loud while you work, then press Finish in the last phase (or End session).</li>
      </ol>
      <Link href="/" className="text-sky-400 underline">
        Choose a problem to practise
      </Link>
    </section>
  );
}

function StorageTotals({
  sessionsBytes,
  count,
  estimate,
}: {
  sessionsBytes: number;
  count: number;
  estimate: { usedBytes: number; quotaBytes: number } | null;
}) {
  return (
    <p className="text-sm text-slate-400" data-testid="storage-totals">
      {count} session{count === 1 ? '' : 's'} using about {formatBytes(sessionsBytes)}.
      {estimate && (
        <>
          {' '}
          The browser counts {formatBytes(estimate.usedBytes)} used by Rehearse in all (the app itself included) of{' '}
          {formatBytes(estimate.quotaBytes)} it allows.
        </>
      )}
    </p>
  );
}

/** The sessions library: every recorded session, newest first, sortable, filterable, deletable. */
export function SessionsPage() {
  const { state, reload } = useSessionLibrary();
  const [sort, setSort] = useState<SessionSort>(DEFAULT_SORT);
  const [problemFilter, setProblemFilter] = useState('all');
  const [deleting, setDeleting] = useState<{ target: DeleteTarget; opener: HTMLButtonElement } | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = 'Sessions · Rehearse';
  }, []);

  const rows = state.status === 'ready' ? state.rows : NO_ROWS;
  const problems = useMemo(() => {
    const ids = [...new Set(rows.map((r) => r.problemId))];
    return ids.map((id) => ({ id, label: problemTitle(id) })).sort((a, b) => a.label.localeCompare(b.label));
  }, [rows]);
  // A filter on a problem whose last session was deleted falls back to every problem.
  const activeFilter = problemFilter === 'all' || problems.some((p) => p.id === problemFilter) ? problemFilter : 'all';
  const visible = useMemo(() => sortSessions(filterByProblem(rows, activeFilter), sort, problemTitle), [rows, activeFilter, sort]);

  // After an import, bring the new session into view once the list has it (once: sorting later must
  // not jump back to it).
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!highlightId || scrolledTo.current === highlightId) return;
    const row = document.getElementById(`session-${highlightId}`);
    if (!row) return;
    row.scrollIntoView({ block: 'center' });
    scrolledTo.current = highlightId;
  }, [highlightId, visible]);

  const askDelete = (row: LibraryRow, opener: HTMLButtonElement) => {
    const description = `${problemTitle(row.problemId)}, ${formatSessionDate(row.startedAt)}`;
    setDeleting({ target: { id: row.id, description, recording: row.status === 'recording' }, opener });
  };

  // Focus goes back to the Delete button once the dialog has closed (while it is open, the rest of the
  // page is inert and cannot take focus).
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (deleting || !returnFocus.current) return;
    returnFocus.current.focus();
    returnFocus.current = null;
  }, [deleting]);

  const closeDialog = () => {
    returnFocus.current = deleting?.opener ?? null;
    setDeleting(null);
  };

  const confirmDelete = async () => {
    if (!deleting) return;
    await deleteSession(deleting.target.id);
    setAnnouncement(`Deleted ${deleting.target.description}.`);
    setDeleting(null);
    await reload();
    // The row and its button are gone: focus the page heading, so keyboard users are not lost.
    headingRef.current?.focus();
  };

  const onImported = (sessionId: string) => {
    setProblemFilter('all');
    scrolledTo.current = null;
    setHighlightId(sessionId);
    setAnnouncement('The imported session is now in the list, highlighted.');
    void reload();
  };

  return (
    <div className="flex min-h-screen flex-col">
      {/* The heading comes first, then the import controls and the list, which take dropped bundles. */}
      <div className="mx-auto flex w-full max-w-7xl flex-wrap items-center justify-between gap-3 px-6 pt-6">
        <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-semibold outline-none">
          Sessions
        </h1>
        <AppNav />
      </div>
      {/* A grid cell stretches the drop zone to the bottom of the window, however short the list. */}
      <div className="grid flex-1">
        <ImportDropZone onImported={onImported}>
          <main className="mx-auto max-w-7xl px-6 pb-6 pt-3">
            <p role="status" className="sr-only">
              {announcement}
            </p>
            {state.status === 'loading' && <p className="text-slate-400">Loading your sessions…</p>}
            {state.status === 'error' && (
              <p role="alert" className="text-red-300">
                Your sessions could not be read from this browser’s storage: {state.message}. Reload the page to try again.
              </p>
            )}
            {state.status === 'ready' && rows.length === 0 && <EmptyLibrary />}
            {state.status === 'ready' && rows.length > 0 && (
              <>
                <div className="mb-4 flex flex-wrap items-center gap-4">
                  <FilterSelect
                    label="Problem"
                    allLabel="All problems"
                    value={activeFilter}
                    options={problems}
                    onChange={setProblemFilter}
                  />
                  <span className="text-sm text-slate-500" data-testid="sessions-count">
                    {visible.length} of {rows.length} sessions
                  </span>
                </div>
                <SessionsTable
                  rows={visible}
                  sort={sort}
                  onSort={(key) => setSort(nextSort(sort, key))}
                  highlightId={highlightId}
                  onDelete={askDelete}
                />
                <div className="mt-4">
                  <StorageTotals sessionsBytes={state.sessionsBytes} count={rows.length} estimate={state.estimate} />
                </div>
              </>
            )}
            {deleting && <DeleteSessionDialog target={deleting.target} onCancel={closeDialog} onConfirm={confirmDelete} />}
          </main>
        </ImportDropZone>
      </div>
    </div>
  );
}
