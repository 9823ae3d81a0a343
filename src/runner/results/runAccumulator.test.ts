import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../types';
import type { WorkerEvent } from '../sandbox/protocol';
import type { ExpectedTests } from '../testManifest';
import { done, err, expected, fail, ownPlan, pass, plan, start } from './eventFixtures';
import { RunAccumulator } from './runAccumulator';

function make(progress: RunProgress[] = [], known: ExpectedTests | null = expected('a', 'b', 'c', 'd')) {
  return new RunAccumulator({
    mode: 'submit',
    testTimeoutMs: 2000,
    expected: known,
    mapStack: (stack) =>
      stack.includes('solution')
        ? { text: 'mapped', at: { file: 'solution.ts', line: 6, column: 18 }, where: 'solution.ts:6:18' }
        : { text: 'mapped-tests' },
    onProgress: (p) => progress.push(p),
  });
}

describe('RunAccumulator', () => {
  it('summarises a completed run and classifies failures', () => {
    const progress: RunProgress[] = [];
    const acc = make(progress);
    const events: WorkerEvent[] = [
      { type: 'loading' },
      plan('a', 'b', 'c', 'd'),
      start(0, 'a'),
      pass(0, 'a'),
      { type: 'console', level: 'log', text: 'hi' },
      start(1, 'b'),
      fail(
        1,
        'b',
        err({ name: 'AssertionError', message: 'expected 2 to equal 3', isAssertion: true, expected: '3', actual: '2', stack: 'tests' }),
      ),
      start(2, 'c'),
      fail(2, 'c', err({ name: 'TypeError', message: 'x is undefined', stack: 'solution' })),
      start(3, 'd'),
      fail(3, 'd', err({ message: 'Timeout of 2000ms exceeded.', isTimeout: true })),
      done(),
      ownPlan(),
      done('own'),
    ];
    for (const e of events) acc.handle(e, 0);
    acc.end({ kind: 'finished' }, 0);
    const r = acc.result(42);
    expect(r).toMatchObject({
      mode: 'submit',
      outcome: 'completed',
      passed: 1,
      total: 4,
      durationMs: 42,
      console: [{ level: 'log', text: 'hi' }],
    });
    expect(r.message).toBeUndefined();
    expect(r.tests.map((t) => t.status)).toEqual(['passed', 'failed', 'error', 'timedout']);
    expect(r.tests[1]?.failure).toEqual({ message: 'expected 2 to equal 3', expected: '3', actual: '2', stack: 'mapped-tests' });
    expect(r.tests[2]?.failure).toMatchObject({ message: 'TypeError: x is undefined', at: { file: 'solution.ts', line: 6, column: 18 } });
    expect(r.tests[3]?.failure?.message).toMatch(/^Timed out after 2000 ms/);
    expect(progress.filter((p) => p.type === 'test-end')).toHaveLength(4);
    expect(progress.filter((p) => p.type === 'console')).toHaveLength(1);
  });

  it('keeps a failure over a pass when mocha reports a test twice (done() called twice)', () => {
    const acc = make([], expected('a'));
    for (const e of [
      plan('a'),
      start(0, 'a'),
      pass(0, 'a'),
      fail(0, 'a', err({ message: 'done() called multiple times' })),
      done(),
      done('own'),
    ])
      acc.handle(e, 0);
    acc.end({ kind: 'finished' }, 0);
    expect(acc.result(1).tests).toHaveLength(1);
    expect(acc.result(1)).toMatchObject({ outcome: 'completed', passed: 0, total: 1 });
  });

  it('marks the hung test timedout and the rest not run when the watchdog fires', () => {
    const acc = make([], expected('a', 'b', 'c'));
    for (const e of [plan('a', 'b', 'c'), start(0, 'a'), pass(0, 'a'), start(1, 'b')]) acc.handle(e, 100);
    acc.end({ kind: 'watchdog', phase: 'runnable', limitMs: 2500, elapsedMs: 2503 }, 2603);
    const r = acc.result(2700);
    expect(r.outcome).toBe('timedout');
    expect(r.message).toBe('Timed out after 2000 ms in "Suite > b": the code never yielded (an infinite loop?).');
    expect(r.tests.map((t) => [t.title, t.status])).toEqual([
      ['a', 'passed'],
      ['b', 'timedout'],
      ['c', 'error'],
    ]);
    expect(r.tests[1]?.durationMs).toBe(2503);
    expect(r.tests[2]?.failure?.message).toMatch(/^not run: an earlier test timed out/);
    expect(r).toMatchObject({ passed: 1, total: 3 });
  });

  it('explains a top-level infinite loop', () => {
    const acc = make();
    acc.handle({ type: 'loading' }, 0);
    acc.end({ kind: 'watchdog', phase: 'loading', limitMs: 2500, elapsedMs: 2500 }, 2500);
    expect(acc.result(2600)).toMatchObject({ outcome: 'timedout', tests: [], total: 0 });
    expect(acc.result(2600).message).toMatch(/did not finish loading within 2500 ms/);
  });

  it('reports a load-time exception as crashed with the solution line', () => {
    const acc = make();
    acc.handle({ type: 'loading' }, 0);
    acc.handle(
      {
        type: 'crashed',
        error: err({ name: 'TypeError', message: "Cannot read properties of undefined (reading 'port')", stack: 'solution' }),
      },
      0,
    );
    acc.end({ kind: 'finished' }, 0);
    const r = acc.result(5);
    expect(r.outcome).toBe('crashed');
    expect(r.message).toBe(
      "Your code threw while loading: TypeError: Cannot read properties of undefined (reading 'port') (solution.ts:6:18)",
    );
    expect(r.error).toMatchObject({ at: { file: 'solution.ts', line: 6, column: 18 } });
  });

  it('shows a run that refused itself (the screen, the step rules) as not counted, in its own words', () => {
    for (const name of ['NotCounted', 'IntegrityError']) {
      const acc = make();
      acc.handle({ type: 'loading' }, 0);
      acc.handle(plan('a', 'b', 'c', 'd'), 0);
      acc.handle(pass(0, 'a'), 0);
      acc.handle({ type: 'crashed', error: err({ name, message: 'solution.py can reach the test runner, so this run cannot count.' }) }, 0);
      acc.end({ kind: 'finished' }, 0);
      const r = acc.result(5);
      expect(r.outcome).toBe('not-counted');
      expect(r.message).toBe('solution.py can reach the test runner, so this run cannot count.');
      expect(r.passed).toBe(0);
      expect(r.tests).toEqual([]);
    }
  });

  it('lists a failing hook as an error and the tests it prevented as not run', () => {
    const acc = make([], expected('a', 'b'));
    const hookFail: WorkerEvent = {
      type: 'test-end',
      group: 'problem',
      index: -1,
      title: '"before each" hook for "a"',
      path: ['Suite'],
      state: 'failed',
      durationMs: 0,
      error: err({ message: 'boom' }),
    };
    for (const e of [plan('a', 'b'), start(0, 'a'), hookFail, done(), done('own')]) acc.handle(e, 0);
    acc.end({ kind: 'finished' }, 0);
    const r = acc.result(1);
    expect(r.outcome).toBe('completed');
    expect(r.tests.map((t) => [t.title, t.status])).toEqual([
      ['"before each" hook for "a"', 'error'],
      ['a', 'error'],
      ['b', 'error'],
    ]);
    expect(r.tests[1]?.failure?.message).toMatch(/^not run: a hook failed/);
  });

  it('reports a hung before-all hook and a dead frame', () => {
    const acc = make([], expected('a'));
    acc.handle(plan('a'), 0);
    acc.handle({ type: 'runnable-start', group: 'problem', kind: 'hook', index: -1, title: '"before all" hook', timeoutMs: 2000 }, 0);
    acc.end({ kind: 'host-deadline', limitMs: 43000 }, 43000);
    const r = acc.result(43001);
    expect(r.outcome).toBe('timedout');
    expect(r.message).toMatch(/stopped responding/);
    expect(r.tests.map((t) => [t.title, t.status])).toEqual([
      ['"before all" hook', 'timedout'],
      ['a', 'error'],
    ]);
  });

  it('treats a worker that died mid-run as crashed', () => {
    const acc = make([], expected('a'));
    acc.handle(plan('a'), 0);
    acc.end({ kind: 'worker-error', message: 'out of memory' }, 0);
    expect(acc.result(1)).toMatchObject({ outcome: 'crashed', message: 'The test worker failed: out of memory', total: 1, passed: 0 });
  });

  it("shows the candidate's own tests apart, never in the verdict, and keeps the verdict when they hang", () => {
    const progress: RunProgress[] = [];
    const acc = make(progress, expected('a'));
    for (const e of [
      plan('a'),
      start(0, 'a'),
      pass(0, 'a'),
      done(),
      ownPlan('mine 1', 'mine 2'),
      start(0, 'mine 1', 'own'),
      pass(0, 'mine 1', 'own'),
      start(1, 'mine 2', 'own'),
    ])
      acc.handle(e, 0);
    acc.end({ kind: 'watchdog', phase: 'runnable', limitMs: 2500, elapsedMs: 2500 }, 2600);
    const r = acc.result(3000);
    expect(r).toMatchObject({ outcome: 'completed', passed: 1, total: 1 });
    expect(r.tests.map((t) => t.title)).toEqual(['a']);
    expect(r.ownTests?.tests.map((t) => [t.title, t.status])).toEqual([
      ['mine 1', 'passed'],
      ['mine 2', 'timedout'],
    ]);
    expect(r.ownTests).toMatchObject({ passed: 1, total: 2 });
    expect(r.ownTests?.message).toMatch(/Timed out after 2000 ms in "Mine > mine 2"/);
    expect(progress.filter((p) => p.type === 'test-end' && p.own)).toHaveLength(2);
  });

  it('passes on the note of an own group that was too large to run', () => {
    const acc = make([], expected('a'));
    for (const e of [
      plan('a'),
      pass(0, 'a'),
      done(),
      { type: 'started', group: 'own', tests: [], note: 'Your 900 tests were not run' } as WorkerEvent,
      done('own'),
    ])
      acc.handle(e, 0);
    acc.end({ kind: 'finished' }, 0);
    expect(acc.result(1).ownTests).toEqual({ tests: [], passed: 0, total: 0, message: 'Your 900 tests were not run' });
  });

  it('does not count a run whose plan is not the known hidden set (it.only), nor show its tests', () => {
    const acc = make([], expected('a', 'b', 'c'));
    for (const e of [plan('my own quick check'), pass(0, 'my own quick check'), done(), done('own')]) acc.handle(e, 0);
    acc.end({ kind: 'finished' }, 0);
    const r = acc.result(1);
    expect(r).toMatchObject({ outcome: 'not-counted', passed: 0, total: 3, tests: [] });
    expect(r.message).toBe('Not counted: the hidden tests reported 1 test, expected 3.');
  });

  it('does not count a Submit whose hidden tests this build does not know; a Run of unknown tests is shown as is', () => {
    const submit = make([], null);
    for (const e of [plan('a'), pass(0, 'a'), done(), done('own')]) submit.handle(e, 0);
    submit.end({ kind: 'finished' }, 0);
    expect(submit.result(1)).toMatchObject({ outcome: 'not-counted', passed: 0 });
    const run = new RunAccumulator({ mode: 'run', testTimeoutMs: 2000, expected: null, mapStack: () => ({ text: '' }) });
    for (const e of [plan(), done(), done('own')]) run.handle(e, 0);
    run.end({ kind: 'finished' }, 0);
    expect(run.result(1)).toMatchObject({ outcome: 'completed', total: 0 });
  });

  it('ignores an own group that claims to start before the problem group is done', () => {
    const acc = make([], expected('a'));
    for (const e of [plan('a'), ownPlan('sneaky'), pass(0, 'sneaky', 'own'), pass(0, 'a'), done(), done('own')]) acc.handle(e, 0);
    acc.end({ kind: 'finished' }, 0);
    const r = acc.result(1);
    expect(r).toMatchObject({ outcome: 'completed', passed: 1, total: 1 });
    expect(r.ownTests).toBeUndefined();
  });

  it('never counts a run in which a problem test reports as skipped, though every other test passed', () => {
    const acc = make([], expected('a', 'b'));
    acc.handle(plan('a', 'b'), 0);
    acc.handle(start(0, 'a'), 1);
    acc.handle(pass(0, 'a'), 2);
    acc.handle(start(1, 'b'), 3);
    acc.handle({ type: 'test-end', group: 'problem', index: 1, title: 'b', path: ['Suite'], state: 'skipped', durationMs: 0 }, 4);
    acc.handle(done(), 5);
    acc.handle(done('own'), 6);
    acc.end({ kind: 'finished' }, 7);
    expect(acc.result(7)).toMatchObject({
      outcome: 'not-counted',
      passed: 0,
      total: 2,
      tests: [],
      message: 'Not counted: “Suite › b” was skipped while the hidden tests ran; it is one they must run.',
    });
  });

  it('a TypeScript run says it is one, and keeps its own wording when the worker dies before the first test', () => {
    const acc = make();
    acc.handle({ type: 'loading' }, 0);
    acc.end({ kind: 'worker-error', message: 'boom' }, 1);
    expect(acc.result(1)).toMatchObject({ language: 'typescript', message: 'The test worker failed: boom' });
    expect(acc.result(1).notStarted).toBeUndefined();
  });
});
