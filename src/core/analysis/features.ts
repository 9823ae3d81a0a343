/**
 * A codebase session's Requirement-2 features: which the candidate chose at Start (`SessionRecord.features`)
 * and which passed, from the last Submit's tests grouped by their top-level describe title (a codebase
 * problem's hidden tests are one group per requirement: `Requirement 1`, then one per feature, titled as the
 * feature; docs/decisions/files-and-languages.md). A group passes by the one rule for solved
 * (core/practice/solved.ts) applied to its tests: the Submit completed and every one of them passed.
 */
import { countsAsSolved } from '../practice/solved';
import { BASELINE_GROUP, type ProblemFeature } from '../problems/types';
import type { RunEvent, SessionEvent, SessionRecord } from '../session/types';

export interface GroupResult {
  /** The top-level describe (TestCase) title: `Requirement 1` or a feature's title. */
  title: string;
  passed: number;
  total: number;
  passing: boolean;
}

export interface SubmitGroups {
  /** When the Submit finished, session time. */
  t: number;
  /** Its tests by group, in the order the groups first appear. */
  groups: GroupResult[];
}

/** The last Submit's tests by group, or null when nothing was submitted. A Submit that logged no tests has no groups. */
export function lastSubmitGroups(events: readonly SessionEvent[]): SubmitGroups | null {
  let last: RunEvent | null = null;
  for (const e of events) if (e.type === 'run' && e.mode === 'submit') last = e;
  if (!last) return null;
  const groups = new Map<string, { passed: number; total: number }>();
  for (const test of last.tests ?? []) {
    const title = test.path[0];
    if (title === undefined) continue;
    const group = groups.get(title) ?? { passed: 0, total: 0 };
    group.total++;
    if (test.status === 'passed') group.passed++;
    groups.set(title, group);
  }
  const outcome = last.outcome;
  return {
    t: last.t,
    groups: [...groups].map(([title, g]) => ({ title, ...g, passing: countsAsSolved({ outcome, ...g }) })),
  };
}

export interface FeatureResult {
  id: string;
  /** The problem's title for it (its id when the problem no longer lists it). */
  title: string;
  /** Its group at the last Submit; null when nothing was submitted or the Submit had no tests of it. */
  group: GroupResult | null;
}

export interface FeatureFacts {
  /** The features chosen at Start, in the problem's order (unknown ids last). */
  attempted: FeatureResult[];
  /** How many of them passed at the last Submit. */
  passing: number;
  /** The baseline requirement's group at the last Submit, when it had one. */
  baseline: GroupResult | null;
  /** Session time of the last Submit; null when nothing was submitted. */
  lastSubmitAt: number | null;
}

/** The session's features against the problem's list; null when the session chose none (or the problem has none). */
export function featureFacts(
  session: Pick<SessionRecord, 'features'>,
  events: readonly SessionEvent[],
  features: readonly ProblemFeature[],
): FeatureFacts | null {
  if (!session.features) return null;
  const chosen = new Set(session.features);
  const known = features.filter((f) => chosen.has(f.id));
  const unknown = session.features.filter((id) => !features.some((f) => f.id === id)).map((id) => ({ id, title: id }));
  const submit = lastSubmitGroups(events);
  const groupOf = (title: string) => submit?.groups.find((g) => g.title === title) ?? null;
  const attempted = [...known, ...unknown].map((f) => ({ id: f.id, title: f.title, group: groupOf(f.title) }));
  return {
    attempted,
    passing: attempted.filter((f) => f.group?.passing).length,
    baseline: groupOf(BASELINE_GROUP),
    lastSubmitAt: submit?.t ?? null,
  };
}
