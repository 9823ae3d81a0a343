import { describe, expect, it } from 'vitest';
import { readinessChecklist } from './readiness';
import type { ReadinessId, ReadinessItem, SessionFacts } from './types';
import { sessionFacts } from '../testing/fixtures';

const facts = sessionFacts;

const item = (f: SessionFacts, id: ReadinessId): ReadinessItem => readinessChecklist(f).find((i) => i.id === id)!;
const talk = (totalSilenceMs: number) => ({ totalSilenceMs, longestSilenceMs: 3100, silencesOver30s: 0, talkingShare: 0.9 });

describe('readinessChecklist', () => {
  it('lists the four success criteria in the protocol order', () => {
    expect(readinessChecklist(facts()).map((i) => i.id)).toEqual(['silence', 'tested-incrementally', 'works-early', 'edge-cases-first']);
  });

  it('marks everything not measurable on an empty session, each with its reason', () => {
    const items = readinessChecklist(facts());
    expect(items.map((i) => i.status)).toEqual(['not-measurable', 'not-measurable', 'not-measurable', 'not-measurable']);
    expect(items[0]!.figure).toBe('No audio was recorded in this session, so silence could not be measured.');
    expect(items[2]!.figure).toBe('Nothing was submitted, so there is no hidden-test result.');
  });

  describe('silence', () => {
    it('is met under 10 s in total, with the figures (a record without pause lengths counts everything)', () => {
      expect(item(facts({ talk: talk(7240) }), 'silence')).toEqual({
        id: 'silence',
        label: 'Under 10 s of total silence',
        status: 'met',
        figure: '7.2 s of silence in 1 pause of 3.0 s or more (all detected pauses: 7.2 s); the longest was 3.1 s.',
        rule: expect.stringContaining('pauses of 3.0 s or more') as unknown as string,
      });
    });
    it('counts only pauses of the chosen length, showing the raw figure beside it', () => {
      const many = { ...talk(14_000), silenceLengthsMs: [1600, 1800, 2000, 1600, 3000, 4000] };
      const i = item(facts({ talk: many }), 'silence');
      expect(i.status).toBe('met');
      expect(i.figure).toBe('7.0 s of silence in 2 pauses of 3.0 s or more (all detected pauses: 14 s); the longest was 3.1 s.');
      const strict = readinessChecklist(facts({ talk: many }), { silencePauseMs: 1500 }).find((x) => x.id === 'silence')!;
      expect(strict.status).toBe('not-met');
      expect(strict.rule).toContain('pauses of 1.5 s or more');
    });
    it('is not met at 10 s or more', () => {
      expect(item(facts({ talk: talk(10_000) }), 'silence').status).toBe('not-met');
    });
  });

  describe('tested after every function (proxy)', () => {
    it('is met with a run in the code phase and no editing stretch of 10 min', () => {
      const i = item(facts({ runsInCodePhase: 3, longestEditingWithoutRunMs: 250_000 }), 'tested-incrementally');
      expect(i.status).toBe('met');
      expect(i.figure).toBe(
        '3 runs during the code phase; the longest stretch of editing without running was 4 min 10 s. (Measured as: at least one run, and no stretch of 10 min or more.)',
      );
    });
    it('is not met after 10 min of editing without a run', () => {
      expect(item(facts({ runsInCodePhase: 5, longestEditingWithoutRunMs: 600_000 }), 'tested-incrementally').status).toBe('not-met');
    });
    it('is not met when code was typed but never run in the code phase', () => {
      const i = item(facts({ runsInCodePhase: 0, longestEditingWithoutRunMs: 60_000 }), 'tested-incrementally');
      expect(i.status).toBe('not-met');
      expect(i.figure).toMatch(/^0 runs during the code phase/);
    });
    it('counts every run of a protocol without a code phase', () => {
      const i = item(facts({ runsInCodePhase: null, runs: 1, submits: 0, longestEditingWithoutRunMs: 1000 }), 'tested-incrementally');
      expect(i.status).toBe('met');
      expect(i.figure).toMatch(/^1 run in the session;/);
    });
  });

  describe('works on the first or second run', () => {
    it('is met when all hidden tests pass on the first or second Submit', () => {
      expect(item(facts({ submits: 1, submitsUntilAllPass: 1 }), 'works-early')).toMatchObject({
        status: 'met',
        figure: 'All hidden tests passed on the first Submit.',
      });
      expect(item(facts({ submits: 3, submitsUntilAllPass: 2 }), 'works-early')).toMatchObject({
        status: 'met',
        figure: 'All hidden tests first passed on Submit 2 of 3.',
      });
    });
    it('is not credited when the pass came after the reference was opened', () => {
      expect(
        item(facts({ submits: 2, submitsUntilAllPass: 2, referenceOpenedAt: 65_000, passedAfterReference: true }), 'works-early'),
      ).toMatchObject({ status: 'not-met', figure: expect.stringContaining('after the reference was opened') as unknown as string });
      // A pass before the opening keeps its credit.
      expect(
        item(facts({ submits: 2, submitsUntilAllPass: 1, referenceOpenedAt: 65_000, passedAfterReference: false }), 'works-early').status,
      ).toBe('met');
    });
    it('is not met on a third Submit or never', () => {
      expect(item(facts({ submits: 3, submitsUntilAllPass: 3 }), 'works-early').status).toBe('not-met');
      expect(item(facts({ submits: 2, submitsUntilAllPass: null }), 'works-early')).toMatchObject({
        status: 'not-met',
        figure: 'None of 2 Submits passed all hidden tests.',
      });
    });
  });

  describe('edge cases listed before coding', () => {
    it('is met with at least one list item', () => {
      expect(item(facts({ edgeCasesBeforeCode: 1 }), 'edge-cases-first')).toMatchObject({
        status: 'met',
        figure: '1 edge case written down (plan-note list items and comment lines above the code) when the first line of code was typed.',
        rule: expect.stringContaining('comment line') as unknown as string,
      });
    });
    it('is not met with none', () => {
      expect(item(facts({ edgeCasesBeforeCode: 0 }), 'edge-cases-first').status).toBe('not-met');
    });
    it('is not measurable without plan notes', () => {
      expect(item(facts({ edgeCasesBeforeCode: null }), 'edge-cases-first').status).toBe('not-measurable');
    });
  });
});
