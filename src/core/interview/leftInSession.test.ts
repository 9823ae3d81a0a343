import { describe, expect, it } from 'vitest';
import { leftInSession } from './leftInSession';

describe('what a session leaves undone if it ends now', () => {
  it('names the follow-up questions not asked yet', () => {
    expect(leftInSession({ followUps: 6, followUpsAsked: 4 })).toEqual(['2 follow-up questions not asked yet']);
    expect(leftInSession({ followUps: 5, followUpsAsked: 4 })).toEqual(['1 follow-up question not asked yet']);
    expect(leftInSession({ followUps: 3, followUpsAsked: 0 })).toEqual(['3 follow-up questions not asked yet']);
  });

  it('says nothing when every question was asked, or the problem has none', () => {
    expect(leftInSession({ followUps: 2, followUpsAsked: 2 })).toEqual([]);
    expect(leftInSession({ followUps: 0, followUpsAsked: 0 })).toEqual([]);
    expect(leftInSession({ followUps: 2, followUpsAsked: 5 })).toEqual([]);
  });
});
