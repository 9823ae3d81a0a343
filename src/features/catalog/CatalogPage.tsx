import { LANGUAGES, languageSpec } from '../../core/languages/registry';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { warmUpRunnerWhenIdle } from '../../runner/instance';
import { CATALOG } from '../../problems/catalog';
import { AppNav } from '../../shared/AppNav';
import { ThemeSwitch } from '../theme';
import { allAttempts, byLeastRecentlyPractised, describeHistory, type PracticeHistoryLine } from '../../core/practice/attempts';
import { listAllAttempts } from '../../storage/attempts';
import { listPractice } from '../../storage/practice';
import { localDateAt } from '../../core/plan/localDate';
import { byDue, dueLabel, isDue } from '../../core/plan/due';
import { useSchedules } from './useSchedules';
import { allTags, filterProblems, STATUS_LABEL, type ProblemStatus } from './catalogFilter';
import {
  catalogFilterOf,
  catalogQueryToSearch,
  hasNarrowingFilter,
  parseCatalogQuery,
  type CatalogOrder,
  type CatalogQuery,
} from './catalogQuery';
import { EmptyCatalog } from './EmptyCatalog';

const STATUS_STYLE: Record<ProblemStatus, string> = {
  'not-started': 'bg-slate-800 text-slate-300',
  'in-progress': 'bg-sky-900 text-sky-200',
  solved: 'bg-emerald-900 text-emerald-200',
};

interface ProblemPractice {
  status: ProblemStatus;
  history: PracticeHistoryLine | null;
}

/** Each practised problem's status and attempts (finished ones from the history, plus the current one). */
function usePractice(): Map<string, ProblemPractice> {
  const [practice, setPractice] = useState(new Map<string, ProblemPractice>());
  useEffect(() => {
    Promise.all([listPractice(), listAllAttempts().catch(() => [])])
      .then(([records, attempts]) => {
        const byProblem = new Map<string, ProblemPractice>();
        const ids = new Set([...records.map((r) => r.problemId), ...attempts.map((a) => a.problemId)]);
        for (const id of ids) {
          const record = records.find((r) => r.problemId === id);
          const history = attempts.filter((a) => a.problemId === id).sort((a, b) => a.number - b.number);
          byProblem.set(id, { status: record?.status ?? 'in-progress', history: describeHistory(allAttempts(history, record)) });
        }
        setPractice(byProblem);
      })
      .catch((e: unknown) => console.error('Could not read practice status', e));
  }, []);
  return practice;
}

const formatDay = (at: number) => new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * The catalog's filters, order and search live in the URL (`#/?kind=coding&q=rate`): "← Problems", a
 * reload and a shared link show the same list. Each change replaces the URL rather than adding a history
 * entry per keystroke; values the catalog does not know are ignored.
 */
function useCatalogQuery(tags: readonly string[]): [CatalogQuery, (patch: Partial<CatalogQuery>) => void] {
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = useMemo(() => parseCatalogQuery(search, { tags, languages: LANGUAGES }), [search, tags]);
  const update = (patch: Partial<CatalogQuery>) => {
    const next = catalogQueryToSearch({ ...query, ...patch });
    navigate(next ? `/?${next}` : '/', { replace: true });
  };
  return [query, update];
}

export function CatalogPage() {
  const tags = useMemo(() => allTags(CATALOG), []);
  const [query, setQuery] = useCatalogQuery(tags);
  const { order } = query;
  const practice = usePractice();
  const schedules = useSchedules();
  const today = localDateAt(Date.now());
  const filtered = filterProblems(CATALOG, catalogFilterOf(query));
  const visible =
    order === 'least-recent'
      ? byLeastRecentlyPractised(filtered, (id) => practice.get(id)?.history?.lastAt ?? null)
      : order === 'due'
        ? byDue(filtered, schedules)
        : filtered;

  useEffect(() => {
    document.title = 'Problems · Rehearse';
    // While the user browses, get the runner ready for the problem they will open.
    warmUpRunnerWhenIdle();
  }, []);

  return (
    <main className="mx-auto max-w-5xl p-6">
      <div className="mb-1 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Rehearse</h1>
        <div className="flex items-center gap-4">
          <AppNav />
          <ThemeSwitch />
        </div>
      </div>
      <p className="mb-6 text-slate-400">Pick a problem and practise it the way a real interview runs: plan, code, review — out loud.</p>
      <div className="mb-4 flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          Search problems
          <input
            type="search"
            className="input w-48"
            value={query.text}
            placeholder="title, summary or tag"
            onChange={(e) => setQuery({ text: e.target.value })}
          />
        </label>
        <label className="flex items-center gap-2">
          Kind
          <select className="input" value={query.kind} onChange={(e) => setQuery({ kind: e.target.value as CatalogQuery['kind'] })}>
            <option value="all">All</option>
            <option value="coding">Coding</option>
            <option value="design">Design</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          Difficulty
          <select
            className="input"
            value={query.difficulty}
            onChange={(e) => setQuery({ difficulty: e.target.value as CatalogQuery['difficulty'] })}
          >
            <option value="all">All</option>
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          Tag
          <select className="input" value={query.tag} onChange={(e) => setQuery({ tag: e.target.value })}>
            <option value="all">All</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          Language
          <select
            className="input"
            value={query.language}
            onChange={(e) => setQuery({ language: e.target.value as CatalogQuery['language'] })}
          >
            <option value="all">Any</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {languageSpec(l).label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          Order
          <select className="input" value={order} onChange={(e) => setQuery({ order: e.target.value as CatalogOrder })}>
            <option value="catalog">Catalog order</option>
            <option value="least-recent">Least recently practised</option>
            <option value="due">Due for a re-do</option>
          </select>
        </label>
        <span className="self-center text-slate-500" role="status">
          {visible.length} of {CATALOG.length} problems
        </span>
      </div>
      {visible.length === 0 ? (
        <EmptyCatalog
          text={query.text.trim()}
          filtered={hasNarrowingFilter(query)}
          onClearSearch={() => setQuery({ text: '' })}
          onClearFilters={() => setQuery({ kind: 'all', difficulty: 'all', tag: 'all', language: 'all' })}
        />
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {visible.map((p) => {
            const status = practice.get(p.id)?.status ?? 'not-started';
            const history = practice.get(p.id)?.history ?? null;
            const schedule = schedules.get(p.id);
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
                  {history && (
                    <p className="mt-1 text-xs text-slate-300" data-testid="practice-history">
                      {history.text}
                      {history.lastAt !== null && history.lastAt > 0 && <> · last {formatDay(history.lastAt)}</>}
                    </p>
                  )}
                  {schedule && (
                    <p
                      className={`mt-1 text-xs ${isDue(schedule, today) ? 'text-fuchsia-300' : 'text-slate-400'}`}
                      data-testid="problem-due"
                      data-due={schedule.due}
                    >
                      Re-do {dueLabel(schedule, today)}
                    </p>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}
