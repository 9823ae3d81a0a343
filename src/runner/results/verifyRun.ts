/**
 * Checks what a run says about the problem's tests against the tests the build knows the problem has
 * (testManifest.ts). Pure, so every rule is unit-tested.
 *
 * A run counts only if:
 *  - the plan (the tests mocha announced) is exactly the manifest's tests: same count, same titles under
 *    the same describe path, each once;
 *  - every result names a planned test by its index, with that test's title and path; no test passes twice;
 *  - when the group finished, every planned test reported a result, unless a failing hook explains the
 *    missing ones (mocha skips the rest of a describe block after a failing hook; that run is failing);
 *  - no planned test reports as skipped (the manifest lists it as one that runs), and every other skipped
 *    test is one the manifest declares skipped, each once: only the problem's file may skip its tests.
 * Otherwise the reason is returned, phrased for the candidate ("Not counted: …").
 */

import { stageOfTest } from '../../core/problems/stages';
import type { PlannedTest } from '../sandbox/protocol';
import { testKey, type ExpectedTest, type ExpectedTests } from '../testManifest';
import { testsNamed } from './startFailure';

export interface ProblemGroupReport {
  index: number;
  title: string;
  path: readonly string[];
  state: 'passed' | 'failed' | 'skipped';
}

export interface ProblemGroupFacts {
  /** The problem group's `started` plan; null if none arrived. */
  plan: readonly PlannedTest[] | null;
  /** How many times the problem group announced a plan (more than once is never mocha). */
  plans: number;
  /** Every test-end of the problem group with index ≥ 0, in order. */
  reports: readonly ProblemGroupReport[];
  /** A hook of the problem group failed (index −1 test-end). */
  hookFailed: boolean;
  /** The problem group's `done` arrived. */
  finished: boolean;
}

export function verifyProblemGroup(expected: ExpectedTests, facts: ProblemGroupFacts): string | null {
  const what = testsNamed(expected.file);
  if (facts.plans > 1) return `Not counted: ${what} were started more than once.`;
  const plan = facts.plan;
  if (!plan) return facts.finished ? `Not counted: ${what} finished without saying which tests they would run.` : null;

  const planProblem = comparePlan(expected.tests, plan, what);
  if (planProblem) return planProblem;

  const passed = new Set<number>();
  const reported = new Set<number>();
  const declaredSkips = new Map<string, number>();
  for (const t of expected.skipped ?? []) declaredSkips.set(testKey(t), (declaredSkips.get(testKey(t)) ?? 0) + 1);
  for (const r of facts.reports) {
    if (r.state === 'skipped' && r.index < 0) {
      const key = testKey({ path: [...r.path], title: r.title });
      const left = declaredSkips.get(key) ?? 0;
      if (left === 0) return `Not counted: “${fullTitle(r)}” was skipped, but ${what} do not skip it.`;
      declaredSkips.set(key, left - 1);
      continue;
    }
    const planned = plan[r.index];
    if (!planned || planned.title !== r.title || !samePath(planned.path, r.path)) {
      return `Not counted: a result arrived for “${r.title}”, which is not test ${r.index + 1} of ${what}.`;
    }
    if (r.state === 'skipped') return `Not counted: “${fullTitle(r)}” was skipped while ${what} ran; it is one they must run.`;
    if (r.state === 'passed') {
      if (passed.has(r.index)) return `Not counted: “${r.title}” was reported as passing twice.`;
      passed.add(r.index);
    }
    reported.add(r.index);
  }
  if (facts.finished && !facts.hookFailed && reported.size < plan.length) {
    const missing = plan.length - reported.size;
    return `Not counted: ${what} finished, but ${missing} of their ${plan.length} tests never reported a result.`;
  }
  return null;
}

function comparePlan(expected: readonly ExpectedTest[], plan: readonly PlannedTest[], what: string): string | null {
  const indicesOk = plan.every((t, i) => t.index === i);
  if (!indicesOk) return `Not counted: ${what} were announced out of order.`;
  if (plan.length !== expected.length) {
    return `Not counted: ${what} reported ${plural(plan.length, 'test')}, expected ${expected.length}.${stageDetail(expected, plan)}`;
  }
  const remaining = new Map<string, number>();
  for (const t of expected) remaining.set(testKey(t), (remaining.get(testKey(t)) ?? 0) + 1);
  for (const t of plan) {
    const key = testKey(t);
    const left = remaining.get(key) ?? 0;
    if (left === 0) return `Not counted: “${fullTitle(t)}” ran, but it is not one of ${what}.`;
    remaining.set(key, left - 1);
  }
  return null;
}

/** For staged problems: how many of each stage's tests were announced ("Stage 2: 0 of 8"). */
function stageDetail(expected: readonly ExpectedTest[], plan: readonly PlannedTest[]): string {
  const stages = new Map<number, { expected: number; planned: number }>();
  for (const t of expected) {
    const s = stageOfTest(t);
    if (s === null) return '';
    const entry = stages.get(s) ?? { expected: 0, planned: 0 };
    entry.expected++;
    stages.set(s, entry);
  }
  for (const t of plan) {
    const entry = stages.get(stageOfTest(t) ?? 0);
    if (entry) entry.planned++;
  }
  const parts = [...stages.entries()].sort(([a], [b]) => a - b).map(([s, c]) => `Stage ${s}: ${c.planned} of ${c.expected}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function fullTitle(t: { path: readonly string[]; title: string }): string {
  return [...t.path, t.title].join(' › ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
