import { Link, Route, Router, Switch, useParams } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { CatalogPage } from '../features/catalog/CatalogPage';
import { WorkspacePage } from '../features/workspace/WorkspacePage';
import { findProblem } from '../problems/catalog';

function ProblemRoute() {
  const { id } = useParams<{ id: string }>();
  const problem = findProblem(id);
  if (!problem) return <NotFound what={`There is no problem called “${id}”.`} />;
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
 * Hash routes (#/problems/<id>): every deep link is the same index.html to the server, so reloading
 * one works on any plain static file server, with no rewrite rules.
 */
export function App() {
  return (
    <Router hook={useHashLocation}>
      <Switch>
        <Route path="/" component={CatalogPage} />
        <Route path="/problems/:id" component={ProblemRoute} />
        <Route>
          <NotFound what="This page does not exist." />
        </Route>
      </Switch>
    </Router>
  );
}
