/**
 * The coding nudges (no-run, plan-coding) during a session: the workspace reports edits, runs, notes and
 * clock changes; the pure rules (core/nudges/rules.ts) decide; a shown nudge is logged once and stays
 * until dismissed or no longer true (a Run, an edge case written, the next phase). The silence nudge
 * lives in the recorder, which hears the microphone.
 */
import { create } from 'zustand';
import { countListItems } from '../../core/analysis/planNotes';
import { NO_RUN_IDLE, noRunAfterEdit, noRunAfterRun, planCodingDue, type NoRunState } from '../../core/nudges/rules';
import type { PhaseClockState } from '../../core/timer/phaseClock';
import { isPlanPhase } from '../../core/timer/protocols';
import { recorder } from '../../recorder';
import { useInterviewSettings } from './interviewSettings';

export type CodingNudge = { kind: 'no-run'; editingMs: number } | { kind: 'plan-coding' };

interface NudgeState {
  shown: CodingNudge | null;
  codeEdited(input: { now: number; clock: PhaseClockState | null; notes: string }): void;
  ran(): void;
  notesChanged(notes: string): void;
  clockChanged(previous: PhaseClockState | null, clock: PhaseClockState): void;
  dismiss(): void;
}

// Tracking that no component renders: kept outside the store so it never triggers a re-render.
let noRun: NoRunState = NO_RUN_IDLE;
/** "<session start>:<phase index>" of the plan phase already nudged in. */
let planNudgedIn: string | null = null;

const isRunning = (clock: PhaseClockState | null): clock is PhaseClockState => !!clock && clock.pausedAt === null && clock.finishedAt === null;

export const useNudges = create<NudgeState>()((set, get) => ({
  shown: null,

  codeEdited({ now, clock, notes }) {
    if (!isRunning(clock)) return;
    const settings = useInterviewSettings.getState();
    if (settings.noRunNudge) {
      const result = noRunAfterEdit(noRun, now, settings.noRunMinutes * 60_000);
      noRun = result.state;
      if (result.nudgeEditingMs !== null) {
        recorder.log({ type: 'nudge', kind: 'no-run', editingMs: Math.round(result.nudgeEditingMs) });
        set({ shown: { kind: 'no-run', editingMs: result.nudgeEditingMs } });
      }
    }
    if (!settings.planCodingNudge) return;
    const phaseKey = `${clock.startedAt}:${clock.phaseIndex}`;
    const due = planCodingDue({
      inPlanPhase: isPlanPhase(clock.phases[clock.phaseIndex]!),
      notesListItems: () => countListItems(notes),
      nudgedThisPhase: planNudgedIn === phaseKey,
    });
    if (due) {
      planNudgedIn = phaseKey;
      recorder.log({ type: 'nudge', kind: 'plan-coding' });
      set({ shown: { kind: 'plan-coding' } });
    }
  },

  ran() {
    noRun = noRunAfterRun();
    if (get().shown?.kind === 'no-run') set({ shown: null });
  },

  notesChanged(notes) {
    if (get().shown?.kind === 'plan-coding' && countListItems(notes) > 0) set({ shown: null });
  },

  clockChanged(previous, clock) {
    const newSession = previous?.startedAt !== clock.startedAt;
    if (newSession) {
      noRun = NO_RUN_IDLE;
      planNudgedIn = null;
    }
    const phaseChanged = newSession || previous?.phaseIndex !== clock.phaseIndex || clock.finishedAt !== null;
    if (phaseChanged && get().shown?.kind === 'plan-coding') set({ shown: null });
    if (clock.finishedAt !== null && get().shown) set({ shown: null });
  },

  dismiss() {
    set({ shown: null });
  },
}));
