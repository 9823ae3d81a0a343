import { stageOfTest, summariseStages } from '../../../core/problems/stages';
import type { Problem } from '../../../core/problems/types';
import type { RunResult, TestResult } from '../../../runner/types';
import { firstFailing, hiddenResultsView } from '../../../core/practice/hiddenResults';
import { projectPathOfRunFile } from '../../../core/practice/projectCode';
import { useRecorder } from '../../recording';
import { diagnosticLocation, failureLocation } from '../runLocations';
import { useWorkspace } from '../useWorkspace';
import { FeatureGroups } from './FeatureGroups';
import { OwnTestsPanel } from './OwnTestsPanel';
import { LinkedText, SourceLink, useLocationSplitter } from './SourceLink';
import { FailurePlace, TestItem, type LocateFailure } from './TestItem';

// Keyed by string: an outcome the runner adds later (e.g. 'not-counted') still gets a readable label.
const OUTCOME_LABEL: Record<string, string> = {
  completed: 'completed',
  'compile-error': 'compile error',
  timedout: 'timed out',
  crashed: 'crashed while loading',
  'not-counted': 'not counted',
};

function Summary({
  result,
  runCount,
  tests,
  lockedStages,
}: {
  result: RunResult;
  runCount: number;
  tests: TestResult[];
  lockedStages: number;
}) {
  const what = result.mode === 'run' ? 'Examples' : 'Hidden tests';
  const passed = tests.filter((t) => t.status === 'passed').length;
  const total = tests.length;
  return (
    <p className="mb-2 text-sm" data-testid="results-summary" data-run={runCount}>
      <span className="font-semibold">{what}:</span>{' '}
      {total === 0 && result.outcome !== 'completed' ? (
        <span className="text-rose-400">{result.notStarted ? 'could not start' : (OUTCOME_LABEL[result.outcome] ?? result.outcome)}</span>
      ) : (
        <span className={passed === total && total > 0 && result.outcome === 'completed' ? 'text-emerald-400' : 'text-rose-400'}>
          {passed}/{total} passed{result.outcome === 'timedout' && ' · timed out'}
        </span>
      )}
      {lockedStages > 0 && (
        <span className="text-slate-400"> · {lockedStages === 1 ? 'one stage' : `${lockedStages} stages`} still locked</span>
      )}
      <span className="text-slate-500"> · {Math.round(result.durationMs)} ms</span>
    </p>
  );
}

function StageSummaries({ problem, tests, unlockedStages }: { problem: Problem; tests: TestResult[]; unlockedStages: number }) {
  return (
    <ul className="mb-2 text-sm" aria-label="Stages">
      {summariseStages(tests, problem.stages.length).map((s) => (
        <li key={s.stage} data-testid={`stage-${s.stage}`}>
          Stage {s.stage} — {problem.stages[s.stage - 1]}:{' '}
          {s.stage > unlockedStages ? <span className="text-slate-400">locked</span> : `${s.passed}/${s.total} passed`}
        </li>
      ))}
    </ul>
  );
}

/**
 * A Submit during a recorded session, as an interview shows it: how many hidden tests passed and the first
 * one that failed (its name and message), not the list.
 */
function FirstFailure({ tests }: { tests: TestResult[] }) {
  const first = firstFailing(tests);
  return (
    <div data-testid="first-failure" className="space-y-1 text-sm">
      {first ? (
        <>
          <p>
            <span className="text-slate-400">First failing hidden test: </span>
            <span data-testid="first-failing-title">
              {first.path.length > 0 && <span className="text-slate-500">{first.path.join(' › ')} › </span>}
              {first.title}
            </span>
          </p>
          {first.failure && <p className="whitespace-pre-wrap text-xs text-rose-200">{first.failure.message}</p>}
        </>
      ) : null}
      <p className="text-xs text-slate-400">
        The full list opens in the review phase and in the replay; Interview settings can show it during the session.
      </p>
    </div>
  );
}

/** What needs attention comes first; otherwise the tests keep their order in the file. */
function failuresFirst(tests: TestResult[]): TestResult[] {
  return [...tests].sort((a, b) => Number(a.status === 'passed') - Number(b.status === 'passed'));
}

export function ResultsPanel({ problem, unlockedStages }: { problem: Problem; unlockedStages: number }) {
  const result = useWorkspace((s) => s.lastResult);
  // Only a run that lasts shows as running; a fast one leaves the last results until its own come.
  const running = useWorkspace((s) => s.runningShown);
  const runCount = useWorkspace((s) => s.runCount);
  const clock = useWorkspace((s) => s.clock);
  const fullListSetting = useWorkspace((s) => s.settings.fullHiddenResults);
  const recording = useRecorder((s) => s.phase === 'recording');
  const onlyFirstFailure = result?.mode === 'submit' && hiddenResultsView({ recording, clock, fullListSetting }) === 'first-failure';
  const staged = problem.stages.length > 1;
  // A locked stage shows nothing but "locked": no titles, counts or failures that would give it away.
  const visibleTests = failuresFirst((result?.tests ?? []).filter((t) => !staged || (stageOfTest(t) ?? 1) <= unlockedStages));
  const lockedStages = staged ? problem.stages.length - unlockedStages : 0;
  const toProjectPath = (file: string) => projectPathOfRunFile(problem, file);
  const locate: LocateFailure = (failure) => (result ? failureLocation(failure, toProjectPath) : null);
  const split = useLocationSplitter();
  const loadErrorAt = result?.error ? locate(result.error) : null;
  const grouped = problem.format === 'codebase' && (problem.features?.length ?? 0) > 0;

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
          <Summary result={result} runCount={runCount} tests={visibleTests} lockedStages={lockedStages} />
          {staged && <StageSummaries problem={problem} tests={result.tests} unlockedStages={unlockedStages} />}
          {grouped && result.mode === 'submit' && <FeatureGroups problem={problem} tests={result.tests} />}
          {result.message && (
            <p className="mb-2 whitespace-pre-wrap text-sm text-amber-300" data-testid="run-message">
              <LinkedText text={result.message} split={split} />
            </p>
          )}
          {result.error && (
            <div className="mb-2 text-xs" data-testid="load-error">
              <p className="whitespace-pre-wrap text-rose-300">{result.error.message}</p>
              {loadErrorAt && <FailurePlace at={loadErrorAt} />}
            </div>
          )}
          {result.compileErrors.length > 0 && (
            <ul className="mb-2 space-y-1" aria-label="Compile errors">
              {result.compileErrors.map((d, i) => {
                const at = diagnosticLocation(d, toProjectPath);
                const place = `${at?.file ?? 'tests'}:${d.line}:${d.column}`;
                return (
                  <li key={i} className="font-mono text-xs text-rose-300">
                    {at ? <SourceLink at={at}>{place}</SourceLink> : place} — {d.message}
                  </li>
                );
              })}
            </ul>
          )}
          {onlyFirstFailure ? (
            <FirstFailure tests={(result?.tests ?? []).filter((t) => !staged || (stageOfTest(t) ?? 1) <= unlockedStages)} />
          ) : (
            <ul>
              {visibleTests.map((t, i) => (
                <TestItem key={i} test={t} locate={locate} />
              ))}
            </ul>
          )}
          {result.ownTests && <OwnTestsPanel own={result.ownTests} locate={locate} />}
        </>
      )}
    </section>
  );
}
