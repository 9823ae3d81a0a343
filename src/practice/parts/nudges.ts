/**
 * The coding nudges (editing a long stretch without running; typing code in the plan phase before any edge
 * case is written down) and the interview settings that switch them. Tracking nothing renders stays out of
 * the store, so it never causes a re-render.
 */
import { commentSyntaxOfPath, countEdgeCases, typedCode } from '../../core/analysis/edgeCases';
import { countListItems } from '../../core/analysis/planNotes';
import { NO_RUN_IDLE, noRunAfterEdit, noRunAfterRun, planCodingDue, type NoRunState } from '../../core/nudges/rules';
import { isPlanPhase } from '../../core/timer/protocols';
import type { InterviewSettings } from '../../core/records/types';
import { isRunning } from '../state';
import type { EngineCore } from './core';

export class Nudges {
  private noRun: NoRunState = NO_RUN_IDLE;
  /** "<session start>:<phase index>" of the plan phase already nudged in. */
  private planNudgedIn: string | null = null;

  constructor(private readonly core: EngineCore) {}

  /** A new session or attempt: nothing nudged yet. */
  reset(): void {
    this.noRun = NO_RUN_IDLE;
    this.planNudgedIn = null;
  }

  /** A run finished: the no-run stretch starts again. */
  ran(): void {
    this.noRun = noRunAfterRun();
    if (this.core.state.nudge?.kind === 'no-run') this.core.set({ nudge: null });
  }

  /**
   * The file at `path` changed from `before` to `after` (`starter`: its text as received). Comments are read
   * in the file's own language; a file of no language (a README) is never code typed.
   */
  codeEdited(path: string, before: string, after: string, starter: string): void {
    const { clock, settings, notes, problem } = this.core.state;
    if (!isRunning(clock) || !problem) return;
    const now = this.core.now();
    if (settings.noRunNudge) {
      const result = noRunAfterEdit(this.noRun, now, settings.noRunMinutes * 60_000);
      this.noRun = result.state;
      if (result.nudgeEditingMs !== null) {
        this.core.recorder.log({ type: 'nudge', kind: 'no-run', editingMs: Math.round(result.nudgeEditingMs) });
        this.core.set({ nudge: { kind: 'no-run', editingMs: result.nudgeEditingMs } });
      }
    }
    const syntax = commentSyntaxOfPath(path);
    if (!settings.planCodingNudge || !syntax) return;
    const phaseKey = `${clock.startedAt}:${clock.phaseIndex}`;
    const due = planCodingDue({
      inPlanPhase: isPlanPhase(clock.phases[clock.phaseIndex]!),
      nudgedThisPhase: this.planNudgedIn === phaseKey,
      codeChanged: () => typedCode(before, after, syntax),
      edgeCases: () => countEdgeCases({ notes, code: after, starter, syntax }),
    });
    if (due) {
      this.planNudgedIn = phaseKey;
      this.core.recorder.log({ type: 'nudge', kind: 'plan-coding' });
      this.core.set({ nudge: { kind: 'plan-coding' } });
    }
  }

  /** The plan notes changed: a first edge case written down answers the plan-coding nudge. */
  notesEdited(notes: string): void {
    if (this.core.state.nudge?.kind === 'plan-coding' && countListItems(notes) > 0) this.core.set({ nudge: null });
  }

  dismiss(): void {
    this.core.set({ nudge: null });
  }

  updateSettings(patch: Partial<InterviewSettings>): void {
    const settings = { ...this.core.state.settings, ...patch };
    this.core.set({ settings });
    this.core.storage.saveSettings(settings);
    if (patch.silenceNudge !== undefined) this.core.recorder.setSilenceNudgeEnabled(patch.silenceNudge);
    const nudge = this.core.state.nudge;
    if (nudge?.kind === 'no-run' && !settings.noRunNudge) this.core.set({ nudge: null });
    if (nudge?.kind === 'plan-coding' && !settings.planCodingNudge) this.core.set({ nudge: null });
  }
}
