import type { Problem } from '../../../core/problems/types';
import { Markdown } from '../../../shared/Markdown';
import { AskInterviewer } from '../components/AskInterviewer';
import { AttemptHistory } from '../components/AttemptHistory';
import { FollowUpList } from '../components/FollowUpList';
import { AskInYourWords } from './AskInYourWords';
import { FillInputs } from './FillInputs';
import { StrongAnswer } from './StrongAnswer';

/** The statement up to its first `## ` section (the interviewer's prompt), and the sections from there on. */
function splitAtScope(statement: string): { prompt: string; scope: string } {
  const at = statement.search(/^## /m);
  return at <= 0 ? { prompt: statement, scope: '' } : { prompt: statement.slice(0, at), scope: statement.slice(at) };
}

/**
 * The left column of a design problem: the prompt, the clarifying questions whose sample answers the
 * interviewer reveals on request (each reveal is logged with its time), follow-ups, the earlier attempts
 * and the rubric.
 */
export function DesignPanel({ problem }: { problem: Problem }) {
  const design = problem.design!;
  const { prompt, scope } = splitAtScope(problem.statement);
  return (
    <aside className="space-y-5 overflow-auto border-r border-slate-800 p-4" aria-label="Problem statement">
      {/* The prompt, then the questions: asking comes first, so it is on screen without scrolling; the scope after. */}
      <Markdown source={prompt} />
      <AskInterviewer
        clarifications={problem.clarifications}
        afterAnswer={(c) => <FillInputs fills={c.fills} />}
        intro={(revealed) => <AskInYourWords questions={problem.clarifications.map((c) => c.question)} revealed={revealed} />}
      />
      {scope && <Markdown source={scope} />}
      <FollowUpList problem={problem} />
      <StrongAnswer answer={design.referenceAnswer} />
      {/* Earlier attempts, each with its board, scratchpad and sessions. */}
      <AttemptHistory />
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
