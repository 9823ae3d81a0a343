import { describe, expect, it } from 'vitest';
import { NO_RUN_IDLE, noRunAfterEdit, noRunAfterRun, planCodingDue } from './rules';

const MIN = 60_000;

describe('no-run nudge', () => {
  it('starts the stretch at the first edit and fires once it lasts the threshold', () => {
    let r = noRunAfterEdit(NO_RUN_IDLE, 1_000, 5 * MIN);
    expect(r.state.editingSince).toBe(1_000);
    expect(r.nudgeEditingMs).toBeNull();
    r = noRunAfterEdit(r.state, 1_000 + 4 * MIN, 5 * MIN);
    expect(r.nudgeEditingMs).toBeNull();
    r = noRunAfterEdit(r.state, 1_000 + 5 * MIN, 5 * MIN);
    expect(r.nudgeEditingMs).toBe(5 * MIN);
  });

  it('fires once per stretch, not on every keystroke after it', () => {
    let r = noRunAfterEdit(NO_RUN_IDLE, 0, MIN);
    r = noRunAfterEdit(r.state, MIN, MIN);
    expect(r.nudgeEditingMs).toBe(MIN);
    r = noRunAfterEdit(r.state, MIN + 1_000, MIN);
    expect(r.nudgeEditingMs).toBeNull();
    r = noRunAfterEdit(r.state, 10 * MIN, MIN);
    expect(r.nudgeEditingMs).toBeNull();
  });

  it('a run ends the stretch: the next one starts at the next edit', () => {
    const before = noRunAfterEdit(NO_RUN_IDLE, 0, MIN);
    noRunAfterEdit(before.state, MIN, MIN);
    const state = noRunAfterRun();
    const r = noRunAfterEdit(state, 2 * MIN, MIN);
    expect(r.state.editingSince).toBe(2 * MIN);
    expect(r.nudgeEditingMs).toBeNull();
    expect(noRunAfterEdit(r.state, 3 * MIN, MIN).nudgeEditingMs).toBe(MIN);
  });

  it('a single edit followed by a long pause is not a long stretch of editing', () => {
    const r = noRunAfterEdit(NO_RUN_IDLE, 0, MIN);
    expect(r.nudgeEditingMs).toBeNull();
    expect(r.state.nudged).toBe(false);
  });
});

describe('plan-coding nudge', () => {
  it('fires when code is typed in a plan phase before any edge case is listed', () => {
    expect(planCodingDue({ inPlanPhase: true, codeChanged: () => true, edgeCases: () => 0, nudgedThisPhase: false })).toBe(true);
  });
  it('stays quiet once an edge case is written, outside the plan phase, or after it fired', () => {
    expect(planCodingDue({ inPlanPhase: true, codeChanged: () => true, edgeCases: () => 1, nudgedThisPhase: false })).toBe(false);
    expect(planCodingDue({ inPlanPhase: false, codeChanged: () => true, edgeCases: () => 0, nudgedThisPhase: false })).toBe(false);
    expect(planCodingDue({ inPlanPhase: true, codeChanged: () => true, edgeCases: () => 0, nudgedThisPhase: true })).toBe(false);
  });
  it('stays quiet while only comments are typed (edge cases written in the editor)', () => {
    expect(planCodingDue({ inPlanPhase: true, codeChanged: () => false, edgeCases: () => 0, nudgedThisPhase: false })).toBe(false);
  });
});
