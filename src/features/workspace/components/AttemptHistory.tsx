import { useState } from 'react';
import { Link } from 'wouter';
import { describeResult } from '../../../core/practice/attempts';
import type { AttemptRecord } from '../../../core/records/types';
import { parseBoardDraft } from '../../../core/whiteboard/restoreBoard';
import { boardToSvg } from '../../../core/whiteboard/boardShapes';
import { useWorkspace } from '../useWorkspace';

const formatDate = (at: number) =>
  new Date(at).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The attempt's board as an SVG picture (an <img> runs nothing in it), or null when it kept none. */
function boardPictureUrl(board: string | undefined): string | null {
  const elements = board ? parseBoardDraft(board)?.elements : null;
  if (!elements || elements.length === 0) return null;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(boardToSvg(elements))}`;
}

const sessionsLine = (n: number) => (n === 0 ? 'no recorded session' : `${n} recorded session${n === 1 ? '' : 's'}`);

function AttemptItem({ attempt, design }: { attempt: AttemptRecord; design: boolean }) {
  const [showCode, setShowCode] = useState(false);
  const [showBoard, setShowBoard] = useState(false);
  const board = design ? boardPictureUrl(attempt.board) : null;
  const what = design ? 'scratchpad' : 'code';
  return (
    <li className="border-b border-slate-800 py-2 text-sm" data-testid={`attempt-${attempt.number}`}>
      <p>
        <span className="font-medium">Attempt {attempt.number}</span>
        <span className="text-slate-400">
          {' '}
          · {attempt.startedAt !== null ? formatDate(attempt.startedAt) : 'not timed'} ·{' '}
          {/* A design attempt has no Submits: what it kept is its board and its sessions. */}
          {design
            ? `${board ? 'a board' : 'nothing drawn'}, ${sessionsLine(attempt.sessionIds.length)}`
            : describeResult({ ...attempt, lastAt: attempt.endedAt })}
        </span>
      </p>
      <div className="mt-1 flex flex-wrap gap-3 text-xs">
        <button type="button" className="text-sky-400 underline" aria-expanded={showCode} onClick={() => setShowCode(!showCode)}>
          {showCode ? `Hide its ${what}` : `Show its ${what}`}
        </button>
        {board && (
          <button type="button" className="text-sky-400 underline" aria-expanded={showBoard} onClick={() => setShowBoard(!showBoard)}>
            {showBoard ? 'Hide its board' : 'Show its board'}
          </button>
        )}
        {attempt.sessionIds.map((id, i) => (
          <Link key={id} href={`/sessions/${encodeURIComponent(id)}`} className="text-sky-400 underline">
            Replay session {attempt.sessionIds.length > 1 ? i + 1 : ''}
          </Link>
        ))}
      </div>
      {showCode && (
        <pre
          className="mt-1 max-h-64 overflow-auto rounded bg-slate-950 p-2 text-xs"
          aria-label={`${design ? 'Scratchpad' : 'Code'} of attempt ${attempt.number}`}
        >
          {attempt.code}
        </pre>
      )}
      {board && showBoard && (
        <img
          src={board}
          alt={`The whiteboard of attempt ${attempt.number}`}
          className="mt-1 max-h-96 w-full rounded bg-white object-contain p-1"
          data-testid={`attempt-${attempt.number}-board`}
        />
      )}
    </li>
  );
}

/** The attempts a New attempt replaced, newest first, each with its code (a design attempt: its scratchpad and board) and its recorded sessions. */
export function AttemptHistory() {
  const history = useWorkspace((s) => s.history);
  const current = useWorkspace((s) => s.practice?.attempt ?? 1);
  const design = useWorkspace((s) => s.problem?.kind === 'design');
  if (history.length === 0) return null;
  return (
    <details className="rounded border border-slate-800 px-3 py-2">
      <summary className="cursor-pointer text-sm font-semibold">
        Earlier attempts ({history.length}) · this is attempt {current}
      </summary>
      <ul aria-label="Earlier attempts">
        {[...history].reverse().map((a) => (
          <AttemptItem key={a.number} attempt={a} design={design} />
        ))}
      </ul>
    </details>
  );
}
