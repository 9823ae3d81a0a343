import { describe, expect, it } from 'vitest';
import { lastAtOrBefore, nextAfter, nextSilenceAfter, previousBefore, stepBy } from './navigation';

const runs = [{ t: 1_000 }, { t: 5_000 }, { t: 9_000 }];
const silences = [
  { startMs: 2_000, endMs: 4_000 },
  { startMs: 6_000, endMs: 8_000 },
];

describe('navigation', () => {
  it('finds the last run at or before a time (a run at the play head counts)', () => {
    expect(lastAtOrBefore(runs, 999)).toBeNull();
    expect(lastAtOrBefore(runs, 1_000)).toEqual({ t: 1_000 });
    expect(lastAtOrBefore(runs, 8_999)).toEqual({ t: 5_000 });
    expect(lastAtOrBefore(runs, Infinity)).toEqual({ t: 9_000 });
    expect(lastAtOrBefore([], 10)).toBeNull();
  });

  it('moves to the next and previous run, never staying on the one at the play head', () => {
    expect(nextAfter(runs, 0)).toEqual({ t: 1_000 });
    expect(nextAfter(runs, 1_000)).toEqual({ t: 5_000 });
    expect(nextAfter(runs, 9_000)).toBeNull();
    expect(previousBefore(runs, 5_000)).toEqual({ t: 1_000 });
    expect(previousBefore(runs, 5_001)).toEqual({ t: 5_000 });
    expect(previousBefore(runs, 1_000)).toBeNull();
  });

  it('finds the next silence after the play head', () => {
    expect(nextSilenceAfter(silences, 0)).toEqual(silences[0]);
    expect(nextSilenceAfter(silences, 2_000)).toEqual(silences[1]);
    expect(nextSilenceAfter(silences, 3_000)).toEqual(silences[1]);
    expect(nextSilenceAfter(silences, 6_000)).toBeNull();
  });

  it('steps by 5 s inside the session', () => {
    expect(stepBy(3_000, -5_000, 60_000)).toBe(0);
    expect(stepBy(58_000, 5_000, 60_000)).toBe(60_000);
    expect(stepBy(10_000, 5_000, 60_000)).toBe(15_000);
  });
});
