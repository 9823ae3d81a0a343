import { describe, expect, it, vi } from 'vitest';
import type { RunRequest, RunResult } from '../../runner/types';
import { RUNNING_SHOWN_AFTER_MS } from '../state';
import { designProblem, problem, result, SOLVED, STARTER, testResult, engineHarness } from '../testing/fakes';

const h = engineHarness();

describe('Submit', () => {
  it('records the result and marks the problem solved only for a completed all-passing run', async () => {
    await h.engine.open(problem());
    h.nextResult = result({ outcome: 'not-counted' as RunResult['outcome'], tests: [testResult('adds', 'passed')], passed: 0, total: 1 });
    await h.engine.run('submit');
    expect(h.engine.state.practice).toMatchObject({ status: 'in-progress', submits: 1, submitsUntilAllPass: null });
    h.nextResult = result();
    await h.engine.run('submit');
    expect(h.engine.state.practice).toMatchObject({ status: 'solved', submits: 2, submitsUntilAllPass: 2 });
    expect(h.engine.state.runCount).toBe(2);
  });

  it('unlocks the next stage of a staged problem', async () => {
    await h.engine.open(problem({ stages: ['one', 'two'] }));
    h.nextResult = result({ tests: [testResult('a', 'passed', 1), testResult('b', 'failed', 2)] });
    await h.engine.run('submit');
    expect(h.engine.state.practice?.unlockedStages).toBe(2);
  });

  it('logs the run and says so when the runner fails', async () => {
    await h.engine.open(problem());
    h.engine.start();
    await h.engine.run('run');
    expect(h.rec.events.at(-1)).toMatchObject({ type: 'run', mode: 'run', passed: 1, total: 1 });
    h.connect({ runner: async () => Promise.reject(new Error('worker died')) });
    await h.engine.run('run');
    expect(h.engine.state.running).toBeNull();
    expect(h.engine.state.console[0]?.text).toMatch(/worker died/);
  });
});

describe('showing a run as running', () => {
  it('only once it has lasted RUNNING_SHOWN_AFTER_MS: a fast run changes nothing on screen until its results', async () => {
    let finish!: (r: RunResult) => void;
    h.connect({ runner: async () => ({ run: () => new Promise<RunResult>((resolve) => (finish = resolve)) }) });
    await h.engine.open(problem());
    const seen: (string | null)[] = [];
    const unsubscribe = h.engine.store.subscribe((s) => seen.push(s.runningShown));
    const consoleBefore = h.engine.state.console;
    const fast = h.engine.run('submit');
    await vi.advanceTimersByTimeAsync(RUNNING_SHOWN_AFTER_MS - 1);
    expect(h.engine.state).toMatchObject({ running: 'submit', runningShown: null });
    expect(h.engine.state.console, 'an empty console is not replaced at the click').toBe(consoleBefore);
    finish(result());
    await fast;
    expect(h.engine.state).toMatchObject({ running: null, runningShown: null, runCount: 1 });
    expect(seen.every((s) => s === null)).toBe(true);

    const slow = h.engine.run('run');
    await vi.advanceTimersByTimeAsync(RUNNING_SHOWN_AFTER_MS);
    expect(h.engine.state).toMatchObject({ running: 'run', runningShown: 'run' });
    finish(result({ mode: 'run' }));
    await slow;
    expect(h.engine.state).toMatchObject({ running: null, runningShown: null, runCount: 2 });
    unsubscribe();
  });
});

describe('compiling ahead of the click', () => {
  function connectPreparing(loaded: boolean) {
    const prepared: RunRequest[][] = [];
    const runner = { run: async () => h.nextResult, prepare: (requests: readonly RunRequest[]) => void prepared.push([...requests]) };
    h.connect({ runner: async () => runner, loadedRunner: () => (loaded ? runner : null) });
    return prepared;
  }

  it('hands the runner the code of both a Submit and a Run, on opening and on every edit', async () => {
    const prepared = connectPreparing(true);
    await h.engine.open(problem());
    h.engine.setCode(SOLVED);
    expect(prepared.map((batch) => batch.map((r) => [r.mode, r.files['solution.ts'], r.tests]))).toEqual([
      [
        ['submit', STARTER, 'hidden'],
        ['run', STARTER, 'examples'],
      ],
      [
        ['submit', SOLVED, 'hidden'],
        ['run', SOLVED, 'examples'],
      ],
    ]);
  });

  it('never loads the runner to prepare, and prepares nothing for a design problem', async () => {
    const prepared = connectPreparing(false);
    await h.engine.open(problem());
    h.engine.setCode(SOLVED);
    expect(prepared).toEqual([]);
    const withRunner = connectPreparing(true);
    await h.engine.open(designProblem());
    h.engine.setCode('x');
    expect(withRunner).toEqual([]);
  });
});
