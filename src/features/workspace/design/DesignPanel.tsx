import type { Problem } from '../../../core/problems/types';
import { Markdown } from '../../../shared/Markdown';
import { AskInterviewer } from '../components/AskInterviewer';
import { FollowUpList } from '../components/FollowUpList';
import { FillInputs } from './FillInputs';
import { StrongAnswer } from './StrongAnswer';

/**
 * The left column of a design problem: the prompt, the clarifying questions whose sample answers the
 * interviewer reveals on request (each reveal is logged with its time), follow-ups and the rubric.
 */
export function DesignPanel({ problem }: { problem: Problem }) {
  const design = problem.design!;
  return (
    <aside className="space-y-5 overflow-auto border-r border-slate-800 p-4" aria-label="Problem statement">
      <Markdown source={problem.statement} />
      <AskInterviewer clarifications={problem.clarifications} afterAnswer={(c) => <FillInputs fills={c.fills} />} />
      <FollowUpList problem={problem} />
      <StrongAnswer answer={design.referenceAnswer} />
      <details>
        <summary className="cursor-pointer text-lg font-semibold">Evaluation rubric</summary>
        {design.rubric.map((part) => (
          <div key={part.part} className="mt-2 text-sm">
            <h3 className="font-semibold">
              {part.part} ({part.weight}%)
            </h3>
            <dl className="grid grid-cols-[6rem_1fr] gap-x-2 gap-y-1">
              <dt className="text-emerald-400">Excellent</dt>
              <dd>
                <Markdown source={part.levels.excellent} />
              </dd>
              <dt className="text-sky-400">Good</dt>
              <dd>
                <Markdown source={part.levels.good} />
              </dd>
              <dt className="text-amber-400">Needs work</dt>
              <dd>
                <Markdown source={part.levels.needsWork} />
              </dd>
            </dl>
          </div>
        ))}
      </details>
    </aside>
  );
}
