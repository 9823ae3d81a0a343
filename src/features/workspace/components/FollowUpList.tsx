import type { Problem } from '../../../core/problems/types';
import { useWorkspace } from '../useWorkspace';

/**
 * The interviewer's follow-up questions; what a strong answer covers stays folded until asked for.
 * During a session they are hidden: the interviewer asks them one at a time near the end.
 */
export function FollowUpList({ problem }: { problem: Problem }) {
  const inSession = useWorkspace((s) => !!s.clock && s.clock.finishedAt === null);
  if (problem.followUps.length === 0) return null;
  if (inSession) {
    return (
      <p className="text-sm text-slate-400" data-testid="follow-ups-hidden">
        The interviewer will ask {problem.followUps.length} follow-up questions near the end of the session, one at a time.
      </p>
    );
  }
  return (
    <details>
      <summary className="cursor-pointer text-lg font-semibold">Follow-up questions</summary>
      <ol className="mt-2 list-decimal space-y-2 pl-5 text-sm">
        {problem.followUps.map((f) => (
          <li key={f.question}>
            <p>{f.question}</p>
            <details className="text-slate-400">
              <summary className="cursor-pointer text-xs">What a strong answer covers</summary>
              <ul className="list-disc pl-5">
                {f.points.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ol>
    </details>
  );
}
