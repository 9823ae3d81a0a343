import { describe, expect, it } from 'vitest';
import { emptyReview } from '../review/rubrics';
import type { RunEvent, SessionEvent, SessionRecord } from '../session/types';
import { describeResult, resultRank, submitResult, summariseSession } from './summarise';
import { filterByProblem, nextSort, sortSessions, DEFAULT_SORT } from './sortSessions';
import { sessionRecord } from '../testing/fixtures';

function session(over: Partial<SessionRecord> = {}): SessionRecord {
  return sessionRecord({ audioOffReason: 'no-device', ...over });
}

const run = (t: number, mode: 'run' | 'submit', passed: number, total: number): RunEvent => ({
  t,
  type: 'run',
  mode,
  outcome: 'completed',
  passed,
  total,
});

describe('submitResult', () => {
  it('says "no submit" when only Runs happened', () => {
    const r = submitResult([run(10, 'run', 3, 3)]);
    expect(r).toEqual({ kind: 'no-submit' });
    expect(describeResult(r)).toBe('no submit');
  });

  it('names the Submit at which every hidden test first passed, ignoring Runs', () => {
    const events: SessionEvent[] = [
      run(5, 'run', 2, 2),
      run(10, 'submit', 12, 15),
      run(20, 'run', 2, 2),
      run(30, 'submit', 15, 15),
      run(40, 'submit', 14, 15),
    ];
    const r = submitResult(events);
    expect(r).toEqual({ kind: 'passed', passed: 15, total: 15, submit: 2, submits: 3 });
    expect(describeResult(r)).toBe('15/15 on submit 2');
  });

  it('reports the best failing Submit, not the last', () => {
    const r = submitResult([run(10, 'submit', 12, 15), run(20, 'submit', 3, 15)]);
    expect(r).toEqual({ kind: 'failed', passed: 12, total: 15, submits: 2 });
    expect(describeResult(r)).toBe('12/15, best of 2 submits');
    expect(describeResult(submitResult([run(10, 'submit', 0, 15)]))).toBe('0/15 on the only submit');
  });

  it('does not count a Submit with no tests (a compile error) or one that did not complete as a pass', () => {
    expect(submitResult([run(10, 'submit', 0, 0)]).kind).toBe('failed');
    expect(submitResult([{ ...run(10, 'submit', 15, 15), outcome: 'timed-out' }]).kind).toBe('failed');
  });
});

describe('resultRank', () => {
  it('orders: early pass > late pass > most tests passed > fewer > no submit', () => {
    const ranks = [
      resultRank({ kind: 'passed', passed: 15, total: 15, submit: 1, submits: 1 }),
      resultRank({ kind: 'passed', passed: 15, total: 15, submit: 3, submits: 4 }),
      resultRank({ kind: 'failed', passed: 14, total: 15, submits: 9 }),
      resultRank({ kind: 'failed', passed: 1, total: 15, submits: 1 }),
      resultRank({ kind: 'no-submit' }),
    ];
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
  });
});

describe('duration', () => {
  it('is end minus start for an ended session, the last event for an unfinished one', () => {
    expect(summariseSession(session(), [], null).durationMs).toBe(600_000);
    expect(
      summariseSession(session({ endedAt: null, status: 'interrupted' }), [run(4_000, 'run', 1, 1), run(9_500, 'run', 1, 1)], null)
        .durationMs,
    ).toBe(9_500);
  });
});

describe('summariseSession', () => {
  it('takes the scores from the review when given', () => {
    const review = emptyReview(
      's1',
      [
        { part: 'Communication', weight: 50 },
        { part: 'Design', weight: 50 },
      ],
      0,
    );
    review.selfScores.talked.score = 7;
    review.selfScores.calm.score = 9;
    review.design = review.design!.map((g, i) => ({ ...g, level: i === 0 ? 'excellent' : 'good' }));
    const s = summariseSession(session(), [run(30, 'submit', 15, 15)], review);
    expect(s.selfReview).toEqual({ total: 16, scored: 2, max: 60 });
    expect(s.designPercent).toBeCloseTo(83.3, 1);
    expect(s.result.kind).toBe('passed');
  });

  it('has no scores without a review', () => {
    const s = summariseSession(session(), [], undefined);
    expect(s.selfReview).toBeNull();
    expect(s.designPercent).toBeNull();
    expect(s).toMatchObject({ id: 's1', problemId: 'token-bucket', status: 'finished', durationMs: 600_000 });
  });
});

describe('sorting and filtering the library', () => {
  const a = summariseSession(session({ id: 'a', problemId: 'lru-ttl', startedAt: 3, endedAt: 103 }), [run(1, 'submit', 5, 5)], null);
  const b = summariseSession(session({ id: 'b', problemId: 'token-bucket', startedAt: 2, endedAt: 502 }), [], null);
  const c = summariseSession(session({ id: 'c', problemId: 'token-bucket', startedAt: 1, endedAt: 301 }), [run(1, 'submit', 2, 5)], null);
  const titles: Record<string, string> = { 'lru-ttl': 'LRU cache', 'token-bucket': 'Token bucket' };
  const titleOf = (id: string) => titles[id] ?? id;
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  it('is newest first by default', () => {
    expect(ids(sortSessions([c, a, b], DEFAULT_SORT, titleOf))).toEqual(['a', 'b', 'c']);
  });

  it('sorts by duration, problem and result, ties broken newest first', () => {
    expect(ids(sortSessions([a, b, c], { key: 'duration', direction: 'descending' }, titleOf))).toEqual(['b', 'c', 'a']);
    expect(ids(sortSessions([c, b, a], { key: 'problem', direction: 'ascending' }, titleOf))).toEqual(['a', 'b', 'c']);
    expect(ids(sortSessions([a, b, c], { key: 'result', direction: 'descending' }, titleOf))).toEqual(['a', 'c', 'b']);
    expect(ids(sortSessions([a, b, c], { key: 'result', direction: 'ascending' }, titleOf))).toEqual(['b', 'c', 'a']);
  });

  it('starts a new column in its useful direction and flips the same column', () => {
    expect(nextSort(DEFAULT_SORT, 'problem')).toEqual({ key: 'problem', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'date')).toEqual({ key: 'date', direction: 'ascending' });
    expect(nextSort({ key: 'result', direction: 'ascending' }, 'result')).toEqual({ key: 'result', direction: 'descending' });
  });

  it('filters by problem, "all" keeping everything', () => {
    expect(ids(filterByProblem([a, b, c], 'token-bucket'))).toEqual(['b', 'c']);
    expect(ids(filterByProblem([a, b, c], 'all'))).toEqual(['a', 'b', 'c']);
  });
});
