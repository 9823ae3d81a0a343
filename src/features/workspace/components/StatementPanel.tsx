import { useMemo, type ReactNode } from 'react';
import { splitStatementByStage, visibleStatement } from '../../../core/problems/stages';
import type { Problem } from '../../../core/problems/types';
import { Markdown } from '../../../shared/Markdown';
import { AskInterviewer } from './AskInterviewer';
import { AttemptHistory } from './AttemptHistory';
import { FollowUpList } from './FollowUpList';
import { PlanNotes } from './PlanNotes';
import { useWorkspace } from '../useWorkspace';

/**
 * The statement (for a staged problem, only the stages unlocked so far), the interviewer's answers to
 * clarifying questions (when the problem has them), the follow-ups and the earlier attempts scroll on their own; the plan notes stay in view under them, so they are on screen from Start.
 */
export function StatementPanel({
  problem,
  unlockedStages,
  before,
}: {
  problem: Problem;
  unlockedStages: number;
  /** Shown above the statement (a codebase problem's features to choose before Start). */
  before?: ReactNode;
}) {
  const staged = useMemo(() => splitStatementByStage(problem.statement, problem.stages.length), [problem]);
  const locked = problem.stages.slice(unlockedStages);
  const guide = useWorkspace((s) => problem.code[s.language]?.guide ?? '');
  return (
    <aside className="grid min-h-0 grid-rows-[minmax(0,1fr)_auto] border-r border-slate-800" aria-label="Problem statement">
      <div className="min-h-0 overflow-auto p-4" data-testid="statement-scroll">
        {before}
        {guide && (
          <section
            className="mb-4 rounded border border-sky-900 bg-sky-950/40 p-3 text-sm"
            aria-label="In Python"
            data-testid="language-guide"
          >
            <Markdown source={guide} />
          </section>
        )}
        <Markdown source={visibleStatement(staged, unlockedStages)} />
        {locked.length > 0 && (
          <p className="mt-4 rounded border border-dashed border-slate-700 p-3 text-sm text-slate-400" data-testid="locked-stage">
            Stage {unlockedStages + 1} — {locked[0]} unlocks when every hidden test of stage {unlockedStages} passes on Submit.
          </p>
        )}
        {problem.clarifications.length > 0 && (
          <div className="mt-6">
            <AskInterviewer clarifications={problem.clarifications} />
          </div>
        )}
        <div className="mt-6">
          <FollowUpList problem={problem} />
        </div>
        <div className="mt-6">
          <AttemptHistory />
        </div>
      </div>
      <PlanNotes />
    </aside>
  );
}
