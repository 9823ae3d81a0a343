import type { RunResult, TestResult } from '../../../runner/types';
import { useWorkspace } from '../workspaceStore';

const STATUS_LABEL: Record<TestResult['status'], string> = {
  passed: 'passed',
  failed: 'failed',
  timedout: 'timed out',
  error: 'error',
};

const STATUS_STYLE: Record<TestResult['status'], string> = {
  passed: 'text-emerald-400',
  failed: 'text-rose-400',
  timedout: 'text-amber-400',
  error: 'text-rose-300',
};

function Summary({ result, runCount }: { result: RunResult; runCount: number }) {
  const what = result.mode === 'run' ? 'Examples' : 'Hidden tests';
  return (
    <p className="mb-2 text-sm" data-testid="results-summary" data-run={runCount}>
      <span className="font-semibold">{what}:</span>{' '}
      <span className={result.passed === result.total && result.total > 0 ? 'text-emerald-400' : 'text-rose-400'}>
        {result.passed}/{result.total} passed
      </span>
      <span className="text-slate-500"> · {Math.round(result.durationMs)} ms</span>
    </p>
  );
}

function TestItem({ test }: { test: TestResult }) {
  const f = test.failure;
  return (
    <li data-status={test.status} className="border-b border-slate-800 py-1.5">
      <div className="flex gap-2">
        <span className={`w-16 shrink-0 text-xs font-semibold uppercase ${STATUS_STYLE[test.status]}`}>
          {STATUS_LABEL[test.status]}
        </span>
        <span className="text-sm">
          {test.path.length > 0 && <span className="text-slate-500">{test.path.join(' › ')} › </span>}
          {test.title}
        </span>
      </div>
      {f && (
        <div className="ml-[4.5rem] mt-1 space-y-1 text-xs">
          <p className="whitespace-pre-wrap text-rose-200">{f.message}</p>
          {(f.expected !== undefined || f.actual !== undefined) && (
            <dl className="grid grid-cols-[5rem_1fr] gap-x-2 font-mono">
              <dt className="text-slate-400">expected</dt>
              <dd className="whitespace-pre-wrap text-emerald-300">{f.expected}</dd>
              <dt className="text-slate-400">actual</dt>
              <dd className="whitespace-pre-wrap text-rose-300">{f.actual}</dd>
            </dl>
          )}
          {f.solutionLine !== undefined && (
            <p className="text-slate-400">
              at solution.ts line {f.solutionLine}
              {f.solutionColumn !== undefined && `, column ${f.solutionColumn}`}
            </p>
          )}
        </div>
      )}
    </li>
  );
}

export function ResultsPanel() {
  const result = useWorkspace((s) => s.lastResult);
  const running = useWorkspace((s) => s.running);
  const runCount = useWorkspace((s) => s.runCount);

  return (
    <section role="region" aria-label="Test results" className="h-full overflow-auto p-3">
      {running && (
        <p className="text-sm text-sky-300" role="status">
          {running === 'run' ? 'Running your code and the examples…' : 'Running the hidden tests…'}
        </p>
      )}
      {!running && !result && (
        <p className="text-sm text-slate-400">
          Press <kbd>Run</kbd> (Ctrl/⌘+Enter) to try the examples, <kbd>Submit</kbd> (Ctrl/⌘+Shift+Enter) for the hidden tests.
        </p>
      )}
      {!running && result && (
        <>
          <Summary result={result} runCount={runCount} />
          {result.message && (
            <p className="mb-2 whitespace-pre-wrap text-sm text-amber-300" data-testid="run-message">
              {result.message}
            </p>
          )}
          {result.compileErrors.length > 0 && (
            <ul className="mb-2 space-y-1" aria-label="Compile errors">
              {result.compileErrors.map((d, i) => (
                <li key={i} className="font-mono text-xs text-rose-300">
                  {d.file === 'solution.ts' ? 'solution.ts' : 'tests'}:{d.line}:{d.column} — {d.message}
                </li>
              ))}
            </ul>
          )}
          <ul>
            {result.tests.map((t, i) => (
              <TestItem key={i} test={t} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
