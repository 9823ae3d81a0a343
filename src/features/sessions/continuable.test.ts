import { describe, expect, it } from 'vitest';
import { continuableSessions } from './continuable';

describe('continuableSessions', () => {
  it('offers, per problem, the newest session that did not finish', () => {
    const rows = [
      { id: 'a-old', problemId: 'a', status: 'interrupted' as const, startedAt: 1 },
      { id: 'a-new', problemId: 'a', status: 'interrupted' as const, startedAt: 5 },
      { id: 'a-done', problemId: 'a', status: 'finished' as const, startedAt: 9 },
      { id: 'b-live', problemId: 'b', status: 'recording' as const, startedAt: 2 },
      { id: 'c-done', problemId: 'c', status: 'finished' as const, startedAt: 3 },
    ];
    expect([...continuableSessions(rows)].sort()).toEqual(['a-new', 'b-live']);
  });
});
