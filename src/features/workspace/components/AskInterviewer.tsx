import type { ReactNode } from 'react';
import type { Clarification } from '../../../core/problems/clarifications';
import { Markdown } from '../../../shared/Markdown';
import { useWorkspace } from '../useWorkspace';

// A stable empty list: a selector that returns a fresh [] on every call makes zustand re-render forever.
const NONE_REVEALED: readonly { question: string; at: number }[] = [];

/**
 * The clarifying questions of a problem (design or coding), each answer hidden until the candidate asks
 * for it. Revealing is the engine's (it keeps the answer shown for the attempt and logs the question
 * during a session); New attempt hides them all again.
 */
export function AskInterviewer({
  clarifications,
  afterAnswer,
}: {
  clarifications: readonly Clarification[];
  /** Shown under a revealed answer (a design problem's offer to fill its scratchpad inputs). */
  afterAnswer?: (c: Clarification) => ReactNode;
}) {
  const revealed = useWorkspace((s) => s.practice?.revealed ?? NONE_REVEALED);
  if (clarifications.length === 0) return null;
  const { revealClarification } = useWorkspace.getState();
  return (
    <section aria-label="Ask the interviewer">
      <h2 className="mb-1 text-lg font-semibold">Ask the interviewer</h2>
      <p className="mb-2 text-xs text-slate-400">Ask out loud first, then reveal the interviewer's answer.</p>
      <ul className="space-y-2">
        {clarifications.map((c) => {
          const shown = revealed.some((r) => r.question === c.question);
          return (
            <li key={c.question} className="rounded border border-slate-800 p-2 text-sm" data-testid="clarification">
              <p className="font-medium">{c.question}</p>
              {shown ? (
                <>
                  <Markdown source={c.answer} className="mt-1 text-slate-300" />
                  {afterAnswer?.(c)}
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
  );
}
