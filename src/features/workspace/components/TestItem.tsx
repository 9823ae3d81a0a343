import type { SourceLocation } from '../../../core/files/locations';
import type { TestFailure, TestResult } from '../../../runner/types';
import { SourceLink } from './SourceLink';

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

/** Where a failure was thrown, in the run's files (runLocations.ts), not the language chosen since. */
export type LocateFailure = (failure: TestFailure) => SourceLocation | null;

/** "at chat/hub.ts line 12, column 5", the file and line a link that opens the file there. */
export function FailurePlace({ at }: { at: SourceLocation }) {
  return (
    <p className="text-slate-400">
      at{' '}
      <SourceLink at={at}>
        {at.file} line {at.line}
      </SourceLink>
      {at.column > 1 && `, column ${at.column}`}
    </p>
  );
}

/** One test's verdict, with its failure (message, expected/actual, where in the project) when it has one. */
export function TestItem({ test, locate }: { test: TestResult; locate: LocateFailure }) {
  const f = test.failure;
  const at = f ? locate(f) : null;
  return (
    <li data-status={test.status} data-full-title={[...test.path, test.title].join(' ')} className="border-b border-slate-800 py-1.5">
      <div className="flex gap-2">
        <span className={`w-16 shrink-0 text-xs font-semibold uppercase ${STATUS_STYLE[test.status]}`}>{STATUS_LABEL[test.status]}</span>
        <span className="text-sm">
          {test.path.length > 0 && <span className="text-slate-500">{test.path.join(' › ')} › </span>}
          {test.title}
        </span>
      </div>
      {f && (
        <div className="ml-[4.5rem] mt-1 space-y-1 text-xs">
          <p className="whitespace-pre-wrap text-rose-200">{f.message}</p>
          {(f.expected !== undefined || f.actual !== undefined) && (
            <dl className="grid grid-cols-[5rem_1fr] gap-x-2 font-mono" data-testid="expected-actual">
              <dt className="text-slate-400">Expected</dt>
              <dd className="whitespace-pre-wrap text-emerald-300" data-testid="expected">
                {f.expected}
              </dd>
              <dt className="text-slate-400">Actual</dt>
              <dd className="whitespace-pre-wrap text-rose-300" data-testid="actual">
                {f.actual}
              </dd>
            </dl>
          )}
          {at && <FailurePlace at={at} />}
        </div>
      )}
    </li>
  );
}
