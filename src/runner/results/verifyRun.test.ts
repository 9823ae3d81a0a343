import { describe, expect, it } from 'vitest';
import type { PlannedTest } from '../sandbox/protocol';
import type { ExpectedTests } from '../testManifest';
import { verifyProblemGroup, type ProblemGroupFacts, type ProblemGroupReport } from './verifyRun';

const expected = (tests: Array<[string[], string]>, file: ExpectedTests['file'] = 'hidden.test.ts'): ExpectedTests => ({
  problemId: 'p',
  file,
  tests: tests.map(([path, title]) => ({ path, title })),
});
const KNOWN = expected([
  [['S'], 'a'],
  [['S'], 'b'],
  [['S', 'inner'], 'c'],
]);
const planOf = (e: ExpectedTests): PlannedTest[] => e.tests.map((t, index) => ({ index, ...t }));
const report = (p: PlannedTest, state: ProblemGroupReport['state'] = 'passed'): ProblemGroupReport => ({
  index: p.index,
  title: p.title,
  path: p.path,
  state,
});

function facts(over: Partial<ProblemGroupFacts>): ProblemGroupFacts {
  const plan = planOf(KNOWN);
  return { plan, plans: 1, reports: plan.map((p) => report(p)), hookFailed: false, finished: true, ...over };
}

describe('verifyProblemGroup', () => {
  it('accepts a run that announced and reported exactly the known tests', () => {
    expect(verifyProblemGroup(KNOWN, facts({}))).toBeNull();
    // Failures are fine: they are the verdict, not a forgery.
    expect(verifyProblemGroup(KNOWN, facts({ reports: planOf(KNOWN).map((p) => report(p, 'failed')) }))).toBeNull();
  });

  it('refuses a plan with fewer, more or other tests, naming what is wrong', () => {
    const plan = planOf(KNOWN);
    expect(verifyProblemGroup(KNOWN, facts({ plan: [{ index: 0, title: 'my own quick check', path: [] }], reports: [] }))).toBe(
      'Not counted: the hidden tests reported 1 test, expected 3.',
    );
    expect(verifyProblemGroup(KNOWN, facts({ plan: [...plan, { index: 3, title: 'extra', path: ['S'] }] }))).toMatch(
      /reported 4 tests, expected 3/,
    );
    const renamed = plan.map((p) => (p.index === 2 ? { ...p, title: 'not c' } : p));
    expect(verifyProblemGroup(KNOWN, facts({ plan: renamed }))).toBe(
      'Not counted: “S › inner › not c” ran, but it is not one of the hidden tests.',
    );
    const moved = plan.map((p) => (p.index === 2 ? { ...p, path: ['S'] } : p));
    expect(verifyProblemGroup(KNOWN, facts({ plan: moved }))).toMatch(/“S › c” ran, but it is not one of/);
    const twiceA = plan.map((p) => (p.index === 1 ? { ...p, title: 'a' } : p));
    expect(verifyProblemGroup(KNOWN, facts({ plan: twiceA }))).toMatch(/“S › a” ran, but it is not one of/);
    expect(verifyProblemGroup(expected([[['S'], 'a']], 'examples.test.ts'), facts({ plan: [], reports: [] }))).toBe(
      'Not counted: the example tests reported 0 tests, expected 1.',
    );
  });

  it('gives the count per stage for staged problems', () => {
    const staged = expected([
      [['Stage 1: basics'], 'a'],
      [['Stage 1: basics'], 'b'],
      [['Stage 2: more'], 'c'],
    ]);
    const plan: PlannedTest[] = [{ index: 0, title: 'a', path: ['Stage 1: basics'] }];
    expect(verifyProblemGroup(staged, facts({ plan, reports: [] }))).toBe(
      'Not counted: the hidden tests reported 1 test, expected 3. (Stage 1: 1 of 2, Stage 2: 0 of 1)',
    );
  });

  it('refuses results that do not belong to the plan, passes reported twice, a second plan, or indices out of order', () => {
    const plan = planOf(KNOWN);
    const forged = { index: 0, title: 'b', path: ['S'], state: 'passed' as const };
    expect(verifyProblemGroup(KNOWN, facts({ reports: [forged] }))).toBe(
      'Not counted: a result arrived for “b”, which is not test 1 of the hidden tests.',
    );
    expect(verifyProblemGroup(KNOWN, facts({ reports: [{ ...report(plan[0]!), index: 7 }] }))).toMatch(/not test 8/);
    expect(verifyProblemGroup(KNOWN, facts({ reports: [...plan.map((p) => report(p)), report(plan[0]!)] }))).toBe(
      'Not counted: “a” was reported as passing twice.',
    );
    // mocha's own double report (a pass, then "done() called multiple times") is a failure, not a forgery.
    expect(verifyProblemGroup(KNOWN, facts({ reports: [...plan.map((p) => report(p)), report(plan[0]!, 'failed')] }))).toBeNull();
    expect(verifyProblemGroup(KNOWN, facts({ plans: 2 }))).toBe('Not counted: the hidden tests were started more than once.');
    expect(verifyProblemGroup(KNOWN, facts({ plan: plan.map((p) => ({ ...p, index: 0 })) }))).toMatch(/out of order/);
  });

  it('refuses a finished group with results missing, unless a failing hook explains them', () => {
    const plan = planOf(KNOWN);
    const some = [report(plan[0]!)];
    expect(verifyProblemGroup(KNOWN, facts({ reports: some }))).toBe(
      'Not counted: the hidden tests finished, but 2 of their 3 tests never reported a result.',
    );
    expect(verifyProblemGroup(KNOWN, facts({ reports: some, hookFailed: true }))).toBeNull();
    // Not finished (a time-out, a crash): the outcome already says so; nothing to refuse yet.
    expect(verifyProblemGroup(KNOWN, facts({ reports: some, finished: false }))).toBeNull();
    expect(verifyProblemGroup(KNOWN, facts({ plan: null, plans: 0, reports: [], finished: false }))).toBeNull();
    expect(verifyProblemGroup(KNOWN, facts({ plan: null, plans: 0, reports: [], finished: true }))).toMatch(/without saying which tests/);
  });

  it('refuses any skip of a test the manifest says must run, whoever caused it, even with every other test passing', () => {
    const plan = planOf(KNOWN);
    const skippedB = plan.map((p) => report(p, p.index === 1 ? 'skipped' : 'passed'));
    expect(verifyProblemGroup(KNOWN, facts({ reports: skippedB }))).toBe(
      'Not counted: “S › b” was skipped while the hidden tests ran; it is one they must run.',
    );
    // Also when a failing hook would otherwise excuse a gap.
    expect(verifyProblemGroup(KNOWN, facts({ reports: skippedB, hookFailed: true }))).toMatch(/was skipped while/);
  });

  it('accepts a skip outside the plan only when the manifest declares the file skips that test, once', () => {
    const plan = planOf(KNOWN);
    const outside: ProblemGroupReport = { index: -1, title: 'later', path: ['S'], state: 'skipped' };
    const all = [...plan.map((p) => report(p)), outside];
    expect(verifyProblemGroup(KNOWN, facts({ reports: all }))).toBe(
      'Not counted: “S › later” was skipped, but the hidden tests do not skip it.',
    );
    const declaring: ExpectedTests = { ...KNOWN, skipped: [{ path: ['S'], title: 'later' }] };
    expect(verifyProblemGroup(declaring, facts({ reports: all }))).toBeNull();
    expect(verifyProblemGroup(declaring, facts({ reports: [...all, outside] }))).toMatch(/“S › later” was skipped, but/);
    expect(verifyProblemGroup(declaring, facts({ reports: [...all, { ...outside, path: ['T'] }] }))).toMatch(/“T › later” was skipped/);
  });
});
