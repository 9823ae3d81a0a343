import { describe, expect, it } from 'vitest';
import { asksFollowUps, currentGoal, findProtocol, isPlanPhase, PROTOCOLS, resolveProtocol, type Protocol } from './protocols';

const ids = (id: string) =>
  findProtocol(id)!
    .phases.map((p, i, all) => (asksFollowUps(all, i) ? p.id : null))
    .filter(Boolean);

describe('asksFollowUps', () => {
  it('is the closing discussion of each built-in protocol', () => {
    expect(ids('coding-45')).toEqual(['review']);
    expect(ids('backend-60')).toEqual(['discuss']);
    expect(ids('coding-75')).toEqual(['discuss']);
    expect(ids('design-45')).toEqual(['deep-dive', 'wrap-up']);
    expect(ids('pairing-120')).toEqual(['wrap-up']);
  });
  it('falls back to the last phase of a protocol without such a phase', () => {
    const phases = [
      { id: 'a', name: 'A', minutes: 1, goal: '' },
      { id: 'b', name: 'B', minutes: 1, goal: '' },
    ];
    expect(asksFollowUps(phases, 0)).toBe(false);
    expect(asksFollowUps(phases, 1)).toBe(true);
    expect(asksFollowUps(phases, 2)).toBe(false);
  });
});

describe('isPlanPhase', () => {
  it('is the first phase of the coding and backend protocols', () => {
    expect(
      findProtocol('coding-45')!
        .phases.filter(isPlanPhase)
        .map((p) => p.id),
    ).toEqual(['plan']);
    expect(
      findProtocol('backend-60')!
        .phases.filter(isPlanPhase)
        .map((p) => p.id),
    ).toEqual(['clarify']);
    expect(
      findProtocol('coding-75')!
        .phases.filter(isPlanPhase)
        .map((p) => p.id),
    ).toEqual(['clarify']);
  });
});

describe('resolveProtocol', () => {
  const custom: Protocol = { id: 'custom-1', name: 'Quick', phases: [{ id: 'plan', name: 'Plan', minutes: 0.1, goal: 'g' }] };
  it('prefers the chosen protocol, built-in or custom', () => {
    expect(resolveProtocol('backend-60', 'coding-45', []).id).toBe('backend-60');
    expect(resolveProtocol('custom-1', 'coding-45', [custom])).toBe(custom);
  });
  it('falls back to the default when the choice is gone, then to the first built-in', () => {
    expect(resolveProtocol('custom-gone', 'design-45', [custom]).id).toBe('design-45');
    expect(resolveProtocol(undefined, 'nope', []).id).toBe(PROTOCOLS[0]!.id);
  });
});

describe('timed steps inside a phase', () => {
  const pairing = findProtocol('pairing-120')!;
  it("add up to their phase's minutes", () => {
    for (const phase of pairing.phases) {
      if (phase.steps) expect(phase.steps.reduce((sum, s) => sum + s.minutes, 0)).toBe(phase.minutes);
    }
  });
  it('show the step the clock is in, and the last one after its time', () => {
    const solo = pairing.phases.find((p) => p.id === 'solo')!;
    expect(currentGoal(solo, 0)).toMatchObject({ step: 1, steps: 5 });
    expect(currentGoal(solo, 5 * 60_000 - 1)).toMatchObject({ step: 1 });
    expect(currentGoal(solo, 5 * 60_000)).toMatchObject({ step: 2, goal: solo.steps![1]!.goal });
    expect(currentGoal(solo, 99 * 60_000)).toMatchObject({ step: 5 });
  });
  it("is the phase's goal when it has no steps", () => {
    const phase = pairing.phases.find((p) => p.id === 'pairing')!;
    expect(currentGoal(phase, 1000)).toEqual({ goal: phase.goal, step: null, steps: 0 });
  });
});
