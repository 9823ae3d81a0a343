import { describe, expect, it } from 'vitest';
import type { SessionFacts } from '../analysis/types';
import { emptyReview } from '../review/rubrics';
import type { ReviewRecord } from '../review/types';
import type { SessionRecord } from '../session/types';
import { comparable, latestTrend, progressPoint, progressSeries, type ProgressInput, type ProgressPoint } from './series';
import { sessionFacts, sessionRecord } from '../testing/fixtures';

function session(id: string, startedAt: number, over: Partial<SessionRecord> = {}): SessionRecord {
  return sessionRecord({ id, startedAt, endedAt: startedAt + 60_000, audioOffReason: 'no-device', ...over });
}

function facts(over: Partial<SessionFacts> = {}): SessionFacts {
  return sessionFacts({ durationMs: 60_000, runsInCodePhase: null, ...over });
}

const talk = (totalSilenceMs: number) => ({ totalSilenceMs, longestSilenceMs: totalSilenceMs, silencesOver30s: 0, talkingShare: 0.9 });

function reviewWith(
  sessionId: string,
  scores: Partial<Record<'talked' | 'explained' | 'tested' | 'caught-bugs' | 'edge-cases' | 'calm', number>>,
  design?: ('excellent' | 'good' | 'needsWork' | null)[],
): ReviewRecord {
  const review = emptyReview(sessionId, design ? design.map((_, i) => ({ part: `Part ${i + 1}`, weight: 25 })) : null, 0);
  for (const [id, score] of Object.entries(scores)) review.selfScores[id as keyof typeof review.selfScores].score = score;
  if (design) review.design = review.design!.map((g, i) => ({ ...g, level: design[i] ?? null }));
  return review;
}

describe('progressPoint', () => {
  it('takes silence in seconds (one decimal), the Submit verdict, runs and the rubric totals', () => {
    const p = progressPoint({
      session: session('a', 1),
      facts: facts({ talk: talk(12_345), firstSubmitPassed: true, runs: 4, submits: 2, runsInCodePhase: 5 }),
      review: reviewWith('a', { talked: 8, calm: 6 }, ['excellent', 'good', 'good', 'needsWork']),
    });
    expect(p).toMatchObject({
      silenceS: 12.3,
      firstSubmitPassed: true,
      runs: 4,
      submits: 2,
      runsInCodePhase: 5,
      selfReview: 14,
      selfReviewScored: 2,
    });
    expect(p.designPercent).toBeCloseTo(66.7, 1);
  });

  it('leaves unmeasurable figures null: no audio, no Submit, no review, a design not fully graded', () => {
    const p = progressPoint({ session: session('a', 1), facts: facts(), review: null });
    expect(p).toMatchObject({ silenceS: null, firstSubmitPassed: null, selfReview: null, selfReviewScored: 0, designPercent: null });
    const partial = progressPoint({
      session: session('a', 1),
      facts: facts(),
      review: reviewWith('a', {}, ['good', null, 'good', 'good']),
    });
    expect(partial.designPercent).toBeNull();
  });
});

describe('progressSeries', () => {
  const inputs: ProgressInput[] = [
    { session: session('late', 300, { problemId: 'lru-ttl' }), facts: facts(), review: null },
    { session: session('early', 100), facts: facts(), review: null },
    { session: session('mid', 200, { protocolId: 'backend-60' }), facts: facts(), review: null },
  ];

  it('orders the sessions oldest first', () => {
    expect(progressSeries(inputs).map((p) => p.sessionId)).toEqual(['early', 'mid', 'late']);
  });

  it('filters by problem and by protocol', () => {
    expect(progressSeries(inputs, { problemId: 'token-bucket', protocolId: 'all' }).map((p) => p.sessionId)).toEqual(['early', 'mid']);
    expect(progressSeries(inputs, { problemId: 'all', protocolId: 'coding-45' }).map((p) => p.sessionId)).toEqual(['early', 'late']);
    expect(progressSeries(inputs, { problemId: 'token-bucket', protocolId: 'coding-45' }).map((p) => p.sessionId)).toEqual(['early']);
  });
});

describe('latestTrend', () => {
  const point = (over: Partial<ProgressPoint>): ProgressPoint => ({
    ...progressPoint({ session: session('x', 0), facts: facts(), review: null }),
    ...over,
  });

  it('calls less silence, a passed first Submit, more runs and higher scores better', () => {
    expect(latestTrend([point({ silencePer10MinS: 40 }), point({ silencePer10MinS: 12.5 })], 'silence')).toBe('better');
    expect(latestTrend([point({ silencePer10MinS: 10 }), point({ silencePer10MinS: 12.5 })], 'silence')).toBe('worse');
    expect(latestTrend([point({ firstSubmitPassed: false }), point({ firstSubmitPassed: true })], 'firstSubmit')).toBe('better');
    expect(latestTrend([point({ firstSubmitPassed: true }), point({ firstSubmitPassed: true })], 'firstSubmit')).toBe('same');
    expect(latestTrend([point({ runsInCodePhase: 2 }), point({ runsInCodePhase: 6 })], 'runs')).toBe('better');
    expect(latestTrend([point({ designPercent: 75 }), point({ designPercent: 66.7 })], 'design')).toBe('worse');
  });

  it('compares only the last two sessions', () => {
    expect(latestTrend([point({ silencePer10MinS: 1 }), point({ silencePer10MinS: 50 }), point({ silencePer10MinS: 30 })], 'silence')).toBe(
      'better',
    );
  });

  it('counts all Runs and Submits when the protocol has no coding phase', () => {
    expect(comparable(point({ runsInCodePhase: null, runs: 3, submits: 2 }), 'runs')).toBe(5);
    expect(comparable(point({ runsInCodePhase: 1, runs: 3, submits: 2 }), 'runs')).toBe(1);
  });

  it('compares a partly scored self-review by its average per item', () => {
    // 24 over 3 items (8 each) beats 42 over 6 items (7 each), though its total is lower.
    expect(
      latestTrend([point({ selfReview: 42, selfReviewScored: 6 }), point({ selfReview: 24, selfReviewScored: 3 })], 'selfReview'),
    ).toBe('better');
  });

  it('cannot compare with fewer than two sessions or a figure missing on either side', () => {
    expect(latestTrend([point({ silencePer10MinS: 3 })], 'silence')).toBe('not-comparable');
    expect(latestTrend([point({ silencePer10MinS: null }), point({ silencePer10MinS: 3 })], 'silence')).toBe('not-comparable');
    expect(latestTrend([point({ firstSubmitPassed: true }), point({ firstSubmitPassed: null })], 'firstSubmit')).toBe('not-comparable');
    expect(latestTrend([point({}), point({})], 'design')).toBe('not-comparable');
  });
});
