import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../session/types';
import { pickLastActions } from './lastActions';
import { emptyReview } from './rubrics';
import type { ReviewRecord } from './types';
import { sessionRecord } from '../testing/fixtures';

function session(id: string, startedAt: number, patch: Partial<SessionRecord> = {}): SessionRecord {
  return sessionRecord({ id, startedAt, endedAt: startedAt + 1000, audioOffReason: null, levelFrameMs: 20, ...patch });
}

function review(sessionId: string, actions: string): ReviewRecord {
  const r = emptyReview(sessionId, null, 0);
  return { ...r, learnings: { ...r.learnings, actions } };
}

const reviews = (...list: ReviewRecord[]) => new Map(list.map((r) => [r.sessionId, r]));

describe('pickLastActions', () => {
  it('takes the newest finished session on the protocol with actions written', () => {
    const sessions = [session('old', 1), session('new', 3), session('middle', 2)];
    const picked = pickLastActions(sessions, reviews(review('old', 'a'), review('new', 'Run after each function')), 'coding-45', null);
    expect(picked?.session.id).toBe('new');
    expect(picked?.actions).toBe('Run after each function');
  });
  it('skips the current session, other protocols, unfinished sessions and blank actions', () => {
    const sessions = [
      session('current', 9),
      session('design', 8, { protocolId: 'design-45' }),
      session('cut-off', 7, { status: 'interrupted', endedAt: null }),
      session('blank', 6),
      session('kept', 5),
    ];
    const all = reviews(
      review('current', 'x'),
      review('design', 'x'),
      review('cut-off', 'x'),
      review('blank', '  \n '),
      review('kept', '  List edge cases first \n'),
    );
    expect(pickLastActions(sessions, all, 'coding-45', 'current')).toEqual({ session: sessions[4], actions: 'List edge cases first' });
  });
  it('finds nothing without a review', () => {
    expect(pickLastActions([session('a', 1)], new Map(), 'coding-45', null)).toBeUndefined();
  });
});
