import type { ReferenceAnswer } from '../core/problems/parseDesign';
import { Markdown } from './Markdown';

/** A design problem's strong answer, section by section, with the inputs its estimates assume. */
export function ReferenceAnswerSections({ answer }: { answer: ReferenceAnswer }) {
  return (
    <>
      {answer.sections.map((s) => (
        <div key={s.heading} className="text-sm">
          <h3 className="font-semibold">{s.heading}</h3>
          <Markdown source={s.body} />
        </div>
      ))}
      {answer.fills.length > 0 && (
        <p className="text-xs text-slate-400">Assumed in the estimates: {answer.fills.map((f) => `${f.input} = ${f.value}`).join('; ')}</p>
      )}
    </>
  );
}
