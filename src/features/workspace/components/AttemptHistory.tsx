import { useState } from 'react';
import { Link } from 'wouter';
import { describeResult } from '../../../core/practice/attempts';
import type { AttemptRecord } from '../../../core/records/types';
import { useWorkspace } from '../useWorkspace';

const formatDate = (at: number) =>
  new Date(at).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

function AttemptItem({ attempt }: { attempt: AttemptRecord }) {
  const [showCode, setShowCode] = useState(false);
  return (
    <li className="border-b border-slate-800 py-2 text-sm" data-testid={`attempt-${attempt.number}`}>
      <p>
        <span className="font-medium">Attempt {attempt.number}</span>
        <span className="text-slate-400">
          {' '}
          · {attempt.startedAt !== null ? formatDate(attempt.startedAt) : 'not timed'} ·{' '}
          {describeResult({ ...attempt, lastAt: attempt.endedAt })}
        </span>
      </p>
      <div className="mt-1 flex flex-wrap gap-3 text-xs">
        <button type="button" className="text-sky-400 underline" aria-expanded={showCode} onClick={() => setShowCode(!showCode)}>
          {showCode ? 'Hide its code' : 'Show its code'}
        </button>
        {attempt.sessionIds.map((id, i) => (
          <Link key={id} href={`/sessions/${encodeURIComponent(id)}`} className="text-sky-400 underline">
            Replay session {attempt.sessionIds.length > 1 ? i + 1 : ''}
          </Link>
        ))}
      </div>
      {showCode && (
        <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-950 p-2 text-xs" aria-label={`Code of attempt ${attempt.number}`}>
          {attempt.code}
        </pre>
      )}
    </li>
  );
}

/** The attempts a New attempt replaced, newest first, each with its code and its recorded sessions. */
export function AttemptHistory() {
  const history = useWorkspace((s) => s.history);
  const current = useWorkspace((s) => s.practice?.attempt ?? 1);
  if (history.length === 0) return null;
  return (
    <details className="rounded border border-slate-800 px-3 py-2">
      <summary className="cursor-pointer text-sm font-semibold">
        Earlier attempts ({history.length}) · this is attempt {current}
      </summary>
      <ul aria-label="Earlier attempts">
        {[...history].reverse().map((a) => (
          <AttemptItem key={a.number} attempt={a} />
        ))}
      </ul>
    </details>
  );
}
