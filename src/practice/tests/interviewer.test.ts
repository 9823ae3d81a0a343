import { beforeEach, describe, expect, it } from 'vitest';
import type { FollowUp } from '../../core/problems/types';
import { followUpsAskedKey } from '../parts/interviewer';
import { problem, engineHarness } from '../testing/fakes';

const h = engineHarness();

const FOLLOW_UPS: FollowUp[] = [
  { question: 'What if the numbers overflow?', points: ['BigInt'] },
  { question: 'How would you test it?', points: [] },
];

/** A recorded session of a problem with follow-ups; returns its key (the clock's start). */
async function inSession(): Promise<number> {
  await h.engine.open(problem({ followUps: FOLLOW_UPS }));
  h.engine.start();
  h.rec.events = [];
  return h.engine.state.clock!.startedAt;
}

describe('the interviewer’s follow-up questions', () => {
  let key: number;
  beforeEach(async () => {
    key = await inSession();
  });

  it('asks the first when the panel appears, logging it once, and keeps the count for the tab', () => {
    h.engine.beginFollowUps(key, FOLLOW_UPS);
    expect(h.engine.state.interviewer).toEqual({ sessionKey: key, asked: 1 });
    expect(h.rec.events).toEqual([{ type: 'followup', index: 0, question: 'What if the numbers overflow?' }]);
    expect(h.storage.tab.get(followUpsAskedKey(key))).toBe('1');
    h.engine.beginFollowUps(key, FOLLOW_UPS); // the panel shown again: nothing asked again
    expect(h.rec.logged('followup')).toHaveLength(1);
  });

  it('asks the next one by one, and nothing after the last', () => {
    h.engine.beginFollowUps(key, FOLLOW_UPS);
    h.engine.nextFollowUp(FOLLOW_UPS);
    h.engine.nextFollowUp(FOLLOW_UPS);
    expect(h.engine.state.interviewer.asked).toBe(2);
    expect(h.rec.logged('followup').map((e) => e.index)).toEqual([0, 1]);
    expect(h.storage.tab.get(followUpsAskedKey(key))).toBe('2');
  });

  it('after a reload neither repeats nor re-logs a question', () => {
    h.engine.beginFollowUps(key, FOLLOW_UPS);
    h.engine.nextFollowUp(FOLLOW_UPS);
    h.rec.events = [];
    const reloaded = h.rebuild();
    reloaded.beginFollowUps(key, FOLLOW_UPS);
    expect(reloaded.state.interviewer).toEqual({ sessionKey: key, asked: 2 });
    expect(h.rec.events).toEqual([]);
  });

  it('another session starts from the first question', () => {
    h.engine.beginFollowUps(key, FOLLOW_UPS);
    h.engine.nextFollowUp(FOLLOW_UPS);
    h.engine.beginFollowUps(key + 1, FOLLOW_UPS);
    expect(h.engine.state.interviewer).toEqual({ sessionKey: key + 1, asked: 1 });
    expect(h.rec.logged('followup').map((e) => e.index)).toEqual([0, 1, 0]);
  });

  it('a tab that refuses storage still asks, from the first question', () => {
    h.storage.tabRefuses = true;
    h.engine.beginFollowUps(key, FOLLOW_UPS);
    expect(h.engine.state.interviewer.asked).toBe(1);
    h.engine.nextFollowUp(FOLLOW_UPS);
    expect(h.engine.state.interviewer.asked).toBe(2);
  });

  it('a problem without follow-ups asks nothing', () => {
    h.engine.beginFollowUps(key, []);
    h.engine.nextFollowUp([]);
    expect(h.engine.state.interviewer).toEqual({ sessionKey: key, asked: 0 });
    expect(h.rec.events).toEqual([]);
  });

  it('reading the questions aloud is an interview setting, saved', () => {
    h.engine.speakQuestions(true);
    expect(h.engine.state.settings.speakQuestions).toBe(true);
    expect(h.storage.settings.speakQuestions).toBe(true);
  });
});
