import type { ReferenceAnswer } from '../../core/problems/parseDesign';
import { Markdown } from '../../shared/Markdown';

/** What a strong answer to the design problem contains: the reference to compare the session with. */
export function StrongAnswerPanel({ answer }: { answer: ReferenceAnswer }) {
  return (
    <section role="region" aria-label="What a strong answer contains" className="h-full space-y-2 overflow-auto p-3">
      {answer.sections.map((s) => (
        <div key={s.heading} className="text-sm">
          <h3 className="font-semibold">{s.heading}</h3>
          <Markdown source={s.body} />
        </div>
      ))}
      {answer.fills.length > 0 && (
        <p className="text-xs text-slate-400">Assumed in the estimates: {answer.fills.map((f) => `${f.input} = ${f.value}`).join('; ')}</p>
      )}
    </section>
  );
}
