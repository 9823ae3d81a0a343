import { useMemo } from 'react';
import { Link } from 'wouter';
import { practice } from '../../practice';
import { LiveElapsed, useRecorder } from '../recording';
import { continuableSessions } from './continuable';
import type { SessionStatus } from '../../core/session/types';
import { formatDuration } from '../../core/analysis/formatDuration';
import { formatSelfReviewTotal } from '../../core/review/rubrics';
import type { SessionSort, SessionSortKey } from '../../core/library/sortSessions';
import { describeResult } from '../../core/library/summarise';
import { formatBytes } from '../../storage/quota';
import { ExportButton } from '../bundle';
import { problemTitle } from '../../problems/catalog';
import type { LibraryRow } from './useSessionLibrary';

const STATUS_LABEL: Record<SessionStatus, string> = { recording: 'Recording', finished: 'Finished', interrupted: 'Interrupted' };

const STATUS_STYLE: Record<SessionStatus, string> = {
  recording: 'bg-red-900 text-red-200',
  finished: 'bg-emerald-900 text-emerald-200',
  interrupted: 'bg-amber-900 text-amber-200',
};

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatSessionDate(epochMs: number): string {
  return dateFormat.format(new Date(epochMs));
}

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: SessionSortKey;
  sort: SessionSort;
  onSort: (key: SessionSortKey) => void;
}) {
  const active = sort.key === sortKey;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'} className="px-2 py-2">
      <button type="button" className="inline-flex items-center gap-1 font-semibold hover:text-sky-300" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true" className="text-xs text-slate-500">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function Scores({ row }: { row: LibraryRow }) {
  if (!row.selfReview && row.designPercent === null) return <span className="text-slate-500">Not reviewed</span>;
  return (
    <ul className="space-y-0.5">
      {row.selfReview && (
        <li>
          Self-review <span data-testid="self-review-total">{formatSelfReviewTotal(row.selfReview)}</span>
        </li>
      )}
      {row.designPercent !== null && <li>Design {row.designPercent} %</li>}
    </ul>
  );
}

export interface SessionsTableProps {
  rows: readonly LibraryRow[];
  sort: SessionSort;
  onSort: (key: SessionSortKey) => void;
  highlightId: string | null;
  onDelete: (row: LibraryRow, opener: HTMLButtonElement) => void;
}

/** The sessions, one row each, with sortable column headers (aria-sort says the current order). */
export function SessionsTable({ rows, sort, onSort, highlightId, onDelete }: SessionsTableProps) {
  const continuable = useMemo(() => continuableSessions(rows), [rows]);
  const liveSession = useRecorder((s) => (s.phase === 'recording' ? s.session : null));
  const liveSessionId = liveSession?.id ?? null;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Recorded sessions. Column headers with a button sort the table.</caption>
        <thead className="border-b border-slate-700 text-slate-300">
          <tr>
            <SortHeader label="Problem" sortKey="problem" sort={sort} onSort={onSort} />
            <SortHeader label="Date" sortKey="date" sort={sort} onSort={onSort} />
            <SortHeader label="Duration" sortKey="duration" sort={sort} onSort={onSort} />
            <th scope="col" className="px-2 py-2 font-semibold">
              Protocol
            </th>
            <th scope="col" className="px-2 py-2 font-semibold">
              Status
            </th>
            <SortHeader label="Result" sortKey="result" sort={sort} onSort={onSort} />
            <th scope="col" className="px-2 py-2 font-semibold">
              Scores
            </th>
            <th scope="col" className="px-2 py-2 font-semibold">
              Storage
            </th>
            <th scope="col" className="px-2 py-2 font-semibold">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const title = problemTitle(row.problemId);
            const when = formatSessionDate(row.startedAt);
            const highlighted = row.id === highlightId;
            return (
              <tr
                key={row.id}
                id={`session-${row.id}`}
                data-session-id={row.id}
                data-highlighted={highlighted || undefined}
                className={`border-b border-slate-800 align-top ${highlighted ? 'bg-sky-950 outline outline-sky-600' : ''}`}
              >
                <th scope="row" className="px-2 py-2 font-medium">
                  {title}
                </th>
                <td className="px-2 py-2 whitespace-nowrap">
                  <time dateTime={new Date(row.startedAt).toISOString()}>{when}</time>
                </td>
                <td className="px-2 py-2 whitespace-nowrap" data-testid="session-duration">
                  {/* The session recording now: its running time, on the one clock the recording bar shows
                      (the stored figure only reaches the last logged event). */}
                  {liveSession && row.id === liveSession.id ? <LiveElapsed session={liveSession} /> : formatDuration(row.durationMs)}
                </td>
                <td className="px-2 py-2">{row.protocol}</td>
                <td className="px-2 py-2">
                  <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[row.status]}`}>{STATUS_LABEL[row.status]}</span>
                </td>
                <td className="px-2 py-2 whitespace-nowrap" data-testid="session-result">
                  {describeResult(row.result)}
                </td>
                <td className="px-2 py-2">
                  <Scores row={row} />
                </td>
                <td
                  className="px-2 py-2 whitespace-nowrap"
                  title={
                    row.size
                      ? `Audio ${formatBytes(row.size.audioBytes)}; log, levels and review about ${formatBytes(row.size.dataBytes)}`
                      : undefined
                  }
                >
                  {row.size ? formatBytes(row.size.totalBytes) : 'unknown'}
                </td>
                <td className="px-2 py-2">
                  <div className="flex items-center gap-2 whitespace-nowrap">
                    {continuable.has(row.id) && (
                      <Link
                        href={`/problems/${encodeURIComponent(row.problemId)}`}
                        className="btn btn-primary"
                        onClick={() => practice.requestContinue(row.id)}
                      >
                        {liveSessionId === row.id ? 'Back to it' : 'Continue'}
                        <span className="sr-only">
                          : {title}, {when}
                        </span>
                      </Link>
                    )}
                    <Link href={`/sessions/${row.id}`} className="btn">
                      Replay
                      <span className="sr-only">
                        : {title}, {when}
                      </span>
                    </Link>
                    <ExportButton sessionId={row.id} context={`${title}, ${when}`} />
                    <button type="button" className="btn" onClick={(e) => onDelete(row, e.currentTarget)}>
                      Delete
                      <span className="sr-only">
                        : {title}, {when}
                      </span>
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
