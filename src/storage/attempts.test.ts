import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../core/records/types';
import { isAttemptRecord } from '../core/records/restoreAttempt';
import type { PracticeRecord } from './db';
import { restorePracticeRecord } from '../core/records/restorePractice';

const ATTEMPT: AttemptRecord = {
  problemId: 'token-bucket',
  number: 2,
  startedAt: 1000,
  endedAt: 9000,
  code: 'export class A {}',
  notes: '- empty',
  submits: 2,
  lastSubmit: { passed: 3, total: 3, at: 8000, outcome: 'completed' },
  submitsUntilAllPass: 2,
  firstAllPassAt: 8000,
  sessionIds: ['s1'],
};

const PRACTICE: PracticeRecord = {
  problemId: 'token-bucket',
  status: 'in-progress',
  clock: null,
  lastSubmit: null,
  submits: 0,
  updatedAt: 1,
  attempt: 3,
  attemptStartedAt: null,
  submitsUntilAllPass: null,
  firstAllPassAt: null,
  sessionIds: [],
  stageTimes: [{ unlockedAt: 1, passedAt: null }],
  revealed: [{ question: 'How many users?', at: 5 }],
};

/** Every field replaced by a value of another kind: the guard must say no (or the field is genuinely optional). */
const WRONG = [undefined, null, 'x', -1, 1.5, NaN, [], {}, [1], true];

describe('attempt records read back', () => {
  it('accept a well-formed record', () => expect(isAttemptRecord(ATTEMPT)).toBe(true));

  it('reject a record with any field of the wrong kind', () => {
    for (const key of Object.keys(ATTEMPT) as (keyof AttemptRecord)[]) {
      for (const wrong of WRONG) {
        const mutated = { ...ATTEMPT, [key]: wrong };
        const fine =
          (key === 'startedAt' || key === 'submitsUntilAllPass' || key === 'firstAllPassAt' || key === 'lastSubmit') && wrong === null
            ? true
            : (key === 'startedAt' ||
                  key === 'submitsUntilAllPass' ||
                  key === 'firstAllPassAt' ||
                  key === 'endedAt' ||
                  key === 'submits') &&
                typeof wrong === 'number' &&
                Number.isFinite(wrong)
              ? true
              : (key === 'sessionIds' && Array.isArray(wrong) && wrong.length === 0) ||
                ((key === 'problemId' || key === 'code' || key === 'notes') && typeof wrong === 'string');
        expect(isAttemptRecord(mutated), `${key} = ${String(wrong)}`).toBe(fine);
      }
    }
  });

  it("keep a design attempt's board as text, and refuse any other shape of it", () => {
    expect(isAttemptRecord({ ...ATTEMPT, board: '{"type":"rehearse-board","elements":[]}' })).toBe(true);
    for (const wrong of [1, null, { elements: [] }, ['a']]) expect(isAttemptRecord({ ...ATTEMPT, board: wrong })).toBe(false);
  });

  it('never throw on random values (seeded)', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(typeof isAttemptRecord(v)).toBe('boolean');
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});

describe('practice records read back', () => {
  it('accept a well-formed record and one written before attempts existed', () => {
    expect(restorePracticeRecord(PRACTICE)).toEqual(PRACTICE);
    const { attempt: _a, attemptStartedAt: _s, submitsUntilAllPass: _u, firstAllPassAt: _f, sessionIds: _i, ...old } = PRACTICE;
    expect(restorePracticeRecord(old)).toEqual(old);
  });

  it.each([
    ['stageTimes', [{ unlockedAt: 'soon', passedAt: null }]],
    ['revealed', [{ question: 1, at: 2 }]],
    ['lastSubmit', { passed: 1 }],
    ['attempt', 0],
    ['sessionIds', [1]],
    ['unlockedStages', 'two'],
  ])('drop a malformed %s and keep the rest', (key, value) => {
    const restored = restorePracticeRecord({ ...PRACTICE, [key]: value }) as unknown as Record<string, unknown>;
    expect(restored.problemId).toBe(PRACTICE.problemId);
    // The malformed value never comes back as it was: dropped, or its bad parts read as absent.
    expect(restored[key]).not.toEqual(value);
  });
});
