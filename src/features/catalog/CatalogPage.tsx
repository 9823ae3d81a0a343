import { useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { warmUpRunnerWhenIdle } from '../../runner/instance';
import { CATALOG } from '../../problems/catalog';
import { AppNav } from '../../shared/AppNav';
import { listPractice } from '../../storage/practice';
import { allTags, filterProblems, STATUS_LABEL, type CatalogFilter, type ProblemStatus } from './catalogFilter';

const STATUS_STYLE: Record<ProblemStatus, string> = {
  'not-started': 'bg-slate-800 text-slate-300',
  'in-progress': 'bg-sky-900 text-sky-200',
  solved: 'bg-emerald-900 text-emerald-200',
};

function usePracticeStatuses(): Map<string, ProblemStatus> {
  const [statuses, setStatuses] = useState(new Map<string, ProblemStatus>());
  useEffect(() => {
    listPractice()
      .then((records) => setStatuses(new Map(records.map((r) => [r.problemId, r.status]))))
      .catch((e: unknown) => console.error('Could not read practice status', e));
  }, []);
  return statuses;
}

export function CatalogPage() {
  const [filter, setFilter] = useState<CatalogFilter>({ kind: 'all', tag: 'all' });
  const statuses = usePracticeStatuses();
  const tags = useMemo(() => allTags(CATALOG), []);
  const visible = filterProblems(CATALOG, filter);

  useEffect(() => {
    document.title = 'Problems · Rehearse';
    // While the user browses, get the runner ready for the problem they will open.
    warmUpRunnerWhenIdle();
  }, []);

  return (
    <main className="mx-auto max-w-5xl p-6">
      <div className="mb-1 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Rehearse</h1>
        <AppNav />
      </div>
      <p className="mb-6 text-slate-400">Pick a problem and practise it the way a real interview runs: plan, code, review — out loud.</p>
      <div className="mb-4 flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          Kind
          <select className="input" value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value as CatalogFilter['kind'] })}>
            <option value="all">All</option>
            <option value="coding">Coding</option>
            <option value="design">Design</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          Tag
          <select className="input" value={filter.tag} onChange={(e) => setFilter({ ...filter, tag: e.target.value })}>
            <option value="all">All</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <span className="self-center text-slate-500">
          {visible.length} of {CATALOG.length} problems
        </span>
      </div>
      {visible.length === 0 ? (
        <p className="text-slate-400">No problem matches these filters. Choose “All” to see every problem.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {visible.map((p) => {
            const status = statuses.get(p.id) ?? 'not-started';
            return (
              <li key={p.id}>
                <Link
                  href={`/problems/${p.id}`}
                  aria-label={p.title}
                  className="block h-full rounded-lg border border-slate-800 bg-slate-900 p-4 hover:border-sky-600"
                >
                  <div className="mb-1 flex items-start justify-between gap-2">
                    <h2 className="font-semibold">{p.title}</h2>
                    <span className={`shrink-0 rounded px-2 py-0.5 text-xs ${STATUS_STYLE[status]}`} data-testid="problem-status">
                      {/* A design problem has no tests to pass: a finished session is what completes it. */}
                      {p.kind === 'design' && status === 'solved' ? 'Practised' : STATUS_LABEL[status]}
                    </span>
                  </div>
                  <p className="mb-2 text-sm text-slate-400">{p.summary}</p>
                  <p className="text-xs text-slate-500">
                    {p.kind} · {p.difficulty} · {p.tags.join(', ')}
                  </p>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
