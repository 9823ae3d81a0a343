/** Every graded problem: its grade, why, and when it is due again. */
import { GRADE_LABEL } from '../../core/plan/grade';
import { describePastDay, type LocalDate } from '../../core/plan/localDate';
import { dueLabel, type ProblemSchedule } from '../../core/plan/due';
import { problemTitle } from '../../problems/catalog';

export function ReDoList({ schedules, today }: { schedules: ProblemSchedule[]; today: LocalDate }) {
  return (
    <section aria-labelledby="redos" className="mb-6">
      <h2 id="redos" className="mb-2 text-lg font-semibold">
        Spaced re-dos
      </h2>
      {schedules.length === 0 ? (
        <p className="text-slate-400">No session graded yet: each finished session sets when its problem is due again.</p>
      ) : (
        <ul className="grid gap-2 text-sm">
          {[...schedules]
            .sort((a, b) => (a.due < b.due ? -1 : 1))
            .map((s) => (
              <li
                key={s.problemId}
                className="rounded border border-slate-800 p-2"
                data-testid="redo"
                data-problem={s.problemId}
                data-due={s.due}
              >
                <p className="font-medium">
                  {problemTitle(s.problemId)}: <span data-testid="redo-grade">{GRADE_LABEL[s.grade]}</span> ·{' '}
                  <span data-testid="redo-due">{dueLabel(s, today)}</span>
                </p>
                <p className="text-slate-400">
                  Last attempt {describePastDay(s.last.day, today)}: {s.last.summary}.
                </p>
                <details>
                  <summary className="cursor-pointer text-slate-300">Why this grade</summary>
                  <ul className="list-disc pl-5 text-slate-300" data-testid="redo-reasons">
                    {s.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
