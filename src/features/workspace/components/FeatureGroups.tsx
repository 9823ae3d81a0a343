/**
 * A codebase problem's Submit, read as its statement is: "Requirement 1: 12/12 · Typing indicator: 5/5 ·
 * Read receipts: 0/6 (not started)", the features chosen at Start marked (core/problems/featureGroups.ts).
 */
import { useMemo } from 'react';
import { groupLabel, summariseFeatureGroups } from '../../../core/problems/featureGroups';
import type { Problem } from '../../../core/problems/types';
import type { TestResult } from '../../../runner/types';
import { useWorkspace } from '../useWorkspace';

const NONE: readonly string[] = [];

export function FeatureGroups({ problem, tests }: { problem: Problem; tests: readonly TestResult[] }) {
  const chosen = useWorkspace((s) => s.practice?.features ?? NONE);
  const groups = useMemo(() => summariseFeatureGroups(tests, problem.features ?? [], chosen), [tests, problem, chosen]);
  if (groups.length === 0) return null;
  return (
    <ul aria-label="Requirements and features" className="mb-2 flex flex-wrap gap-x-1 text-sm" data-testid="feature-groups">
      {groups.map((g, i) => {
        const done = g.total > 0 && g.passed === g.total;
        const style = g.notStarted ? 'text-slate-500' : done ? 'text-emerald-400' : 'text-rose-400';
        return (
          <li key={g.title} className={style}>
            {i > 0 && (
              <span aria-hidden="true" className="text-slate-600">
                ·{' '}
              </span>
            )}
            {g.chosen && (
              <span className="text-sky-300" title="Chosen at Start">
                <span aria-hidden="true">★ </span>
                <span className="sr-only">chosen: </span>
              </span>
            )}
            {groupLabel(g)}
          </li>
        );
      })}
    </ul>
  );
}
