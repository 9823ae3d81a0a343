import { describe, expect, it } from 'vitest';
import { emptyReview } from '../review/rubrics';
import { readinessByKind, trendOf } from './readinessByKind';
import { byDue, dueLabel, schedulesOf, withAttempt } from './schedule';
import { gradedAttemptOn } from '../testing/fixtures';
import type { GradedAttempt, GradeValue } from './types';

const attempt = (sessionId: string, day: string, grade: GradeValue, checklist: GradedAttempt['checklist'] = []) =>
  gradedAttemptOn(day, { sessionId, grade, checklist, summary: 'x', reasons: ['measured'] });

describe('spaced re-dos (FSRS in whole days)', () => {
  it('a well-solved problem is due later than a badly solved one', () => {
    const cards = [withAttempt(null, 'good', attempt('a', '2026-12-07', 4)), withAttempt(null, 'bad', attempt('b', '2026-12-07', 1))];
    const s = schedulesOf(cards, new Map());
    expect(s.get('bad')!.due).toBe('2026-12-08');
    expect(s.get('good')!.due > s.get('bad')!.due).toBe(true);
    expect(dueLabel(s.get('bad')!, '2026-12-07')).toBe('due tomorrow');
    expect(byDue([{ id: 'new' }, { id: 'good' }, { id: 'bad' }], s).map((p) => p.id)).toEqual(['bad', 'good', 'new']);
  });

  it('grows the interval with each good re-do and shrinks it after a failure', () => {
    let card = withAttempt(null, 'p', attempt('1', '2026-12-01', 3));
    const first = schedulesOf([card], new Map()).get('p')!.intervalDays;
    card = withAttempt(card, 'p', attempt('2', '2026-12-04', 3));
    const second = schedulesOf([card], new Map()).get('p')!.intervalDays;
    expect(second).toBeGreaterThan(first);
    card = withAttempt(card, 'p', attempt('3', '2026-12-10', 1));
    expect(schedulesOf([card], new Map()).get('p')!.intervalDays).toBeLessThan(second);
  });

  it('the self-review moves the due date, and the reasons say so', () => {
    const card = withAttempt(null, 'p', attempt('s', '2026-12-07', 3));
    const review = emptyReview('s', null, 0);
    for (const key of Object.keys(review.selfScores) as (keyof typeof review.selfScores)[]) review.selfScores[key] = { score: 2, note: '' };
    const plain = schedulesOf([card], new Map()).get('p')!;
    const reviewed = schedulesOf([card], new Map([['s', review]])).get('p')!;
    expect(reviewed.due < plain.due).toBe(true);
    expect(reviewed.reasons.join(' ')).toContain('your self-review');
  });

  it('a re-graded session replaces its attempt instead of adding one', () => {
    const card = withAttempt(withAttempt(null, 'p', attempt('s', '2026-12-07', 1)), 'p', attempt('s', '2026-12-07', 3));
    expect(card.attempts).toHaveLength(1);
  });
});

describe('readiness by kind', () => {
  it('counts each criterion over the last attempts with its trend', () => {
    const mk = (i: number, silence: boolean) =>
      attempt(`s${i}`, `2026-12-0${i}`, 3, [{ id: 'silence', label: 'Under 10 s of silence', status: silence ? 'met' : 'not-met' }]);
    const card = { problemId: 'p', attempts: [mk(1, false), mk(2, false), mk(3, true), mk(4, true)] };
    const r = readinessByKind([card], 'coding');
    expect(r.attempts).toBe(4);
    expect(r.criteria).toEqual([{ id: 'silence', label: 'Under 10 s of silence', met: 2, measured: 4, trend: 'improving' }]);
    expect(readinessByKind([card], 'design').attempts).toBe(0);
  });

  it('needs four measurements for a trend', () => {
    expect(trendOf([1, 0, 1])).toBe('too-few');
    expect(trendOf([1, 1, 0, 0])).toBe('slipping');
    expect(trendOf([1, 0, 1, 0])).toBe('steady');
  });
});
