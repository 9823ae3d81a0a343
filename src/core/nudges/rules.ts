/**
 * When to nudge the candidate while they code, as pure rules over what happened. The workspace feeds
 * them its edits, runs and phase changes; each rule fires once per situation, never on every keystroke.
 *
 * - no-run: they have been editing for N minutes (first edit since the last Run/Submit to the latest
 *   edit) without running anything: "test what you just wrote". Again only after the next run.
 * - plan-coding: in a plan phase, a line of code (not a comment) was typed while no edge case is written
 *   down yet, neither as a plan-note list item nor as a comment above the code. Once per phase.
 */

export interface NoRunState {
  /** Epoch ms of the first code edit since the last run (or since the session started), or null. */
  editingSince: number | null;
  /** Already nudged in this stretch of editing. */
  nudged: boolean;
}

export const NO_RUN_IDLE: NoRunState = { editingSince: null, nudged: false };

/** A code edit at `now`: returns the new state and, when the nudge is due, how long they have been editing. */
export function noRunAfterEdit(state: NoRunState, now: number, thresholdMs: number): { state: NoRunState; nudgeEditingMs: number | null } {
  const editingSince = state.editingSince ?? now;
  const editingMs = now - editingSince;
  if (!state.nudged && editingMs >= thresholdMs) return { state: { editingSince, nudged: true }, nudgeEditingMs: editingMs };
  return { state: { editingSince, nudged: state.nudged }, nudgeEditingMs: null };
}

/** A Run or Submit: the stretch of editing ends. */
export function noRunAfterRun(): NoRunState {
  return NO_RUN_IDLE;
}

export interface PlanCodingInput {
  inPlanPhase: boolean;
  /**
   * Whether the edit changed code rather than comments, and the edge cases written down right now
   * (core/analysis/edgeCases.ts). Functions, because both scan text on every keystroke: the rule calls
   * them only when the phase and the once-per-phase checks pass.
   */
  codeChanged: () => boolean;
  edgeCases: () => number;
  /** Already nudged in this phase. */
  nudgedThisPhase: boolean;
}

export function planCodingDue(input: PlanCodingInput): boolean {
  return input.inPlanPhase && !input.nudgedThisPhase && input.codeChanged() && input.edgeCases() === 0;
}
