import { useCallback, useEffect, useMemo, useState } from 'react';
import { computeFacts, readinessChecklist } from '../../core/analysis/facts';
import { featureFacts } from '../../core/analysis/features';
import { formatClock } from '../../core/timer/phaseClock';
import { DEFAULT_SILENCE_PAUSE_MS } from '../../core/analysis/readiness';
import type { RubricLevel } from '../../core/problems/parseDesign';
import type { Problem } from '../../core/problems/types';
import { withDesignGrade, withLearning, withSelfScore } from '../../core/review/editReview';
import type { Learnings, SelfReviewItemId, SelfScore } from '../../core/review/types';
import type { SessionEvent, SessionRecord } from '../../core/session/types';
import { AskedFollowUps } from '../interview';
import { DesignEvaluation } from './DesignEvaluation';
import { DesignFactsTable } from './DesignFactsTable';
import { isDesignSession } from '../../core/analysis/designFacts';
import { FactsTable } from './FactsTable';
import { LearningsForm } from './LearningsForm';
import { ReadinessChecklist } from './ReadinessChecklist';
import { SaveStatusLine } from './SaveStatusLine';
import { SelfReviewForm } from './SelfReviewForm';
import { useReviewAutosave } from './useReviewAutosave';

/**
 * The review beside the replay: what the recording measured (facts and the readiness checklist), the
 * candidate's own scores (self-review; the four-part evaluation for a design problem), the follow-ups
 * asked, and learnings. Everything typed is saved to IndexedDB as it is typed.
 */
export function ReviewPanel({
  session,
  problem,
  events,
  onSeek,
  comparedAt = null,
}: {
  session: SessionRecord;
  problem: Problem | null;
  events: SessionEvent[];
  /** Moves the replay's play head (a follow-up's time becomes a button that jumps to its answer). */
  onSeek?: (t: number) => void;
  /** Set when the candidate opens the comparison with the reference on this page. */
  comparedAt?: number | null;
}) {
  const facts = useMemo(() => computeFacts({ session, events }), [session, events]);
  const features = useMemo(() => featureFacts(session, events, problem?.features ?? []), [session, events, problem]);
  const design = isDesignSession(problem?.kind, events);
  const [silencePauseMs, setSilencePauseMs] = useState(DEFAULT_SILENCE_PAUSE_MS);
  const readiness = useMemo(() => readinessChecklist(facts, { silencePauseMs }), [facts, silencePauseMs]);
  const rubric = problem?.design?.rubric ?? null;
  const { review, status, update, retryLoad } = useReviewAutosave(session.id, rubric);

  const setScore = useCallback(
    (item: SelfReviewItemId, patch: Partial<SelfScore>) => update((r) => withSelfScore(r, item, patch)),
    [update],
  );
  const setGrade = useCallback(
    (part: string, patch: { level?: RubricLevel | null; note?: string }) => update((r) => withDesignGrade(r, part, patch)),
    [update],
  );
  const loaded = review !== null;
  useEffect(() => {
    if (comparedAt !== null && loaded) update((r) => (r.comparedAt === null ? { ...r, comparedAt } : r));
  }, [comparedAt, loaded, update]);
  const setLearning = useCallback((field: keyof Learnings, value: string) => update((r) => withLearning(r, field, value)), [update]);

  return (
    <aside aria-label="Review" className="space-y-6 p-4">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">Review</h2>
        <SaveStatusLine status={status} />
      </div>
      {design ? (
        <DesignFactsTable session={session} events={events} />
      ) : (
        <>
          <FactsTable facts={facts} features={features} />
          <ReadinessChecklist items={readiness} />
          <label className="flex items-center gap-2 text-xs text-slate-300">
            Silence counts from pauses of
            <select className="input py-0 text-xs" value={silencePauseMs} onChange={(e) => setSilencePauseMs(Number(e.target.value))}>
              {[1500, 3000, 5000, 10_000].map((ms) => (
                <option key={ms} value={ms}>
                  {ms / 1000} s
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {problem && <AskedFollowUps problem={problem} events={events} onSeek={onSeek} />}
      {status.kind === 'load-failed' ? (
        <button type="button" className="btn" onClick={retryLoad}>
          Try loading the review again
        </button>
      ) : review ? (
        <>
          {/* The coding self-review's facts (runs, Submits) say nothing about a design session: its rubric below is its self-review. */}
          {!design && <SelfReviewForm facts={facts} scores={review.selfScores} onChange={setScore} />}
          {rubric && review.design && <DesignEvaluation rubric={rubric} grades={review.design} onChange={setGrade} />}
          {problem?.kind === 'coding' && <ComparedLine comparedAt={review.comparedAt} openedInSessionAt={facts.referenceOpenedAt} />}
          <LearningsForm learnings={review.learnings} onChange={setLearning} />
        </>
      ) : null}
    </aside>
  );
}

/** The protocol's second step after a session: compare your code with the reference. */
function ComparedLine({ comparedAt, openedInSessionAt }: { comparedAt: number | null; openedInSessionAt: number | null }) {
  return (
    <p className="text-sm text-slate-300" data-testid="compared-with-reference">
      {openedInSessionAt !== null && `The reference was opened during the session, at ${formatClock(openedInSessionAt)}. `}
      {comparedAt === null && openedInSessionAt !== null
        ? ''
        : comparedAt === null
          ? 'Not compared with the reference yet: open “Compare with the reference” above and note what it does differently.'
          : `Compared with the reference on ${new Date(comparedAt).toLocaleString()}.`}
    </p>
  );
}
