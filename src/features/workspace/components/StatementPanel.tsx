import { useMemo } from 'react';
import { splitStatementByStage, visibleStatement } from '../../../core/problems/stages';
import type { Problem } from '../../../core/problems/types';
import { Markdown } from '../../../shared/Markdown';
import { FollowUpList } from './FollowUpList';
import { PlanNotes } from './PlanNotes';

/** The statement; for a staged problem, only the stages unlocked so far. */
export function StatementPanel({ problem, unlockedStages }: { problem: Problem; unlockedStages: number }) {
  const staged = useMemo(() => splitStatementByStage(problem.statement, problem.stages.length), [problem]);
  const locked = problem.stages.slice(unlockedStages);
  return (
    <aside className="overflow-auto border-r border-slate-800 p-4" aria-label="Problem statement">
      <Markdown source={visibleStatement(staged, unlockedStages)} />
      {locked.length > 0 && (
        <p className="mt-4 rounded border border-dashed border-slate-700 p-3 text-sm text-slate-400" data-testid="locked-stage">
          Stage {unlockedStages + 1} — {locked[0]} unlocks when every hidden test of stage {unlockedStages} passes on Submit.
        </p>
      )}
      <div className="mt-6">
        <PlanNotes />
      </div>
      <div className="mt-6">
        <FollowUpList problem={problem} />
      </div>
    </aside>
  );
}
