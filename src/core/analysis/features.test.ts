import { describe, expect, it } from 'vitest';
import type { LoggedTest, RunEvent, SessionEvent } from '../session/types';
import { featureRows } from './describeFacts';
import { featureFacts, lastSubmitGroups } from './features';

const FEATURES = [
  { id: 'typing', title: 'Typing indicator' },
  { id: 'presence', title: 'Presence' },
  { id: 'unread', title: 'Unread counts' },
];

const test = (group: string, status: LoggedTest['status'] = 'passed'): LoggedTest => ({
  title: `[R] ${group}`,
  path: [group, 'a case'],
  status,
});

const submit = (t: number, tests: LoggedTest[], outcome = 'completed'): RunEvent => ({
  t,
  type: 'run',
  mode: 'submit',
  outcome,
  passed: tests.filter((x) => x.status === 'passed').length,
  total: tests.length,
  tests,
});

const lastSubmit = submit(5_000, [
  test('Requirement 1'),
  test('Requirement 1'),
  test('Typing indicator'),
  test('Presence'),
  test('Presence', 'failed'),
  test('Unread counts'),
]);
const events: SessionEvent[] = [
  submit(1_000, [test('Requirement 1', 'failed')]),
  { t: 2_000, type: 'run', mode: 'run', outcome: 'completed', passed: 0, total: 1, tests: [test('Examples', 'failed')] },
  lastSubmit,
];

describe('lastSubmitGroups', () => {
  it('groups the last Submit’s tests by their top-level title, in order', () => {
    expect(lastSubmitGroups(events)).toEqual({
      t: 5_000,
      groups: [
        { title: 'Requirement 1', passed: 2, total: 2, passing: true },
        { title: 'Typing indicator', passed: 1, total: 1, passing: true },
        { title: 'Presence', passed: 1, total: 2, passing: false },
        { title: 'Unread counts', passed: 1, total: 1, passing: true },
      ],
    });
  });

  it('passes no group of a Submit that did not complete, and none without a Submit', () => {
    const timedOut = lastSubmitGroups([submit(1, [test('Presence')], 'timedout')]);
    expect(timedOut?.groups).toEqual([{ title: 'Presence', passed: 1, total: 1, passing: false }]);
    expect(lastSubmitGroups([{ t: 1, type: 'run', mode: 'submit', outcome: 'compile-error', passed: 0, total: 0 }])?.groups).toEqual([]);
    expect(lastSubmitGroups([])).toBeNull();
  });
});

describe('featureFacts', () => {
  it('takes the features chosen at Start and which of them passed at the last Submit', () => {
    const facts = featureFacts({ features: ['presence', 'typing'] }, events, FEATURES)!;
    expect(facts.attempted.map((f) => [f.title, f.group?.passing])).toEqual([
      ['Typing indicator', true],
      ['Presence', false],
    ]);
    expect(facts).toMatchObject({ passing: 1, baseline: { passed: 2, total: 2 }, lastSubmitAt: 5_000 });
    expect(featureRows(facts)).toEqual([
      { label: 'Features attempted / passing', value: '2 / 1' },
      { label: 'Requirement 1', value: 'passing (2/2 tests)' },
      { label: 'Feature: Typing indicator', value: 'passing (1/1 tests)' },
      { label: 'Feature: Presence', value: 'not passing (1/2 tests)' },
    ]);
  });

  it('says when nothing was submitted, and keeps a feature the problem no longer lists by its id', () => {
    const facts = featureFacts({ features: ['typing', 'gone'] }, [], FEATURES)!;
    expect(facts.attempted.map((f) => f.title)).toEqual(['Typing indicator', 'gone']);
    expect(featureRows(facts)).toEqual([
      { label: 'Features attempted / passing', value: '2 / no Submit' },
      { label: 'Feature: Typing indicator', value: 'no Submit' },
      { label: 'Feature: gone', value: 'no Submit' },
    ]);
  });

  it('is null for a session without features', () => {
    expect(featureFacts({}, events, FEATURES)).toBeNull();
  });
});
