import { describe, expect, it } from 'vitest';
import { SELF_REVIEW_ITEMS } from '../review/rubrics';
import { describePhase, factRows, selfReviewFact } from './describeFacts';
import type { SessionFacts } from './types';

const base: SessionFacts = {
  clarificationsAsked: 0,
  clarificationsBeforeCode: 0,
  durationMs: 45 * 60_000,
  talk: null,
  phases: [
    { phaseId: 'plan', name: 'Plan', plannedMs: 300_000, actualMs: 420_000 },
    { phaseId: 'code', name: 'Code', plannedMs: 2_100_000, actualMs: 1_800_000 },
    { phaseId: 'review', name: 'Review', plannedMs: 300_000, actualMs: null },
  ],
  timeToFirstRunMs: 400_000,
  runs: 4,
  submits: 2,
  runsInCodePhase: 5,
  longestEditingWithoutRunMs: 250_000,
  submitsUntilAllPass: 2,
  firstSubmitPassed: false,
  edgeCasesBeforeCode: 3,
  followUpsAsked: 1,
  nudges: { silence: 0, noRun: 1, planCoding: 0 },
  referenceOpenedAt: null,
  passedAfterReference: false,
};

describe('factRows', () => {
  it('says how many clarifying questions came before coding, and how many in all when some came later', () => {
    const row = (asked: number, before: number) =>
      factRows({ ...base, clarificationsAsked: asked, clarificationsBeforeCode: before }).find((r) => r.label === 'Clarifying questions')!
        .value;
    expect(row(0, 0)).toBe('none asked');
    expect(row(1, 1)).toBe('Asked 1 clarifying question before coding');
    expect(row(3, 2)).toBe('Asked 2 clarifying questions before coding (3 in all)');
    expect(row(2, 0)).toBe('Asked 0 clarifying questions before coding (2 in all)');
  });

  it('gives every fact a row, saying plainly what was not measured', () => {
    const rows = Object.fromEntries(factRows(base).map((r) => [r.label, r.value]));
    expect(rows).toMatchObject({
      Duration: '45 min',
      'Total silence': 'not measured (no audio)',
      'Time to first run': '6 min 40 s',
      'Runs (examples)': '4',
      'Submits (hidden tests)': '2',
      'Runs and Submits in the code phase': '5',
      'Submits until all hidden tests passed': '2',
      'First Submit passed': 'no',
      'Edge cases written before code': '3',
      'Nudges (silence / no run / coding in plan)': '0 / 1 / 0',
    });
  });
  it('shows talk figures when there is audio', () => {
    const rows = factRows({ ...base, talk: { totalSilenceMs: 12_000, longestSilenceMs: 5_000, silencesOver30s: 0, talkingShare: 0.95 } });
    expect(rows.find((r) => r.label === 'Share of time talking')!.value).toBe('95 %');
    expect(rows.find((r) => r.label === 'Total silence')!.value).toBe('12 s');
  });
  it('says when nothing was submitted or run', () => {
    const rows = Object.fromEntries(
      factRows({ ...base, submits: 0, submitsUntilAllPass: null, firstSubmitPassed: null, timeToFirstRunMs: null }).map((r) => [
        r.label,
        r.value,
      ]),
    );
    expect(rows['First Submit passed']).toBe('no Submit');
    expect(rows['Submits until all hidden tests passed']).toBe('no Submit');
    expect(rows['Time to first run']).toBe('nothing was run');
  });
});

describe('describePhase', () => {
  it('shows planned, actual and the difference, or that the phase was never reached', () => {
    expect(describePhase(base.phases[0]!)).toEqual({ planned: '5 min', actual: '7 min', difference: '+2 min' });
    expect(describePhase(base.phases[2]!)).toEqual({ planned: '5 min', actual: 'never reached', difference: '—' });
  });
});

describe('selfReviewFact', () => {
  it('has a sentence for every self-review item', () => {
    for (const item of SELF_REVIEW_ITEMS) expect(selfReviewFact(item.id, base)).toMatch(/\S/);
  });
  it('ties each item to its measured fact', () => {
    expect(selfReviewFact('tested', base)).toBe(
      '5 runs in the code phase; first run after 6 min 40 s; longest editing without running 4 min 10 s.',
    );
    expect(selfReviewFact('caught-bugs', base)).toBe('The first Submit failed; all hidden tests passed on Submit 2.');
    expect(selfReviewFact('edge-cases', base)).toBe('3 items listed in the plan notes before the first line of code.');
    expect(selfReviewFact('calm', base)).toBe('1 of 2 phases over plan; 1 nudge shown.');
    expect(selfReviewFact('talked', base)).toMatch(/^No audio was recorded/);
  });
});
