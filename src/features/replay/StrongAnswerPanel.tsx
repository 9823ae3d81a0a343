import type { ReferenceAnswer } from '../../core/problems/parseDesign';
import { ReferenceAnswerSections } from '../../shared/ReferenceAnswerSections';

/** What a strong answer to the design problem contains: the reference to compare the session with. */
export function StrongAnswerPanel({ answer }: { answer: ReferenceAnswer }) {
  return (
    <section role="region" aria-label="What a strong answer contains" className="h-full space-y-2 overflow-auto p-3">
      <ReferenceAnswerSections answer={answer} />
    </section>
  );
}
