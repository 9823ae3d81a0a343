import { describe, expect, it } from 'vitest';
import { groupLabel, OTHER_GROUP, summariseFeatureGroups } from './featureGroups';

const FEATURES = [
  { id: 'typing', title: 'Typing indicator' },
  { id: 'presence', title: 'Presence' },
  { id: 'read-receipts', title: 'Read receipts' },
];

const test = (group: string, status: 'passed' | 'failed', inner: string[] = []) => ({ path: [group, ...inner], status });
const times = <T>(n: number, make: () => T): T[] => Array.from({ length: n }, make);

describe('summariseFeatureGroups', () => {
  it('counts each group by the top-level title, the baseline first and the features in the statement’s order', () => {
    const tests = [
      ...times(3, () => test('Read receipts', 'failed')),
      ...times(12, () => test('Requirement 1', 'passed', ['send'])),
      ...times(5, () => test('Typing indicator', 'passed')),
      test('Typing indicator', 'failed'),
    ];
    const groups = summariseFeatureGroups(tests, FEATURES, ['typing']);
    expect(groups.map(groupLabel)).toEqual(['Requirement 1: 12/12', 'Typing indicator: 5/6', 'Read receipts: 0/3 (not started)']);
    expect(groups.map((g) => g.chosen)).toEqual([false, true, false]);
    expect(groups.map((g) => g.featureId)).toEqual([null, 'typing', 'read-receipts']);
  });

  it('a feature not chosen is "not started" only while none of its tests passes', () => {
    const tests = [test('Presence', 'passed'), test('Presence', 'failed'), test('Read receipts', 'failed')];
    const groups = summariseFeatureGroups(tests, FEATURES, []);
    expect(groups.map(groupLabel)).toEqual(['Presence: 1/2', 'Read receipts: 0/1 (not started)']);
  });

  it('a chosen feature that passes nothing is failing, not "not started"', () => {
    const [group] = summariseFeatureGroups([test('Presence', 'failed')], FEATURES, ['presence']);
    expect(group).toMatchObject({ title: 'Presence', passed: 0, total: 1, chosen: true, notStarted: false });
    expect(groupLabel(group!)).toBe('Presence: 0/1');
  });

  it('puts tests outside every group last, and leaves out groups with no test in the run', () => {
    const tests = [test('Requirement 1 (examples)', 'passed'), test('Requirement 1', 'failed'), { path: [], status: 'passed' }];
    const groups = summariseFeatureGroups(tests, FEATURES, []);
    expect(groups.map(groupLabel)).toEqual(['Requirement 1: 0/1', `${OTHER_GROUP}: 2/2`]);
  });

  it('is empty for a run with no tests', () => {
    expect(summariseFeatureGroups([], FEATURES, ['typing'])).toEqual([]);
  });

  it('ignores chosen ids the problem does not have', () => {
    const groups = summariseFeatureGroups([test('Presence', 'failed')], FEATURES, ['nope']);
    expect(groups[0]).toMatchObject({ chosen: false, notStarted: true });
  });
});
