/**
 * The plan's scheduling rules with a fixed clock: today's items, missed items rolling over, completion by
 * a session's end, re-dos coming due, and a change of time zone neither skipping nor repeating a day.
 */
import { describe, expect, it } from 'vitest';
import { localDateAt } from './localDate';
import { completeItem, customPlan, daysLeft, planCounts, planFromTemplate, remainingDays, todayItems, type PlanProblem } from './plan';
import { schedulesOf, withAttempt } from './schedule';
import { findTemplate } from './templates';
import { gradedAttemptOn } from '../testing/fixtures';
import type { GradeValue, PlanRecord, ReviewCardRecord } from './types';

const PROBLEMS: PlanProblem[] = [
  { id: 'token-bucket', kind: 'coding' },
  { id: 'lru-ttl', kind: 'coding' },
  { id: 'recommendations', kind: 'coding' },
  { id: 'stream-pipeline', kind: 'coding' },
  { id: 'bounded-buffer', kind: 'coding' },
  { id: 'design-chat', kind: 'design' },
];
const NOW = Date.UTC(2026, 11, 7, 9); // Monday 7 December 2026, 09:00 UTC
const protocolWeek = () => planFromTemplate(findTemplate('practice-protocol')!, '2026-12-07', '2026-12-12', NOW);
const none = new Map();

const attempt = (sessionId: string, day: string, grade: GradeValue) => gradedAttemptOn(day, { sessionId, grade });

describe('a plan from a guide', () => {
  it('lays the guide over the days before the interview and says how many are left', () => {
    const plan = protocolWeek();
    expect(plan.days).toHaveLength(5);
    expect(daysLeft(plan, '2026-12-07')).toBe(5);
    expect(planCounts(plan)).toEqual({ done: 0, total: 8 });
    expect(remainingDays(plan, '2026-12-07').map((d) => d.date)).toEqual(['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']);
  });

  it("today: the first day's items in their protocols, with why", () => {
    const items = todayItems(protocolWeek(), '2026-12-07', PROBLEMS, none);
    expect(items.map((i) => [i.problemId, i.protocolId, i.source, i.reason])).toEqual([
      ['token-bucket', 'coding-45', 'plan', 'plan: 45-minute first attempt'],
      ['token-bucket', 'coding-45', 'plan', 'plan: re-do from scratch after reviewing the recording'],
    ]);
  });

  it('drops the first days of a guide longer than the days left', () => {
    const plan = planFromTemplate(findTemplate('practice-protocol')!, '2026-12-07', '2026-12-10', NOW);
    expect(plan.days).toHaveLength(3);
    expect(plan.days[0]![0]).toMatchObject({ problemId: 'stream-pipeline' });
  });

  it('a custom plan spreads the chosen problems and ends with a mock', () => {
    const plan = customPlan(
      { problemIds: ['lru-ttl', 'token-bucket'], protocolId: 'coding-45', mockProtocolId: 'coding-75', mockKind: 'coding' },
      '2026-12-07',
      '2026-12-10',
      NOW,
    );
    expect(plan.days.map((d) => d.length)).toEqual([1, 1, 1]);
    expect(plan.days[2]![0]).toMatchObject({ kind: 'any', mock: true, protocolId: 'coding-75' });
  });
});

describe('items are done when a session ends, and missed ones roll over', () => {
  it('a session of the started item completes it, not a tick', () => {
    let plan: PlanRecord = { ...protocolWeek(), started: { itemId: 'd0i1', problemId: 'token-bucket' } };
    plan = completeItem(plan, { id: 's1', problemId: 'token-bucket' }, 'coding', '2026-12-07');
    expect(plan.done).toEqual([{ itemId: 'd0i1', sessionId: 's1', problemId: 'token-bucket', on: '2026-12-07' }]);
    expect(plan.started).toBeNull();
    // The same session again changes nothing.
    expect(completeItem(plan, { id: 's1', problemId: 'token-bucket' }, 'coding', '2026-12-07')).toBe(plan);
  });

  it('a session of a problem the plan did not ask for completes nothing', () => {
    const plan = protocolWeek();
    expect(completeItem(plan, { id: 's1', problemId: 'design-chat' }, 'design', '2026-12-07').done).toEqual([]);
  });

  it("tomorrow shows tomorrow's items after yesterday's missed one", () => {
    const plan = completeItem(protocolWeek(), { id: 's1', problemId: 'token-bucket' }, 'coding', '2026-12-07');
    const items = todayItems(plan, '2026-12-08', PROBLEMS, none);
    expect(items.map((i) => [i.key, i.problemId, i.source])).toEqual([
      ['d0i1', 'token-bucket', 'rolled'],
      ['d1i0', 'lru-ttl', 'plan'],
      ['d1i1', 'recommendations', 'plan'],
    ]);
    expect(items[0]!.reason).toBe('missed yesterday: plan: re-do from scratch after reviewing the recording');
  });

  it('a problem failed yesterday is due today with the reason', () => {
    const cards: ReviewCardRecord[] = [withAttempt(null, 'bounded-buffer', attempt('s9', '2026-12-07', 1))];
    const items = todayItems(protocolWeek(), '2026-12-08', PROBLEMS, schedulesOf(cards, new Map()));
    expect(items.at(-1)).toMatchObject({ key: 'due:bounded-buffer', source: 'due', reason: 'due: failed 3 hidden tests yesterday' });
  });

  it('"any problem" items take the most overdue problem of the kind', () => {
    const plan = planFromTemplate(findTemplate('practice-protocol')!, '2026-12-07', '2026-12-12', NOW);
    const cards = [withAttempt(null, 'bounded-buffer', attempt('s9', '2026-12-05', 1))];
    const items = todayItems(plan, '2026-12-09', PROBLEMS, schedulesOf(cards, new Map()));
    const mock = items.find((i) => i.key === 'd2i1')!;
    expect(mock.problemId).toBe('bounded-buffer');
    expect(mock.reason).toBe('plan: a 60-minute problem you have not practised yet; due: failed 3 hidden tests on Saturday');
    expect(items.some((i) => i.key === 'due:bounded-buffer')).toBe(false);
  });
});

describe('a change of time zone', () => {
  it('neither skips nor repeats a day: today is the local calendar date, and done items stay done', () => {
    // 23:30 in Paris on Monday: the person does the day's first item, then flies to New York.
    const paris = Date.UTC(2026, 11, 7, 22, 30);
    const todayInParis = localDateAt(paris, 60);
    let plan = planFromTemplate(findTemplate('practice-protocol')!, todayInParis, '2026-12-12', paris);
    plan = completeItem(plan, { id: 's1', problemId: 'token-bucket' }, 'coding', todayInParis);
    // Landed: 19:00 in New York is already Tuesday in UTC, still Monday for them.
    const newYork = Date.UTC(2026, 11, 8, 0, 0);
    const todayInNewYork = localDateAt(newYork, -300);
    expect(todayInNewYork).toBe('2026-12-07');
    expect(todayItems(plan, todayInNewYork, PROBLEMS, none).map((i) => i.key)).toEqual(['d0i1']);
    // The next morning in New York is Tuesday: day 2, with Monday's open item rolled, nothing skipped.
    const tuesday = localDateAt(Date.UTC(2026, 11, 8, 14), -300);
    expect(todayItems(plan, tuesday, PROBLEMS, none).map((i) => i.key)).toEqual(['d0i1', 'd1i0', 'd1i1']);
  });

  it('a due date computed in one zone is the same date in another', () => {
    const card = withAttempt(null, 'lru-ttl', attempt('s1', '2026-12-07', 3));
    const due = schedulesOf([card], new Map()).get('lru-ttl')!.due;
    expect(due).toBe('2026-12-10');
  });
});
