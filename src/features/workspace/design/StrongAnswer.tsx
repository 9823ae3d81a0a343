import type { ReferenceAnswer } from '../../../core/problems/parseDesign';
import { ReferenceAnswerSections } from '../../../shared/ReferenceAnswerSections';
import { useWorkspace } from '../useWorkspace';

/**
 * What a strong answer contains, as the reference to compare against: shown only once the session's
 * clock has finished (the review), never while the candidate is still designing.
 */
export function StrongAnswer({ answer }: { answer: ReferenceAnswer }) {
  const finished = useWorkspace((s) => s.clock?.finishedAt != null);
  if (!finished) return null;
  return <ReferenceAnswerView answer={answer} />;
}

export function ReferenceAnswerView({ answer }: { answer: ReferenceAnswer }) {
  return (
    <section aria-label="What a strong answer contains" className="space-y-2">
      <h2 className="text-lg font-semibold">What a strong answer contains</h2>
      <ReferenceAnswerSections answer={answer} />
    </section>
  );
}
