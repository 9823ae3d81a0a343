/**
 * The results panel as it was at the play head: the last Run or Submit before it, with each test's
 * verdict and failure message as the log kept them (failures first).
 */
import type { LoggedTest } from '../../core/session/types';
import { runResultText, type RunMarker } from '../../core/replay/timeline';
import { formatClock } from '../../core/timer/phaseClock';

const STATUS: Record<LoggedTest['status'], { label: string; style: string }> = {
  passed: { label: 'passed', style: 'text-emerald-400' },
  failed: { label: 'failed', style: 'text-rose-400' },
  timedout: { label: 'timed out', style: 'text-amber-400' },
  error: { label: 'error', style: 'text-rose-300' },
};

const VERDICT_STYLE = { passed: 'text-emerald-400', failed: 'text-rose-400', error: 'text-amber-300' } as const;

export function ReplayResults({ run, hasRuns }: { run: RunMarker | null; hasRuns: boolean }) {
  return (
    <section role="region" aria-label="Test results at the play head" className="h-full overflow-auto p-3">
      {!run ? (
        <p className="text-sm text-slate-400">
          {hasRuns
            ? 'No Run or Submit yet at this point of the session. Press N to jump to the next one.'
            : 'Nothing was run in this session.'}
        </p>
      ) : (
        <>
          <p className="mb-2 text-sm" data-testid="replay-results-summary" data-run-at-ms={run.t}>
            <span className="font-semibold">{run.mode === 'submit' ? 'Hidden tests (Submit)' : 'Examples (Run)'}</span> at{' '}
            {formatClock(run.t)}: <span className={VERDICT_STYLE[run.verdict]}>{runResultText(run)}</span>
          </p>
          {run.message && <p className="mb-2 whitespace-pre-wrap text-sm text-amber-300">{run.message}</p>}
          {run.tests === null ? (
            <p className="text-xs text-slate-500">This session’s log kept only the counts of this run, not each test.</p>
          ) : (
            <ul>
              {[...run.tests]
                .sort((a, b) => Number(a.status === 'passed') - Number(b.status === 'passed'))
                .map((t, i) => (
                  <li key={i} data-status={t.status} className="border-b border-slate-800 py-1.5">
                    <div className="flex gap-2">
                      <span className={`w-16 shrink-0 text-xs font-semibold uppercase ${STATUS[t.status].style}`}>
                        {STATUS[t.status].label}
                      </span>
                      <span className="text-sm">
                        {t.path.length > 0 && <span className="text-slate-500">{t.path.join(' › ')} › </span>}
                        {t.title}
                      </span>
                    </div>
                    {t.message && <p className="ml-[4.5rem] mt-1 whitespace-pre-wrap text-xs text-rose-200">{t.message}</p>}
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
