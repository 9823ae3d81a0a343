/**
 * The progress page's numbers: one point per session, oldest first, with the metrics that show whether
 * practice is paying off (silence, first-Submit pass, runs, rubric totals), and a verdict per metric on
 * whether the latest session did better than the one before. Pure: takes the measured facts
 * (core/analysis/facts.ts) and the reviews, so the page only loads and draws.
 */
import type { SessionFacts } from '../analysis/types';
import { designWeightedTotal, selfReviewAverage, selfReviewTotal } from '../review/rubrics';
import type { ReviewRecord } from '../review/types';
import type { SessionRecord } from '../session/types';

export interface ProgressInput {
  session: SessionRecord;
  facts: SessionFacts;
  review: ReviewRecord | null | undefined;
}

export interface ProgressPoint {
  sessionId: string;
  problemId: string;
  protocolId: string;
  startedAt: number;
  /** Total silence in seconds; null when the session had no audio. */
  silenceS: number | null;
  /**
   * Silence per 10 minutes of recorded audio, in seconds: sessions of different length compare fairly
   * (the chart and the trend use this; the table shows both). Null without audio.
   */
  silencePer10MinS: number | null;
  /** Null when there was no Submit. */
  firstSubmitPassed: boolean | null;
  runs: number;
  submits: number;
  /** Runs and Submits in the coding phase(s); null when the protocol has none. */
  runsInCodePhase: number | null;
  /** Self-review total (of `selfReviewScored` × 10 points), when at least one item is scored. */
  selfReview: number | null;
  /** How many of the self-review items were scored (a partial total is not comparable to a full one). */
  selfReviewScored: number;
  /** Design evaluation in percent, once every part is graded. */
  designPercent: number | null;
}

/** A point's self-review on the chart's fixed scale: the average per item scored, out of 10 (null: none). */
export function selfReviewOnScale(point: Pick<ProgressPoint, 'selfReview' | 'selfReviewScored'>): number | null {
  return point.selfReview === null ? null : selfReviewAverage({ total: point.selfReview, scored: point.selfReviewScored });
}

export function progressPoint({ session, facts, review }: ProgressInput): ProgressPoint {
  const self = review ? selfReviewTotal(review.selfScores) : null;
  return {
    sessionId: session.id,
    problemId: session.problemId,
    protocolId: session.protocolId,
    startedAt: session.startedAt,
    silenceS: facts.talk ? Math.round(facts.talk.totalSilenceMs / 100) / 10 : null,
    silencePer10MinS: facts.talk ? Math.round((1 - facts.talk.talkingShare) * 6000) / 10 : null,
    firstSubmitPassed: facts.firstSubmitPassed,
    runs: facts.runs,
    submits: facts.submits,
    runsInCodePhase: facts.runsInCodePhase,
    selfReview: self?.total ?? null,
    selfReviewScored: self?.scored ?? 0,
    designPercent: review ? designWeightedTotal(review.design) : null,
  };
}

export interface ProgressFilter {
  /** 'all' or a problem id. */
  problemId: string;
  /** 'all' or a protocol id. */
  protocolId: string;
}

/** The points of the sessions that match the filter, oldest first (ties by id, so the order is stable). */
export function progressSeries(
  inputs: readonly ProgressInput[],
  filter: ProgressFilter = { problemId: 'all', protocolId: 'all' },
): ProgressPoint[] {
  return inputs
    .filter(
      ({ session }) =>
        (filter.problemId === 'all' || session.problemId === filter.problemId) &&
        (filter.protocolId === 'all' || session.protocolId === filter.protocolId),
    )
    .map(progressPoint)
    .sort((a, b) => a.startedAt - b.startedAt || a.sessionId.localeCompare(b.sessionId));
}

export type MetricId = 'silence' | 'firstSubmit' | 'runs' | 'selfReview' | 'design';

export type Trend = 'better' | 'worse' | 'same' | 'not-comparable';

/**
 * The number a metric is compared on, with higher always better, or null when this session cannot be
 * compared on it. Runs use the coding-phase count when the protocol has a coding phase (runs while
 * coding are the habit we want), else all Runs and Submits. The self-review is compared as the average
 * per scored item, so a half-scored review is not read as a drop.
 */
export function comparable(point: ProgressPoint, metric: MetricId): number | null {
  switch (metric) {
    case 'silence':
      return point.silencePer10MinS === null ? null : -point.silencePer10MinS;
    case 'firstSubmit':
      return point.firstSubmitPassed === null ? null : point.firstSubmitPassed ? 1 : 0;
    case 'runs':
      return point.runsInCodePhase ?? point.runs + point.submits;
    case 'selfReview':
      return selfReviewOnScale(point);
    case 'design':
      return point.designPercent;
  }
}

/**
 * Whether the latest point did better than the one before it, by `comparableOf` (higher is better, null
 * when the point has no value); a difference under `noise` is the same. Coding and design series share it.
 */
export function trendOfLatest<P>(points: readonly P[], comparableOf: (point: P) => number | null, noise: number): Trend {
  if (points.length < 2) return 'not-comparable';
  const latest = comparableOf(points[points.length - 1]!);
  const previous = comparableOf(points[points.length - 2]!);
  if (latest === null || previous === null) return 'not-comparable';
  if (Math.abs(latest - previous) < noise) return 'same';
  return latest > previous ? 'better' : 'worse';
}

/** Whether the latest point did better than the one before it, per metric. */
export function latestTrend(points: readonly ProgressPoint[], metric: MetricId): Trend {
  // Below a tenth (of a second, a run, a point) the difference is noise from rounding.
  return trendOfLatest(points, (p) => comparable(p, metric), 0.05);
}
