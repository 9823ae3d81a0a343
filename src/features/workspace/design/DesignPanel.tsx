import type { Problem } from '../../../core/problems/types';
import { Markdown } from '../../../shared/Markdown';
import { useWorkspace } from '../useWorkspace';
import { AttemptHistory } from '../components/AttemptHistory';
import { FollowUpList } from '../components/FollowUpList';
import { AskInYourWords } from './AskInYourWords';
import { FillInputs } from './FillInputs';
import { StrongAnswer } from './StrongAnswer';

/**
 * The left column of a design problem: the prompt, the clarifying questions whose sample answers the
 * interviewer reveals on request (each reveal is logged with its time), follow-ups, the earlier attempts
 * and the rubric.
 */
// A stable empty list: a selector that returns a fresh [] on every call makes zustand re-render forever.
const NONE_REVEALED: readonly { question: string; at: number }[] = [];

/** The statement up to its first `## ` section (the interviewer's prompt), and the sections from there on. */
function splitAtScope(statement: string): { prompt: string; scope: string } {
  const at = statement.search(/^## /m);
  return at <= 0 ? { prompt: statement, scope: '' } : { prompt: statement.slice(0, at), scope: statement.slice(at) };
}

export function DesignPanel({ problem }: { problem: Problem }) {
  const revealed = useWorkspace((s) => s.practice?.revealed ?? NONE_REVEALED);
  const { revealClarification } = useWorkspace.getState();
  const design = problem.design!;
  const { prompt, scope } = splitAtScope(problem.statement);
  return (
    <aside className="space-y-5 overflow-auto border-r border-slate-800 p-4" aria-label="Problem statement">
      {/* The prompt, then the questions: asking comes first, so it is on screen without scrolling; the scope after. */}
      <Markdown source={prompt} />
      <section aria-label="Ask the interviewer">
        <h2 className="mb-1 text-lg font-semibold">Ask the interviewer</h2>
        <p className="mb-2 text-xs text-slate-400">
          Ask out loud first (type it too, in your own words), then reveal the interviewer's answer.
        </p>
        <AskInYourWords questions={design.clarifications.map((c) => c.question)} revealed={revealed.map((r) => r.question)} />
        <ul className="space-y-2">
          {design.clarifications.map((c) => {
            const shown = revealed.some((r) => r.question === c.question);
            return (
              <li key={c.question} className="rounded border border-slate-800 p-2 text-sm">
                <p className="font-medium">{c.question}</p>
                {shown ? (
                  <>
                    <Markdown source={c.answer} className="mt-1 text-slate-300" />
                    <FillInputs fills={c.fills} />
                  </>
                ) : (
                  <button
                    type="button"
                    className="btn mt-1"
                    onClick={() => revealClarification(c.question)}
                    aria-label={`Reveal the answer to: ${c.question}`}
                  >
                    Reveal answer
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
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
