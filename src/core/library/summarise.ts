/**
 * One line of the sessions library: what a session was, how long it ran, how its Submits went and how
 * it was scored, derived from the session record, its event log and its review. Pure: the library page
 * loads the rows, this decides what they say.
 */
import { allHiddenPassed, sessionDuration } from '../analysis/facts';
import { designWeightedTotal, selfReviewTotal } from '../review/rubrics';
import type { ReviewRecord } from '../review/types';
import type { RunEvent, SessionEvent, SessionRecord, SessionStatus } from '../session/types';

/** How the session's Submits went. */
export type SubmitResult =
  | { kind: 'no-submit' }
  /** Every hidden test passed, first at Submit number `submit` (1-based) of `submits`. */
  | { kind: 'passed'; passed: number; total: number; submit: number; submits: number }
  /** No Submit passed everything; `passed`/`total` is the best one. */
  | { kind: 'failed'; passed: number; total: number; submits: number };

export interface SessionSummary {
  id: string;
  problemId: string;
  startedAt: number;
  /** Start to end; for an unfinished session, start to its last logged event. */
  durationMs: number;
  status: SessionStatus;
  result: SubmitResult;
  /** Self-review total, when at least one item is scored. */
  selfReview: { total: number; scored: number; max: number } | null;
  /** Design evaluation in percent, once every part is graded. */
  designPercent: number | null;
}

const isSubmit = (e: SessionEvent): e is RunEvent => e.type === 'run' && e.mode === 'submit';

/** The outcome of a session's Submits, in log order. */
export function submitResult(events: readonly SessionEvent[]): SubmitResult {
  const submits = events.filter(isSubmit);
  if (submits.length === 0) return { kind: 'no-submit' };
  // The same test as the measured facts (submitsUntilAllPass), so the library and the review agree.
  const firstPass = submits.findIndex(allHiddenPassed);
  if (firstPass >= 0) {
    const s = submits[firstPass]!;
    return { kind: 'passed', passed: s.passed, total: s.total, submit: firstPass + 1, submits: submits.length };
  }
  // The best attempt says more than the last one (a last-minute experiment may have broken everything).
  const best = submits.reduce((a, b) => (share(b) > share(a) ? b : a));
  return { kind: 'failed', passed: best.passed, total: best.total, submits: submits.length };
}

function share(run: { passed: number; total: number }): number {
  return run.total > 0 ? run.passed / run.total : 0;
}

export function summariseSession(
  session: SessionRecord,
  events: readonly SessionEvent[],
  review: ReviewRecord | null | undefined,
): SessionSummary {
  return {
    id: session.id,
    problemId: session.problemId,
    startedAt: session.startedAt,
    durationMs: sessionDuration(session, events),
    status: session.status,
    result: submitResult(events),
    selfReview: review ? selfReviewTotal(review.selfScores) : null,
    designPercent: review ? designWeightedTotal(review.design) : null,
  };
}

/** The result in words: "15/15 on submit 2", "12/15 best of 3 submits", "no submit". */
export function describeResult(result: SubmitResult): string {
  switch (result.kind) {
    case 'no-submit':
      return 'no submit';
    case 'passed':
      return `${result.passed}/${result.total} on submit ${result.submit}`;
    case 'failed':
      return result.submits === 1
        ? `${result.passed}/${result.total} on the only submit`
        : `${result.passed}/${result.total}, best of ${result.submits} submits`;
  }
}

/**
 * A number that orders results from best to worst (higher is better): every passing session beats every
 * failing one, an earlier passing Submit beats a later one, a failing session with more tests passed beats
 * one with fewer, and a session with no Submit comes last.
 */
export function resultRank(result: SubmitResult): number {
  switch (result.kind) {
    case 'passed':
      return 2 + 1 / result.submit;
    case 'failed':
      return 1 + share(result) * 0.999;
    case 'no-submit':
      return 0;
  }
}
