import { describe, expect, it } from 'vitest';
import { detectBoundary, type ClockObservation } from './boundaries';
import { advancePhase, readClock, startClock, type PhaseClockState } from './phaseClock';
import { findProtocol } from './protocols';

const coding = findProtocol('coding-45')!;
const MIN = 60_000;
const seen = (state: PhaseClockState, now: number): ClockObservation => ({ startedAt: state.startedAt, reading: readClock(state, now) });

describe('detectBoundary', () => {
  it('announces nothing when the page opens mid-phase', () => {
    const s = startClock(coding.id, coding.phases, 0);
    expect(detectBoundary(null, seen(s, 6 * MIN))).toBeNull();
  });

  it('announces the first phase when a session starts, and again on Start again', () => {
    const s = startClock(coding.id, coding.phases, 0);
    expect(detectBoundary('no-clock', seen(s, 10))).toEqual({ kind: 'phase-started', phaseIndex: 0 });
    let done = s;
    while (done.finishedAt === null) done = advancePhase(done, MIN);
    const again = startClock(coding.id, coding.phases, 2 * MIN);
    expect(detectBoundary(seen(done, 2 * MIN), seen(again, 2 * MIN))).toEqual({ kind: 'phase-started', phaseIndex: 0 });
  });

  it('announces the moment the planned time runs out, once', () => {
    const s = startClock(coding.id, coding.phases, 0);
    expect(detectBoundary(seen(s, 4 * MIN), seen(s, 5 * MIN - 1))).toBeNull();
    expect(detectBoundary(seen(s, 5 * MIN - 1), seen(s, 5 * MIN + 250))).toEqual({ kind: 'time-up', phaseIndex: 0 });
    expect(detectBoundary(seen(s, 5 * MIN + 250), seen(s, 5 * MIN + 500))).toBeNull();
  });

  it('announces a phase change and the end of the last phase', () => {
    const s = startClock(coding.id, coding.phases, 0);
    const next = advancePhase(s, MIN);
    expect(detectBoundary(seen(s, MIN), seen(next, MIN))).toEqual({ kind: 'phase-started', phaseIndex: 1 });
    let done = next;
    while (done.finishedAt === null) done = advancePhase(done, 2 * MIN);
    expect(detectBoundary(seen(next, 2 * MIN), seen(done, 2 * MIN))).toEqual({ kind: 'finished' });
    expect(detectBoundary(seen(done, 2 * MIN), seen(done, 3 * MIN))).toBeNull();
  });

  it('says nothing when the session goes away', () => {
    const s = startClock(coding.id, coding.phases, 0);
    expect(detectBoundary(seen(s, 0), 'no-clock')).toBeNull();
  });
});
