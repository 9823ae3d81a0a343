import { describe, expect, it } from 'vitest';
import type { ProgressPoint } from '../../core/progress/series';
import { buildChartSpecs } from './chartSpecs';

const point = (over: Partial<ProgressPoint>): ProgressPoint => ({
  sessionId: 's',
  problemId: 'token-bucket',
  protocolId: 'coding-45',
  startedAt: Date.UTC(2026, 10, 20, 12),
  silenceS: null,
  silencePer10MinS: null,
  firstSubmitPassed: null,
  runs: 0,
  submits: 0,
  runsInCodePhase: null,
  selfReview: null,
  selfReviewScored: 0,
  designPercent: null,
  ...over,
});

describe('buildChartSpecs', () => {
  const specs = buildChartSpecs([
    point({ sessionId: 'a', firstSubmitPassed: false, runs: 2, submits: 1, runsInCodePhase: 3 }),
    point({
      sessionId: 'b',
      startedAt: Date.UTC(2026, 10, 21, 12),
      firstSubmitPassed: true,
      runs: 4,
      submits: 1,
      runsInCodePhase: 2,
      selfReview: 40,
      selfReviewScored: 6,
    }),
  ]);
  const byMetric = Object.fromEntries(specs.map((s) => [s.metric, s]));

  it('has one chart per metric, each with one x label per session', () => {
    expect(specs.map((s) => s.metric)).toEqual(['silence', 'firstSubmit', 'runs', 'selfReview', 'design']);
    for (const s of specs) expect(s.xLabels).toHaveLength(2);
  });

  it('labels two sessions of the same day apart (the time is in the label)', () => {
    const sameDay = buildChartSpecs([point({ startedAt: Date.UTC(2026, 10, 20, 9) }), point({ startedAt: Date.UTC(2026, 10, 20, 15) })]);
    expect(sameDay[0]!.xLabels[0]).not.toBe(sameDay[0]!.xLabels[1]);
  });

  it('charts silence as a rate per 10 minutes, so sessions of different length compare', () => {
    const rates = buildChartSpecs([point({ silenceS: 120, silencePer10MinS: 20 }), point({ silenceS: 30, silencePer10MinS: 30 })]);
    expect(rates[0]).toMatchObject({ title: 'Silence per 10 minutes', trend: 'worse' });
    expect(rates[0]!.series[0]!.values).toEqual([20, 30]);
  });

  it('plots the first Submit as 0/1 points with word ticks, a failed one in red', () => {
    expect(byMetric.firstSubmit!.series[0]).toMatchObject({ label: 'Passed', values: [null, 1], pointsOnly: true, color: '#34d399' });
    expect(byMetric.firstSubmit!.series[1]).toMatchObject({ label: 'Failed', values: [0, null], pointsOnly: true, color: '#f43f5e' });
    expect(byMetric.firstSubmit!.yTicks?.map((t) => t.label)).toEqual(['failed', 'passed']);
    expect(byMetric.firstSubmit!.trend).toBe('better');
  });

  it('plots all runs and the coding-phase runs; the trend follows the coding-phase count', () => {
    expect(byMetric.runs!.series.map((s) => s.values)).toEqual([
      [3, 5],
      [3, 2],
    ]);
    expect(byMetric.runs!.trend).toBe('worse');
  });

  it('explains an empty chart instead of drawing nothing', () => {
    expect(byMetric.silence!.emptyReason).toMatch(/audio/);
    expect(byMetric.design!.emptyReason).toMatch(/design/);
    expect(byMetric.selfReview!.emptyReason).toBeNull();
    expect(byMetric.selfReview!.series[0]!.values).toEqual([null, 40 / 6]);
  });

  it('draws the self-review as the average per item scored, on a scale of 10, and says so with the total', () => {
    const partial = buildChartSpecs([point({ selfReview: 21, selfReviewScored: 3 }), point({ selfReview: 48, selfReviewScored: 6 })]);
    const self = partial.find((s) => s.metric === 'selfReview')!;
    expect(self.series[0]!.values).toEqual([7, 8]);
    expect(self.yRange).toEqual([0, 10]);
    expect(self.unit).toBe('average per item, of 10');
    expect(self.note).toBe('Each point is the average of the items scored, out of 10: the latest, 48 of 60, is drawn at 8.0.');
    const first = buildChartSpecs([point({ selfReview: 21, selfReviewScored: 3 }), point({})]).find((s) => s.metric === 'selfReview')!;
    expect(first.note).toContain('the latest, 21 of 30 (3 of 6 items scored), is drawn at 7.0.');
    expect(byMetric.runs!.note).toBeUndefined();
  });
});
