import { describe, expect, it } from 'vitest';
import { advancePhase, pauseClock, resumeClock, startClock } from '../timer/phaseClock';
import { findProtocol } from '../timer/protocols';
import { clockChange } from './clockEvents';

const coding = findProtocol('coding-45')!;
const started = startClock(coding.id, coding.phases, 1000);

describe('clockChange', () => {
  it('logs the first phase of a new session', () => {
    expect(clockChange(null, started)).toMatchObject({
      events: [{ type: 'phase', phaseId: 'plan', phaseIndex: 0 }],
      timerRunning: true,
      newSession: true,
    });
  });
  it('logs pause and resume, and the timer stops and runs', () => {
    const paused = pauseClock(started, 2000);
    expect(clockChange(started, paused)).toMatchObject({
      events: [{ type: 'pause' }],
      timerRunning: false,
      newSession: false,
      phaseChanged: false,
    });
    expect(clockChange(paused, resumeClock(paused, 3000)).events).toEqual([{ type: 'resume' }]);
  });
  it('logs every phase ended by Finish and finishes once', () => {
    let clock = started;
    for (let i = 0; i < coding.phases.length; i++) clock = advancePhase(clock, 5000);
    const change = clockChange(started, clock);
    expect(change.events.map((e) => e.type)).toEqual(['phase-end', 'phase-end', 'phase-end']);
    expect(change).toMatchObject({ finishedNow: true, timerRunning: false, phaseChanged: true });
    expect(clockChange(clock, clock).finishedNow).toBe(false);
  });
  it('logs the end of one phase and the start of the next', () => {
    const next = advancePhase(started, 61_000);
    expect(clockChange(started, next).events).toEqual([
      { type: 'phase-end', phaseId: 'plan', phaseIndex: 0, plannedMs: 5 * 60_000, actualMs: 60_000 },
      { type: 'phase', phaseId: 'code', phaseIndex: 1 },
    ]);
  });
});
