/**
 * A codebase problem's results, grouped as its statement is (docs/decisions/files-and-languages.md): every
 * top-level describe title of its hidden tests is one group, `Requirement 1` or the title of one of its
 * features. Each feature is judged on its own, so a Submit reads e.g. "Requirement 1: 12/12 · Typing
 * indicator: 5/5 · Read receipts: 0/6 (not started)". Pure, like stages.ts's `summariseStages`.
 */
import { BASELINE_GROUP, type ProblemFeature } from './types';
import type { StagedTest } from './stages';

export interface GroupSummary {
  /** `Requirement 1`, a feature's title, or OTHER_GROUP for tests outside every group. */
  title: string;
  /** The feature's id; null for the baseline requirement and the other tests. */
  featureId: string | null;
  passed: number;
  total: number;
  /** The candidate chose this feature for the session. */
  chosen: boolean;
  /** A feature the candidate did not choose and that no test passes: not attempted, rather than failing. */
  notStarted: boolean;
}

/** Tests whose top-level title is no group (a problem's helper suites, or none at all). */
export const OTHER_GROUP = 'Other tests';

/**
 * The baseline first, then every feature in the statement's order (a feature with no test in this run is
 * left out), then the other tests if there are any.
 */
export function summariseFeatureGroups(
  tests: readonly StagedTest[],
  features: readonly ProblemFeature[],
  chosen: readonly string[],
): GroupSummary[] {
  const groups: GroupSummary[] = [
    { title: BASELINE_GROUP, featureId: null, passed: 0, total: 0, chosen: false, notStarted: false },
    ...features.map((f) => ({ title: f.title, featureId: f.id, passed: 0, total: 0, chosen: chosen.includes(f.id), notStarted: false })),
  ];
  const other: GroupSummary = { title: OTHER_GROUP, featureId: null, passed: 0, total: 0, chosen: false, notStarted: false };
  for (const test of tests) {
    const group = groups.find((g) => g.title === test.path[0]) ?? other;
    group.total += 1;
    if (test.status === 'passed') group.passed += 1;
  }
  for (const g of groups) g.notStarted = g.featureId !== null && !g.chosen && g.passed === 0;
  return [...groups.filter((g) => g.total > 0), ...(other.total > 0 ? [other] : [])];
}

/** One group as the results line reads it: "Typing indicator: 5/5", "Read receipts: 0/6 (not started)". */
export function groupLabel(group: GroupSummary): string {
  return `${group.title}: ${group.passed}/${group.total}${group.notStarted ? ' (not started)' : ''}`;
}
