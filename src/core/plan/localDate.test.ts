import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, describeDue, describePastDay, isLocalDate, localDateAt } from './localDate';

describe('local calendar dates', () => {
  it('reads the date in the given zone, east or west of UTC', () => {
    const instant = Date.UTC(2026, 11, 7, 23, 30); // 23:30 UTC on 7 December
    expect(localDateAt(instant, 0)).toBe('2026-12-07');
    expect(localDateAt(instant, 60)).toBe('2026-12-08'); // Paris: 00:30 on the 8th
    expect(localDateAt(instant, -300)).toBe('2026-12-07'); // New York: 18:30 on the 7th
  });

  it('adds days across months, years and DST changes without drifting', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // the European clock change weekend
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-07', '2026-12-12')).toBe(5);
    expect(daysBetween('2026-12-12', '2026-12-07')).toBe(-5);
  });

  it('accepts only real dates', () => {
    expect(isLocalDate('2026-12-07')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2026-12-7')).toBe(false);
    expect(isLocalDate(20261207)).toBe(false);
  });

  it('says when in words', () => {
    expect(describeDue('2026-12-07', '2026-12-07')).toBe('due today');
    expect(describeDue('2026-12-10', '2026-12-07')).toBe('due in 3 days');
    expect(describeDue('2026-12-08', '2026-12-07')).toBe('due tomorrow');
    expect(describeDue('2026-12-05', '2026-12-07')).toBe('overdue by 2 days');
    expect(describePastDay('2026-12-08', '2026-12-10')).toBe('on Tuesday');
    expect(describePastDay('2026-12-09', '2026-12-10')).toBe('yesterday');
  });
});
