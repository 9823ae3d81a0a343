import type { MetricId, ProgressPoint, Trend } from '../../core/progress/series';
import { problemTitle } from '../../problems/catalog';
import { latestTrend } from '../../core/progress/series';
import { formatSelfReviewTotal } from '../../core/review/rubrics';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const TREND_TEXT: Record<Trend, string> = { better: '▲ better', worse: '▼ worse', same: '= same', 'not-comparable': 'cannot compare' };
const TREND_STYLE: Record<Trend, string> = {
  better: 'text-emerald-300',
  worse: 'text-amber-300',
  same: 'text-slate-300',
  'not-comparable': 'text-slate-500',
};

export function TrendBadge({ trend, metric }: { trend: Trend; metric: string }) {
  return (
    <span className={TREND_STYLE[trend]} data-testid={`trend-${metric}`} data-trend={trend}>
      {TREND_TEXT[trend]}
    </span>
  );
}

const dash = <span className="text-slate-500">—</span>;

function runsText(p: ProgressPoint): string {
  const all = p.runs + p.submits;
  return p.runsInCodePhase === null ? `${all}` : `${all} (${p.runsInCodePhase} while coding)`;
}

/** The charts' numbers as a table, with whether the latest session beat the one before on each. */
export function ProgressTable({ points }: { points: readonly ProgressPoint[] }) {
  const metrics: MetricId[] = ['silence', 'firstSubmit', 'runs', 'selfReview', 'design'];
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-slate-400">
          Each session, oldest first. “Runs” counts Runs and Submits; the last row compares the latest session with the one before it.
        </caption>
        <thead className="border-b border-slate-700 text-slate-300">
          <tr>
            <th scope="col" className="px-2 py-2">
              Session
            </th>
            <th scope="col" className="px-2 py-2">
              Silence
            </th>
            <th scope="col" className="px-2 py-2">
              First Submit
            </th>
            <th scope="col" className="px-2 py-2">
              Runs
            </th>
            <th scope="col" className="px-2 py-2">
              Self-review
            </th>
            <th scope="col" className="px-2 py-2">
              Design
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.sessionId} className="border-b border-slate-800" data-session-id={p.sessionId}>
              <th scope="row" className="px-2 py-2 font-normal">
                <time dateTime={new Date(p.startedAt).toISOString()}>{dateTime.format(new Date(p.startedAt))}</time>
                <span className="block text-xs text-slate-400">{problemTitle(p.problemId)}</span>
              </th>
              <td className="px-2 py-2">
                {p.silenceS === null ? <span className="text-slate-500">no audio</span> : `${p.silenceS.toFixed(1)} s`}
              </td>
              <td className="px-2 py-2">
                {p.firstSubmitPassed === null ? (
                  <span className="text-slate-500">no submit</span>
                ) : p.firstSubmitPassed ? (
                  'passed'
                ) : (
                  'failed'
                )}
              </td>
              <td className="px-2 py-2">{runsText(p)}</td>
              <td className="px-2 py-2">
                {formatSelfReviewTotal(p.selfReview === null ? null : { total: p.selfReview, scored: p.selfReviewScored }) ?? dash}
              </td>
              <td className="px-2 py-2">{p.designPercent === null ? dash : `${p.designPercent} %`}</td>
            </tr>
          ))}
        </tbody>
        {points.length >= 2 && (
          <tfoot>
            <tr>
              <th scope="row" className="px-2 py-2 font-semibold">
                Latest vs the one before
              </th>
              {metrics.map((m) => (
                <td key={m} className="px-2 py-2">
                  <TrendBadge metric={m} trend={latestTrend(points, m)} />
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
