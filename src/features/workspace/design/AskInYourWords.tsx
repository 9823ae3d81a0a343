import { useState, type FormEvent } from 'react';
import { closestQuestions } from '../../../core/problems/closestQuestions';
import { TYPED_QUESTION_MAX } from '../../../core/session/types';
import { useWorkspace } from '../useWorkspace';

/**
 * The candidate asks in their own words first (the session logs the question); the app then offers the
 * listed clarifying questions closest to it, each to reveal. Nothing is revealed by asking alone.
 */
export function AskInYourWords({ questions, revealed }: { questions: readonly string[]; revealed: readonly string[] }) {
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<{ question: string; matches: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { askQuestion, revealClarification } = useWorkspace.getState();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const question = askQuestion(text);
    if (!question) {
      setError('Type a question first.');
      return;
    }
    setError(null);
    setAsked({ question, matches: closestQuestions(question, questions) });
    setText('');
  };

  return (
    <div className="mb-3 space-y-2">
      <form className="flex gap-2" onSubmit={submit} aria-label="Ask in your own words">
        <label className="sr-only" htmlFor="typed-question">
          Your question
        </label>
        <input
          id="typed-question"
          className="input min-w-0 flex-1"
          placeholder="Type your question, e.g. how much traffic?"
          maxLength={TYPED_QUESTION_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn">
          Ask
        </button>
      </form>
      {error && (
        <p role="alert" className="text-xs text-amber-300">
          {error}
        </p>
      )}
      {asked && (
        <div role="status" className="rounded border border-slate-800 p-2 text-sm" data-testid="typed-question-matches">
          <p className="text-slate-300">You asked: “{asked.question}”</p>
          {asked.matches.length === 0 ? (
            <p className="text-xs text-slate-400">No listed question is close to it: say the assumption you make out loud, and go on.</p>
          ) : (
            <>
              <p className="text-xs text-slate-400">The interviewer has answers to these listed questions:</p>
              <ul className="mt-1 space-y-1">
                {asked.matches.map((q) => (
                  <li key={q} className="flex flex-wrap items-center gap-2">
                    <span>{q}</span>
                    {revealed.includes(q) ? (
                      <span className="text-xs text-slate-400">(answer shown below)</span>
                    ) : (
                      <button
                        type="button"
                        className="btn py-0 text-xs"
                        aria-label={`Reveal the closest match: ${q}`}
                        onClick={() => revealClarification(q)}
                      >
                        Reveal
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
