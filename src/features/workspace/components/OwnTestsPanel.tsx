import type { OwnTestsResult } from '../../../runner/types';
import { TestItem, type LocateFailure } from './TestItem';

/**
 * The candidate's own tests from their solution file, shown apart from the problem's tests: they run after
 * them, in a group of their own, and never count towards the verdict.
 */
export function OwnTestsPanel({ own, locate }: { own: OwnTestsResult; locate: LocateFailure }) {
  if (own.total === 0 && !own.message) return null;
  const allPassed = own.total > 0 && own.passed === own.total;
  return (
    <section aria-label="Your tests" className="mt-3 border-t border-slate-700 pt-2" data-testid="own-tests">
      <h3 className="mb-1 text-sm">
        <span className="font-semibold">Your tests:</span>{' '}
        <span className={allPassed ? 'text-emerald-400' : 'text-rose-400'} data-testid="own-tests-summary">
          {own.passed}/{own.total} passed
        </span>
        <span className="text-slate-500"> · not part of the verdict</span>
      </h3>
      {own.message && <p className="mb-1 whitespace-pre-wrap text-sm text-amber-300">{own.message}</p>}
      <ul>
        {own.tests.map((t, i) => (
          <TestItem key={i} test={t} locate={locate} />
        ))}
      </ul>
    </section>
  );
}
