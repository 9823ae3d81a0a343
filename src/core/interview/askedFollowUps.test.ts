import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { followUpReport } from './askedFollowUps';

const followUps = [
  { question: 'Q1?', points: ['a'] },
  { question: 'Q2?', points: ['b', 'c'] },
  { question: 'Q3?', points: ['d'] },
];

const ev = (t: number, index: number, question: string): SessionEvent => ({ t, type: 'followup', index, question });

describe('followUpReport', () => {
  it('lists the questions asked with their times and points, then those not asked', () => {
    const events: SessionEvent[] = [{ t: 0, type: 'pause' }, ev(1_000, 0, 'Q1?'), ev(5_000, 1, 'Q2?')];
    expect(followUpReport(events, followUps)).toEqual({
      asked: [
        { t: 1_000, question: 'Q1?', points: ['a'] },
        { t: 5_000, question: 'Q2?', points: ['b', 'c'] },
      ],
      notAsked: [followUps[2]],
    });
  });

  it('counts a question once even if the log has it twice', () => {
    const report = followUpReport([ev(1, 0, 'Q1?'), ev(2, 0, 'Q1?')], followUps);
    expect(report.asked).toHaveLength(1);
  });

  it('keeps a question the problem no longer has, without points', () => {
    const report = followUpReport([ev(1, 1, 'An older wording?')], followUps);
    expect(report.asked).toEqual([{ t: 1, question: 'An older wording?', points: [] }]);
    expect(report.notAsked).toHaveLength(3);
  });

  it('has nothing asked in a log without follow-ups', () => {
    expect(followUpReport([], followUps)).toEqual({ asked: [], notAsked: followUps });
  });
});
