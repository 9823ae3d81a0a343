import { describe, expect, it } from 'vitest';
import { practiceAfterSubmit } from './submitRecord';

const test = (stage: number, status: string) => ({ path: [`Stage ${stage}: x`], status, title: 't' });

describe('practiceAfterSubmit', () => {
  it('counts the Submit and marks a completed all-passing one solved', () => {
    const once = practiceAfterSubmit(null, 1, { outcome: 'completed', passed: 2, total: 3, tests: [] }, 10);
    expect(once).toMatchObject({
      submits: 1,
      status: 'in-progress',
      submitsUntilAllPass: null,
      lastSubmit: { passed: 2, total: 3, at: 10, outcome: 'completed' },
    });
    const twice = practiceAfterSubmit(once, 1, { outcome: 'completed', passed: 3, total: 3, tests: [] }, 20);
    expect(twice).toMatchObject({ submits: 2, status: 'solved', submitsUntilAllPass: 2, firstAllPassAt: 20 });
  });

  it('does not count a run the runner refused, even with all its numbers passing', () => {
    const next = practiceAfterSubmit(
      null,
      2,
      { outcome: 'not-counted', passed: 4, total: 4, tests: [test(1, 'passed'), test(2, 'passed')] },
      10,
    );
    expect(next).toMatchObject({ status: 'in-progress', submitsUntilAllPass: null, unlockedStages: 1 });
  });

  it('keeps the problem solved once it was, on a later failing Submit', () => {
    expect(
      practiceAfterSubmit(
        { status: 'solved', submits: 4, lastSubmit: null },
        1,
        { outcome: 'completed', passed: 0, total: 3, tests: [] },
        1,
      ).status,
    ).toBe('solved');
  });

  it('unlocks the next stage when a stage passes, with its times', () => {
    const first = practiceAfterSubmit(
      null,
      2,
      { outcome: 'completed', passed: 2, total: 3, tests: [test(1, 'passed'), test(1, 'passed'), test(2, 'failed')] },
      50,
    );
    expect(first.unlockedStages).toBe(2);
    expect(first.stageTimes).toEqual([
      { unlockedAt: 50, passedAt: 50 },
      { unlockedAt: 50, passedAt: null },
    ]);
    const done = practiceAfterSubmit(
      first,
      2,
      { outcome: 'completed', passed: 3, total: 3, tests: [test(1, 'passed'), test(2, 'passed')] },
      90,
    );
    expect(done.stageTimes?.[1]).toEqual({ unlockedAt: 50, passedAt: 90 });
    expect(first.stageTimes?.[1]).toEqual({ unlockedAt: 50, passedAt: null });
  });
});
