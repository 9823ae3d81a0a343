import { describe, expect, it } from 'vitest';
import {
  afterSubmit,
  allAttempts,
  compareConsecutive,
  bestAttempt,
  byLeastRecentlyPractised,
  compareAttempts,
  describeDesignHistory,
  describeHistory,
  describeResult,
  ordinal,
  timeToAllPassMs,
  type AttemptSummary,
} from './attempts';

const MIN = 60_000;
const attempt = (patch: Partial<AttemptSummary>): AttemptSummary => ({
  number: 1,
  startedAt: 0,
  submits: 0,
  lastSubmit: null,
  submitsUntilAllPass: null,
  firstAllPassAt: null,
  lastAt: 0,
  ...patch,
});

describe('afterSubmit', () => {
  const fresh = { submits: 0, submitsUntilAllPass: null, firstAllPassAt: null };
  it('keeps the first all-passing Submit', () => {
    const one = afterSubmit(fresh, { outcome: 'completed', passed: 3, total: 5 }, 100);
    const two = afterSubmit(one, { outcome: 'completed', passed: 5, total: 5 }, 200);
    const three = afterSubmit(two, { outcome: 'completed', passed: 5, total: 5 }, 300);
    expect(three).toEqual({ submits: 3, submitsUntilAllPass: 2, firstAllPassAt: 200 });
  });
  it('never counts a run the runner did not count', () => {
    expect(afterSubmit(fresh, { outcome: 'not-counted', passed: 0, total: 5 }, 100).submitsUntilAllPass).toBeNull();
    expect(afterSubmit(fresh, { outcome: 'not-counted', passed: 5, total: 5 }, 100).submitsUntilAllPass).toBeNull();
  });
});

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [102, '102nd'],
    [111, '111th'],
  ])('%i is %s', (n, text) => expect(ordinal(n)).toBe(text));
});

describe('best attempt', () => {
  it('prefers passing, then fewer Submits, then the faster one', () => {
    const failed = attempt({ number: 1, lastSubmit: { passed: 9, total: 10, at: 1 }, submits: 4 });
    const third = attempt({ number: 2, submitsUntilAllPass: 3, firstAllPassAt: 20 * MIN });
    const firstSlow = attempt({ number: 3, submitsUntilAllPass: 1, firstAllPassAt: 40 * MIN });
    const firstFast = attempt({ number: 4, submitsUntilAllPass: 1, firstAllPassAt: 25 * MIN });
    expect(bestAttempt([failed, third, firstSlow, firstFast])?.number).toBe(4);
    expect(bestAttempt([failed, third])?.number).toBe(2);
  });
  it('among attempts that never passed, takes the best share of hidden tests', () => {
    const a = attempt({ number: 1, lastSubmit: { passed: 2, total: 10, at: 1 } });
    const b = attempt({ number: 2, lastSubmit: { passed: 7, total: 10, at: 1 } });
    const none = attempt({ number: 3 });
    expect(bestAttempt([a, none, b])?.number).toBe(2);
  });
  it('is null without attempts', () => expect(bestAttempt([])).toBeNull());
});

describe('describing the history', () => {
  it('says how many attempts, the best result and the last date', () => {
    const line = describeHistory([
      attempt({ number: 1, lastSubmit: { passed: 3, total: 5, at: 10 }, lastAt: 10 }),
      attempt({ number: 2, submitsUntilAllPass: 1, firstAllPassAt: 5, lastAt: 30 }),
      attempt({ number: 3, lastAt: 20 }),
    ]);
    expect(line).toEqual({ attempts: 3, text: '3 attempts · best: all hidden tests on the 1st Submit', lastAt: 30 });
  });
  it('uses the singular for one attempt and says when nothing was submitted', () => {
    expect(describeHistory([attempt({})])?.text).toBe('1 attempt · best: nothing submitted yet');
    expect(describeResult(attempt({ lastSubmit: { passed: 7, total: 9, at: 0 } }))).toBe('7/9 hidden tests');
    expect(describeHistory([])).toBeNull();
  });
});

describe("describing a design problem's history", () => {
  const graded = (statuses: string[]) => ({ checklist: statuses.map((status) => ({ status })) });
  it('gives the session that met the most design checklist items, never a Submit', () => {
    const line = describeDesignHistory(
      [attempt({ number: 1, lastAt: 10 }), attempt({ number: 2, lastAt: 40 })],
      [graded(['met', 'not-met', 'not-met']), graded(['met', 'met', 'not-measurable'])],
    );
    expect(line).toEqual({ attempts: 2, text: '2 attempts · best: 2 of 3 design checklist items met', lastAt: 40 });
    expect(line!.text).not.toMatch(/Submit|submitted/);
  });
  it('says when no session finished yet, and is null for a problem never practised', () => {
    expect(describeDesignHistory([attempt({})], [])?.text).toBe('1 attempt · best: no session finished yet');
    expect(describeDesignHistory([], [])).toBeNull();
  });
});

describe('least recently practised', () => {
  it('puts never-practised problems first, then the oldest, keeping catalog order on ties', () => {
    const last: Record<string, number | null> = { a: 300, b: null, c: 100, d: null };
    const sorted = byLeastRecentlyPractised([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], (id) => last[id] ?? null);
    expect(sorted.map((x) => x.id)).toEqual(['b', 'd', 'c', 'a']);
  });
});

describe('comparing attempts', () => {
  it('says how much faster and quieter the later attempt was', () => {
    const text = compareAttempts(
      { number: 1, timeToAllPassMs: 40 * MIN, silencePer10MinMs: 100_000, submitsUntilAllPass: 3 },
      { number: 2, timeToAllPassMs: 28 * MIN, silencePer10MinMs: 60_000, submitsUntilAllPass: 1 },
    );
    expect(text).toBe('2nd attempt: 12 min faster to all-passing, 40 s less silence per 10 min');
  });
  it('says slower and more when it was', () => {
    const text = compareAttempts(
      { number: 2, timeToAllPassMs: 10 * MIN, silencePer10MinMs: 20_000, submitsUntilAllPass: 1 },
      { number: 3, timeToAllPassMs: 15 * MIN, silencePer10MinMs: 30_000, submitsUntilAllPass: 2 },
    );
    expect(text).toBe('3rd attempt: 5 min slower to all-passing, 10 s more silence per 10 min');
  });
  it('says when only one of them passed, and nothing when there is nothing to compare', () => {
    const none = { number: 1, timeToAllPassMs: null, silencePer10MinMs: null, submitsUntilAllPass: null };
    expect(compareAttempts(none, { ...none, number: 2, submitsUntilAllPass: 2 })).toBe('2nd attempt: all hidden tests passed this time');
    expect(compareAttempts(none, { ...none, number: 2 })).toBeNull();
  });
  it('measures time to all-passing from the first Start', () => {
    expect(timeToAllPassMs({ startedAt: 1000, firstAllPassAt: 61_000 })).toBe(60_000);
    expect(timeToAllPassMs({ startedAt: null, firstAllPassAt: 61_000 })).toBeNull();
  });
});

describe('the current attempt', () => {
  const record = { submits: 0, lastSubmit: null, updatedAt: 50, clock: null };
  it('is not an attempt until it is started or submitted', () => {
    expect(allAttempts([], record)).toEqual([]);
    expect(allAttempts([], { ...record, attempt: 2, attemptStartedAt: 10 })).toEqual([
      { number: 2, startedAt: 10, submits: 0, lastSubmit: null, submitsUntilAllPass: null, firstAllPassAt: null, lastAt: 50 },
    ]);
  });
  it('comes after the finished ones, which are dated by their end', () => {
    const finished = {
      problemId: 'p',
      number: 1,
      startedAt: 1,
      endedAt: 20,
      code: '',
      notes: '',
      submits: 1,
      lastSubmit: null,
      submitsUntilAllPass: 1,
      firstAllPassAt: 5,
      sessionIds: [],
    };
    const all = allAttempts([finished], { ...record, submits: 1, attempt: 2 });
    expect(all.map((a) => [a.number, a.lastAt])).toEqual([
      [1, 20],
      [2, 50],
    ]);
    expect(describeHistory(all)?.text).toBe('2 attempts · best: all hidden tests on the 1st Submit');
  });
});

describe('comparing consecutive attempts from their sessions', () => {
  it('uses each attempt’s own sessions for silence per 10 minutes', () => {
    const talk: Record<string, { silenceMs: number; audioMs: number }> = {
      s1: { silenceMs: 60_000, audioMs: 600_000 },
      s2: { silenceMs: 10_000, audioMs: 300_000 },
      s3: { silenceMs: 10_000, audioMs: 300_000 },
    };
    const lines = compareConsecutive(
      [
        { ...attempt({ number: 2, startedAt: 0, firstAllPassAt: 20 * MIN, submitsUntilAllPass: 1 }), sessionIds: ['s2', 's3'] },
        { ...attempt({ number: 1, startedAt: 0, firstAllPassAt: 32 * MIN, submitsUntilAllPass: 2 }), sessionIds: ['s1'] },
      ],
      (id) => talk[id] ?? null,
    );
    expect(lines).toEqual(['2nd attempt: 12 min faster to all-passing, 40 s less silence per 10 min']);
  });
});
