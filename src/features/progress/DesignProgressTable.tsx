import { designTrend, type DesignMetricId, type DesignPoint } from '../../core/progress/designSeries';
import { problemTitle } from '../../problems/catalog';
import { TrendBadge } from './ProgressTable';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const COLUMNS: { metric: DesignMetricId; label: string; value: (p: DesignPoint) => string }[] = [
  { metric: 'questions', label: 'Questions before the design', value: (p) => `${p.questionsBeforeDesign} of ${p.questions}` },
  { metric: 'estimates', label: 'Estimates before the design', value: (p) => `${p.estimatesBeforeDesign} of ${p.estimates}` },
  {
    metric: 'notes',
    label: 'Notes sections written',
    value: (p) => (p.notesWritten === null ? 'no notes' : `${p.notesWritten} of ${p.notesSections}`),
  },
  { metric: 'board', label: 'Board changes', value: (p) => String(p.boardChanges) },
  { metric: 'checklist', label: 'Checklist met', value: (p) => `${p.checklistMet} of ${p.checklistTotal}` },
  { metric: 'design', label: 'Design', value: (p) => (p.designPercent === null ? '—' : `${p.designPercent} %`) },
];

/** The design charts' numbers as a table, with whether the latest session beat the one before on each. */
export function DesignProgressTable({ points }: { points: readonly DesignPoint[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid="design-progress-table">
        <caption className="mb-2 text-left text-slate-400">
          Each design session, oldest first, by design measures; the last row compares the latest session with the one before it.
        </caption>
        <thead className="border-b border-slate-700 text-slate-300">
          <tr>
            <th scope="col" className="px-2 py-2">
              Session
            </th>
            {COLUMNS.map((c) => (
              <th key={c.metric} scope="col" className="px-2 py-2">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.sessionId} className="border-b border-slate-800" data-session-id={p.sessionId}>
              <th scope="row" className="px-2 py-2 font-normal">
                <time dateTime={new Date(p.startedAt).toISOString()}>{dateTime.format(new Date(p.startedAt))}</time>
                <span className="block text-xs text-slate-400">{problemTitle(p.problemId)}</span>
              </th>
              {COLUMNS.map((c) => (
                <td key={c.metric} className="px-2 py-2">
                  {c.value(p)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {points.length >= 2 && (
          <tfoot>
            <tr>
              <th scope="row" className="px-2 py-2 font-semibold">
                Latest vs the one before
              </th>
              {COLUMNS.map((c) => (
                <td key={c.metric} className="px-2 py-2">
                  <TrendBadge metric={c.metric} trend={designTrend(points, c.metric)} />
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
