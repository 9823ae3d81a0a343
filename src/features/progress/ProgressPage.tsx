import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { protocolName } from '../../core/library/protocolName';
import { progressSeries, type ProgressFilter, type ProgressInput } from '../../core/progress/series';
import type { CustomProtocolRecord } from '../../storage/db';
import { problemTitle } from '../../problems/catalog';
import { AppNav } from '../../shared/AppNav';
import { buildChartSpecs, type ChartSpec } from './chartSpecs';
import { ProgressTable, TrendBadge } from './ProgressTable';
import { FilterSelect } from '../../shared/FilterSelect';
import { useProgressData, type SessionKind } from './useProgressData';

// uPlot is loaded with the first chart, not with the app.
const MetricChart = lazy(() => import('./MetricChart'));

// Stable empties, so the memos below do not recompute on every render while loading.
const NO_INPUTS: ProgressInput[] = [];
const NO_CUSTOMS: CustomProtocolRecord[] = [];
const NO_KINDS = new Map<string, SessionKind>();
const KIND_OPTIONS = [
  { id: 'coding', label: 'Coding sessions' },
  { id: 'design', label: 'Design sessions' },
];

function ChartCard({ spec, comparable }: { spec: ChartSpec; comparable: boolean }) {
  const headingId = `chart-title-${spec.metric}`;
  return (
    <figure className="rounded-lg border border-slate-800 bg-slate-900 p-3" aria-labelledby={headingId}>
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span id={headingId} className="font-semibold">
          {spec.title}
        </span>
        <span className="sr-only">Chart; the same numbers are in the table below the charts.</span>
        {comparable && (
          <span className="text-xs text-slate-400">
            Latest: <TrendBadge trend={spec.trend} metric={spec.metric} />
          </span>
        )}
      </figcaption>
      {!spec.emptyReason && spec.note && (
        <p className="mb-1 text-xs text-slate-400" data-testid={`chart-note-${spec.metric}`}>
          {spec.note}
        </p>
      )}
      {!spec.emptyReason && spec.series.length > 1 && (
        <ul className="mb-1 flex flex-wrap gap-3 text-xs text-slate-300" aria-hidden="true">
          {spec.series.map((s) => (
            <li key={s.label} className="flex items-center gap-1">
              <span className="inline-block h-2 w-3 rounded-sm" style={{ backgroundColor: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      {spec.emptyReason ? (
        <p className="text-sm text-slate-400">{spec.emptyReason}</p>
      ) : (
        <Suspense fallback={<p className="text-sm text-slate-400">Drawing the chart…</p>}>
          <MetricChart spec={spec} />
        </Suspense>
      )}
    </figure>
  );
}

function NoSessions() {
  return (
    <section className="rounded-lg border border-slate-800 bg-slate-900 p-5">
      <h2 className="mb-2 font-semibold">Nothing to chart yet</h2>
      <p className="mb-3 text-sm text-slate-300">
        Progress compares your recorded sessions with each other. Record a session (open a problem, press Start, talk while you work, then
        Finish) and it appears here; from the second one on, each metric says whether you did better than the time before.
      </p>
      <Link href="/" className="text-sky-400 underline">
        Choose a problem to practise
      </Link>
    </section>
  );
}

/** Progress over sessions: one small chart per metric, then the same numbers in a table. */
export function ProgressPage() {
  const data = useProgressData();
  const [filter, setFilter] = useState<ProgressFilter>({ problemId: 'all', protocolId: 'all' });

  useEffect(() => {
    document.title = 'Progress · Rehearse';
  }, []);

  const [kind, setKind] = useState<SessionKind | null>(null);
  const allInputs = data.status === 'ready' ? data.inputs : NO_INPUTS;
  const kinds = data.status === 'ready' ? data.kinds : NO_KINDS;
  // Coding first, unless there are only design sessions.
  const shownKind: SessionKind =
    kind ?? (allInputs.some((i) => kinds.get(i.session.id) === 'coding') || allInputs.length === 0 ? 'coding' : 'design');
  const inputs = useMemo(() => allInputs.filter((i) => (kinds.get(i.session.id) ?? 'coding') === shownKind), [allInputs, kinds, shownKind]);
  const customs = data.status === 'ready' ? data.customProtocols : NO_CUSTOMS;
  const problems = useMemo(
    () => [...new Set(inputs.map((i) => i.session.problemId))].map((id) => ({ id, label: problemTitle(id) })),
    [inputs],
  );
  const protocols = useMemo(() => {
    const byId = new Map(inputs.map((i) => [i.session.protocolId, protocolName(i.session, customs)]));
    return [...byId].map(([id, label]) => ({ id, label }));
  }, [inputs, customs]);
  const points = useMemo(() => progressSeries(inputs, filter), [inputs, filter]);
  const specs = useMemo(() => buildChartSpecs(points), [points]);

  return (
    <main className="mx-auto max-w-6xl p-6">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Progress</h1>
        <AppNav />
      </div>
      {data.status === 'loading' && <p className="text-slate-400">Reading your sessions…</p>}
      {data.status === 'error' && (
        <p role="alert" className="text-red-300">
          Your sessions could not be read from this browser’s storage: {data.message}. Reload the page to try again.
        </p>
      )}
      {data.status === 'ready' && allInputs.length === 0 && <NoSessions />}
      {data.status === 'ready' && allInputs.length > 0 && (
        <>
          <div className="mb-4 flex flex-wrap items-center gap-4 text-sm">
            <label className="flex items-center gap-2 text-sm">
              Kind
              <select
                className="input"
                value={shownKind}
                onChange={(e) => {
                  setKind(e.target.value as SessionKind);
                  setFilter({ problemId: 'all', protocolId: 'all' });
                }}
              >
                {KIND_OPTIONS.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label} ({allInputs.filter((i) => (kinds.get(i.session.id) ?? 'coding') === o.id).length})
                  </option>
                ))}
              </select>
            </label>
            <FilterSelect
              label="Problem"
              allLabel="All problems"
              value={filter.problemId}
              options={problems}
              onChange={(problemId) => setFilter({ ...filter, problemId })}
            />
            <FilterSelect
              label="Protocol"
              allLabel="All protocols"
              value={filter.protocolId}
              options={protocols}
              onChange={(protocolId) => setFilter({ ...filter, protocolId })}
            />
            <span className="text-slate-500">
              {points.length} of {inputs.length} sessions
            </span>
          </div>
          {data.recording > 0 && (
            <p className="mb-3 text-sm text-slate-400">
              {data.recording} session{data.recording === 1 ? ' is' : 's are'} still recording and left out until finished.
            </p>
          )}
          {points.length === 0 ? (
            <p className="text-slate-400">
              No session matches these filters. Choose “All problems” and “All protocols” to see every session.
            </p>
          ) : (
            <>
              {points.length === 1 && (
                <p className="mb-3 text-sm text-slate-300">
                  One session so far. Record another one like it and each chart will say whether you did better than this time.
                </p>
              )}
              <div className="mb-6 grid gap-3 md:grid-cols-2">
                {specs.map((spec) => (
                  <ChartCard key={spec.metric} spec={spec} comparable={points.length >= 2} />
                ))}
              </div>
              {data.attemptComparisons.length > 0 && (
                <section aria-labelledby="attempts-heading" className="mb-6">
                  <h2 id="attempts-heading" className="mb-2 text-lg font-semibold">
                    Attempts of the same problem
                  </h2>
                  <ul className="space-y-1 text-sm" data-testid="attempt-comparisons">
                    {data.attemptComparisons.flatMap(({ problemId, lines }) =>
                      lines.map((line) => (
                        <li key={`${problemId}:${line}`}>
                          <span className="font-medium">{problemTitle(problemId)}</span> — {line}
                        </li>
                      )),
                    )}
                  </ul>
                </section>
              )}
              <h2 className="mb-2 text-lg font-semibold">The numbers</h2>
              <ProgressTable points={points} />
            </>
          )}
        </>
      )}
    </main>
  );
}
