import { describe, expect, it } from 'vitest';
import { countsAsSolved } from './solved';

describe('countsAsSolved', () => {
  it('counts a completed run with every test passed', () => {
    expect(countsAsSolved({ outcome: 'completed', passed: 39, total: 39 })).toBe(true);
  });
  it.each([
    ['a failure', { outcome: 'completed', passed: 38, total: 39 }],
    ['no tests at all', { outcome: 'completed', passed: 0, total: 0 }],
    ['a time-out', { outcome: 'timedout', passed: 39, total: 39 }],
    ['a crash', { outcome: 'crashed', passed: 1, total: 1 }],
    ['a compile error', { outcome: 'compile-error', passed: 0, total: 0 }],
    ['a run the runner did not count', { outcome: 'not-counted', passed: 39, total: 39 }],
  ])('does not count %s', (_, result) => {
    expect(countsAsSolved(result)).toBe(false);
  });
});
