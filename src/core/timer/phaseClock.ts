/**
 * The phase timer as pure functions over timestamps. Nothing ticks: the state records when things
 * happened, and `readClock(state, now)` derives what to show. That is why the timer is exact after a
 * reload or while a tab sleeps in the background.
 */
import type { PhasePlan } from './protocols';

export interface PhaseRecord {
  phaseId: string;
  plannedMs: number;
  /** Active (unpaused) time actually spent, ms. */
  actualMs: number;
}

export interface PhaseClockState {
  protocolId: string;
  phases: PhasePlan[];
  phaseIndex: number;
  /** Epoch ms when the current phase began. */
  phaseStartedAt: number;
  /** Paused time accumulated in the current phase, ms. */
  pausedMsInPhase: number;
  /** Epoch ms of the pause in progress, or null while running. */
  pausedAt: number | null;
  startedAt: number;
  /** Set when the last phase was ended; the clock is then frozen. */
  finishedAt: number | null;
  /** Planned vs actual time of every phase already ended. */
  completed: PhaseRecord[];
}

export interface ClockReading {
  phase: PhasePlan;
  phaseIndex: number;
  phaseCount: number;
  elapsedMs: number;
  remainingMs: number;
  overtimeMs: number;
  paused: boolean;
  finished: boolean;
  isLastPhase: boolean;
}

export function startClock(protocolId: string, phases: PhasePlan[], now: number): PhaseClockState {
  if (phases.length === 0) throw new Error('A protocol needs at least one phase');
  return {
    protocolId,
    phases: phases.map((p) => ({ ...p })),
    phaseIndex: 0,
    phaseStartedAt: now,
    pausedMsInPhase: 0,
    pausedAt: null,
    startedAt: now,
    finishedAt: null,
    completed: [],
  };
}

/** Active time in the current phase: wall time since it began, minus pauses, frozen while paused or finished. */
export function activeMsInPhase(state: PhaseClockState, now: number): number {
  const end = state.finishedAt ?? state.pausedAt ?? now;
  return Math.max(0, end - state.phaseStartedAt - state.pausedMsInPhase);
}

export function readClock(state: PhaseClockState, now: number): ClockReading {
  const phase = state.phases[state.phaseIndex]!;
  const plannedMs = phase.minutes * 60_000;
  const elapsedMs = activeMsInPhase(state, now);
  return {
    phase,
    phaseIndex: state.phaseIndex,
    phaseCount: state.phases.length,
    elapsedMs,
    remainingMs: Math.max(0, plannedMs - elapsedMs),
    overtimeMs: Math.max(0, elapsedMs - plannedMs),
    paused: state.pausedAt !== null,
    finished: state.finishedAt !== null,
    isLastPhase: state.phaseIndex === state.phases.length - 1,
  };
}

export function pauseClock(state: PhaseClockState, now: number): PhaseClockState {
  if (state.pausedAt !== null || state.finishedAt !== null) return state;
  return { ...state, pausedAt: now };
}

export function resumeClock(state: PhaseClockState, now: number): PhaseClockState {
  if (state.pausedAt === null) return state;
  return { ...state, pausedAt: null, pausedMsInPhase: state.pausedMsInPhase + Math.max(0, now - state.pausedAt) };
}

/** Ends the current phase (recording planned vs actual) and starts the next; after the last, finishes. */
export function advancePhase(state: PhaseClockState, now: number): PhaseClockState {
  if (state.finishedAt !== null) return state;
  const running = resumeClock(state, now);
  const phase = running.phases[running.phaseIndex]!;
  const record: PhaseRecord = {
    phaseId: phase.id,
    plannedMs: phase.minutes * 60_000,
    actualMs: activeMsInPhase(running, now),
  };
  const completed = [...running.completed, record];
  if (running.phaseIndex === running.phases.length - 1) {
    return { ...running, completed, finishedAt: now };
  }
  return { ...running, completed, phaseIndex: running.phaseIndex + 1, phaseStartedAt: now, pausedMsInPhase: 0 };
}

/** "04:59" for remaining time, "+01:05" for overtime; hours appear only when needed. */
export function formatClock(ms: number, sign = ''): string {
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${sign}${hours}:${mm}:${ss}` : `${sign}${mm}:${ss}`;
}

/** Shape check for a clock read back from storage (it may come from an older version or be corrupt). */
export function isPhaseClockState(value: unknown): value is PhaseClockState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.protocolId === 'string' &&
    Array.isArray(v.phases) &&
    v.phases.length > 0 &&
    v.phases.every(isPhasePlan) &&
    Number.isInteger(v.phaseIndex) &&
    (v.phaseIndex as number) >= 0 &&
    (v.phaseIndex as number) < v.phases.length &&
    typeof v.phaseStartedAt === 'number' &&
    typeof v.pausedMsInPhase === 'number' &&
    (v.pausedAt === null || typeof v.pausedAt === 'number') &&
    typeof v.startedAt === 'number' &&
    (v.finishedAt === null || typeof v.finishedAt === 'number') &&
    Array.isArray(v.completed)
  );
}

function isPhasePlan(value: unknown): value is PhasePlan {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' && typeof v.name === 'string' && typeof v.minutes === 'number' && v.minutes > 0 && typeof v.goal === 'string'
  );
}
