import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, Route, Router, Switch, useLocation, useParams, useSearch } from 'wouter';
import type { Problem } from '../core/problems/types';
import { CatalogPage } from '../features/catalog/CatalogPage';
import { WorkspacePage } from '../features/workspace/WorkspacePage';
import { preloadEditor } from '../editor';
import { findEntry, loadProblem } from '../problems/catalog';
import { useHashQueryLocation } from './hashLocation';
import { BackgroundRecording } from '../features/recording';
import { NavContext, type NavExtras } from '../shared/navContext';
import { loadCatalogSearch, saveCatalogSearch } from '../storage/settings';

// The pages after a session load on first visit: the catalog and the workspace should not pay for them.
const SessionsPage = lazy(() => import('../features/sessions/SessionsPage').then((m) => ({ default: m.SessionsPage })));
const ProgressPage = lazy(() => import('../features/progress/ProgressPage').then((m) => ({ default: m.ProgressPage })));
// The Plan page with the backup panel under it: two features composed here, neither importing the other.
const PlanPage = lazy(() =>
  Promise.all([import('../features/plan/PlanPage'), import('../features/bundle/backup/BackupPanel')]).then(([plan, backup]) => ({
    default: () => <plan.PlanPage footer={(reload) => <backup.BackupPanel onRestored={reload} />} />,
  })),
);
const ReplayPage = lazy(() => import('../features/replay/ReplayPage').then((m) => ({ default: m.ReplayPage })));

/** How long the catalog stays on screen before Monaco loads behind it. */
const CATALOG_QUIET_MS = 1000;

/**
 * The catalog, and Monaco loading behind it once the person has looked at it for a moment: a click on a
 * card then only mounts the editor instead of fetching and evaluating ~4 MB of JavaScript first. Not at
 * once: evaluating Monaco holds the main thread for about a second, and a click at once would wait for it
 * (the workspace shows the code in a plain text area first and loads Monaco itself).
 */
function CatalogRoute() {
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    let idle = 0;
    const quiet = setTimeout(() => (idle = requestIdleCallback(() => void preloadEditor(), { timeout: 2000 })), CATALOG_QUIET_MS);
    return () => {
      clearTimeout(quiet);
      cancelIdleCallback(idle);
    };
  }, []);
  return <CatalogPage />;
}

function Loading() {
  return <p className="p-6 text-slate-400">Loading…</p>;
}

function SessionsRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <SessionsPage />
    </Suspense>
  );
}

function ProgressRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <ProgressPage />
    </Suspense>
  );
}

function PlanRoute() {
  return (
    <Suspense fallback={<Loading />}>
      <PlanPage />
    </Suspense>
  );
}

function ReplayRoute() {
  const { id } = useParams<{ id: string }>();
  return (
    <Suspense fallback={<Loading />}>
      <ReplayPage key={id} sessionId={id} />
    </Suspense>
  );
}

function useProblem(id: string): { problem: Problem | null; error: string | null } {
  const [state, setState] = useState<{ id: string; problem: Problem | null; error: string | null }>({ id, problem: null, error: null });
  useEffect(() => {
    let live = true;
    loadProblem(id).then(
      (problem) => live && setState({ id, problem, error: null }),
      (e: unknown) => live && setState({ id, problem: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state.id === id ? state : { problem: null, error: null };
}

function ProblemRoute() {
  const { id } = useParams<{ id: string }>();
  const { problem, error } = useProblem(id);
  if (!findEntry(id)) return <NotFound what={`There is no problem called “${id}”.`} />;
  if (error) return <NotFound what={`This problem could not be loaded: ${error}`} />;
  if (!problem) return <p className="p-6 text-slate-400">Loading the problem…</p>;
  return <WorkspacePage key={problem.id} problem={problem} />;
}

function NotFound({ what }: { what: string }) {
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="mb-2 text-xl font-semibold">Not found</h1>
      <p className="mb-4 text-slate-400">{what}</p>
      <Link href="/" className="text-sky-400 underline">
        Back to the problems
      </Link>
    </main>
  );
}

/**
 * What every page's navigation gets: "Problems" back to the catalog's last query (remembered for the tab,
 * so it survives a reload of the workspace) and a session recording in the background.
 */
function NavProvider({ children }: { children: ReactNode }) {
  const [path] = useLocation();
  const search = useSearch();
  const [remembered, setRemembered] = useState(loadCatalogSearch);
  const catalogSearch = path === '/' ? search : remembered;
  useEffect(() => {
    if (path !== '/') return;
    setRemembered(search);
    saveCatalogSearch(search);
  }, [path, search]);
  const extras = useMemo<NavExtras>(
    () => ({ problemsHref: catalogSearch ? `/?${catalogSearch}` : '/', status: <BackgroundRecording /> }),
    [catalogSearch],
  );
  return <NavContext.Provider value={extras}>{children}</NavContext.Provider>;
}

/**
 * Hash routes (#/problems/<id>, #/?kind=coding&q=rate): every deep link is the same index.html to the server,
 * so reloading one works on any plain static file server, with no rewrite rules.
 */
export function App() {
  return (
    <Router hook={useHashQueryLocation}>
      <NavProvider>
        <Switch>
          <Route path="/" component={CatalogRoute} />
          <Route path="/problems/:id" component={ProblemRoute} />
          <Route path="/sessions" component={SessionsRoute} />
          <Route path="/sessions/:id" component={ReplayRoute} />
          <Route path="/progress" component={ProgressRoute} />
          <Route path="/plan" component={PlanRoute} />
          <Route>
            <NotFound what="This page does not exist." />
          </Route>
        </Switch>
      </NavProvider>
    </Router>
  );
}
