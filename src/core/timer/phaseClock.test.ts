import { describe, expect, it } from 'vitest';
import { advancePhase, formatClock, isPhaseClockState, pauseClock, readClock, resumeClock, startClock } from './phaseClock';
import { PROTOCOLS, findProtocol, totalMinutes } from './protocols';

const coding = findProtocol('coding-45')!;
const MIN = 60_000;

describe('protocols', () => {
  it('have the minutes of the prep guides', () => {
    expect(coding.phases.map((p) => [p.id, p.minutes])).toEqual([
      ['plan', 5],
      ['code', 35],
      ['review', 5],
    ]);
    expect(findProtocol('backend-60')!.phases.map((p) => p.minutes)).toEqual([5, 30, 10, 5, 10]);
    expect(findProtocol('coding-75')!.phases.map((p) => [p.id, p.minutes])).toEqual([
      ['clarify', 10],
      ['implement', 35],
      ['optimise', 10],
      ['walkthrough', 5],
      ['discuss', 15],
    ]);
    expect(PROTOCOLS.map((p) => [p.id, totalMinutes(p)])).toEqual([
      ['coding-45', 45],
      ['backend-60', 60],
      ['coding-75', 75],
      ['design-45', 45],
      ['pairing-120', 120],
    ]);
  });
});

describe('phase clock', () => {
  it('counts down the first phase from its planned minutes', () => {
    const s = startClock(coding.id, coding.phases, 1_000);
    const r = readClock(s, 1_000 + 61_000);
    expect(r.phase.id).toBe('plan');
    expect(r.remainingMs).toBe(5 * MIN - 61_000);
    expect(r.overtimeMs).toBe(0);
  });

  it('counts overtime up once the plan is spent, without advancing by itself', () => {
    const s = startClock(coding.id, coding.phases, 0);
    const r = readClock(s, 6 * MIN);
    expect(r.phase.id).toBe('plan');
    expect(r.remainingMs).toBe(0);
    expect(r.overtimeMs).toBe(MIN);
  });

  it('freezes while paused and excludes the pause after resuming', () => {
    let s = startClock(coding.id, coding.phases, 0);
    s = pauseClock(s, MIN);
    expect(readClock(s, 10 * MIN).elapsedMs).toBe(MIN);
    expect(readClock(s, 10 * MIN).paused).toBe(true);
    s = resumeClock(s, 10 * MIN);
    expect(readClock(s, 11 * MIN).elapsedMs).toBe(2 * MIN);
  });

  it('pausing twice or resuming a running clock changes nothing', () => {
    const s = startClock(coding.id, coding.phases, 0);
    expect(resumeClock(s, 5)).toBe(s);
    const p = pauseClock(s, 10);
    expect(pauseClock(p, 20)).toBe(p);
  });

  it('records planned vs actual time for each phase and finishes after the last', () => {
    let s = startClock(coding.id, coding.phases, 0);
    s = advancePhase(s, 4 * MIN);
    expect(readClock(s, 4 * MIN).phase.id).toBe('code');
    s = pauseClock(s, 10 * MIN);
    s = advancePhase(s, 20 * MIN); // the pause is not counted as code time
    s = advancePhase(s, 27 * MIN);
    expect(s.finishedAt).toBe(27 * MIN);
    expect(s.completed).toEqual([
      { phaseId: 'plan', plannedMs: 5 * MIN, actualMs: 4 * MIN },
      { phaseId: 'code', plannedMs: 35 * MIN, actualMs: 6 * MIN },
      { phaseId: 'review', plannedMs: 5 * MIN, actualMs: 7 * MIN },
    ]);
    expect(readClock(s, 99 * MIN).elapsedMs).toBe(7 * MIN);
    expect(advancePhase(s, 100 * MIN)).toBe(s);
  });

  it('is exact after a reload: the same stored state reads the same at the same time', () => {
    const s = startClock(coding.id, coding.phases, 123);
    const restored = JSON.parse(JSON.stringify(s));
    expect(isPhaseClockState(restored)).toBe(true);
    expect(readClock(restored, 200_000)).toEqual(readClock(s, 200_000));
  });

  it('rejects stored states that are corrupt', () => {
    const s = startClock(coding.id, coding.phases, 0);
    expect(isPhaseClockState(null)).toBe(false);
    expect(isPhaseClockState({ ...s, phaseIndex: 3 })).toBe(false);
    expect(isPhaseClockState({ ...s, phases: [] })).toBe(false);
    expect(isPhaseClockState({ ...s, pausedAt: 'x' })).toBe(false);
  });

  it('refuses a protocol without phases', () => {
    expect(() => startClock('x', [], 0)).toThrow(/at least one phase/);
  });
});

describe('formatClock', () => {
  it('formats minutes, seconds, hours and a sign', () => {
    expect(formatClock(299_999)).toBe('04:59');
    expect(formatClock(65_000, '+')).toBe('+01:05');
    expect(formatClock(2 * 3600_000 + 5_000)).toBe('2:00:05');
  });
});
