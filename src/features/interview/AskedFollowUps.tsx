import { useId, useMemo } from 'react';
import { followUpReport } from '../../core/interview/askedFollowUps';
import type { Problem } from '../../core/problems/types';
import type { SessionEvent } from '../../core/session/types';
import { formatClock } from '../../core/timer/phaseClock';

/**
 * After a session: each follow-up question the interviewer asked, when (a button that seeks the replay
 * there, so the candidate can hear their answer), and the points a strong answer covers; then the
 * questions that were not asked.
 */
export function AskedFollowUps({ problem, events, onSeek }: { problem: Problem; events: SessionEvent[]; onSeek?: (t: number) => void }) {
  const report = useMemo(() => followUpReport(events, problem.followUps), [events, problem.followUps]);
  const headingId = useId();
  if (problem.followUps.length === 0 && report.asked.length === 0) return null;

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} className="text-base font-semibold">
        Follow-up questions
      </h3>
      {report.asked.length === 0 ? (
        <p className="text-sm text-slate-400">
          None was asked in this session: the interviewer asks them in the closing phase (review, discuss or deep dive). Practise them
          below.
        </p>
      ) : (
        <ol className="space-y-3">
          {report.asked.map((q) => (
            <li key={q.question} className="rounded border border-slate-800 p-2 text-sm">
              <div className="flex items-baseline gap-2">
                {onSeek ? (
                  <button
                    type="button"
                    className="btn px-1 py-0 font-mono text-xs"
                    onClick={() => onSeek(q.t)}
                    aria-label={`Play from ${formatClock(q.t)}: ${q.question}`}
                  >
                    {formatClock(q.t)}
                  </button>
                ) : (
                  <span className="font-mono text-xs text-slate-400">{formatClock(q.t)}</span>
                )}
                <p className="font-medium">{q.question}</p>
              </div>
              {q.points.length > 0 ? (
                <>
                  <p className="mt-1 text-xs text-slate-400">A strong answer covers:</p>
                  <ul className="list-disc pl-5 text-slate-300">
                    {q.points.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="mt-1 text-xs text-slate-400">
                  This question is no longer in the problem's follow-ups, so there are no points to compare with.
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {report.notAsked.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-300">Not asked ({report.notAsked.length})</summary>
          <ul className="mt-2 space-y-2">
            {report.notAsked.map((f) => (
              <li key={f.question}>
                <p>{f.question}</p>
                <ul className="list-disc pl-5 text-slate-400">
                  {f.points.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
