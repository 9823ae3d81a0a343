import { describe, expect, it } from 'vitest';
import type { RunResult, TestFailure } from '../../runner/types';
import { markersFromResult } from './markers';

const base: RunResult = {
  mode: 'submit',
  outcome: 'completed',
  tests: [],
  console: [],
  compileErrors: [],
  passed: 0,
  total: 0,
  durationMs: 1,
};

const failure = (f: TestFailure) => f;

describe('markersFromResult', () => {
  it('marks compile errors in the project’s files, each on its file, and none in the tests', () => {
    const markers = markersFromResult({
      ...base,
      outcome: 'compile-error',
      compileErrors: [
        { file: 'solution.ts', message: 'Expected ";"', line: 3, column: 5, length: 1 },
        { file: 'tests', message: 'bad import', line: 1, column: 1, length: 4 },
      ],
    });
    expect(markers).toEqual({ 'solution.ts': [{ kind: 'compile', message: 'Expected ";"', line: 3, column: 5, length: 1 }] });
  });

  it('marks each line a test threw from once, and a load-time throw (the solution file’s lines)', () => {
    const thrown = failure({ message: 'boom', at: { file: 'solution.ts', line: 7, column: 3 } });
    const markers = markersFromResult({
      ...base,
      tests: [
        { title: 'a', path: [], status: 'failed', durationMs: 1, failure: thrown },
        { title: 'b', path: [], status: 'failed', durationMs: 1, failure: thrown },
        { title: 'c', path: [], status: 'failed', durationMs: 1, failure: { message: 'no line' } },
      ],
      error: failure({ message: 'top', at: { file: 'solution.ts', line: 2, column: 1 } }),
    });
    expect(Object.keys(markers)).toEqual(['solution.ts']);
    expect(markers['solution.ts']!.map((m) => [m.kind, m.line, m.column])).toEqual([
      ['runtime', 7, 3],
      ['runtime', 2, 1],
    ]);
    expect(markers['solution.ts']![0]!.message).toContain('"a"');
  });

  it('puts a failure that names its file (`at`) on that file, and a Python run’s on solution.py', () => {
    const markers = markersFromResult({
      ...base,
      tests: [
        {
          title: 'a',
          path: [],
          status: 'failed',
          durationMs: 1,
          failure: failure({ message: 'x', at: { file: 'chat/hub.ts', line: 4, column: 9 } }),
        },
        {
          title: 'b',
          path: [],
          status: 'failed',
          durationMs: 1,
          failure: failure({ message: 'y', at: { file: 'demo.ts', line: 4, column: 1 } }),
        },
      ],
    });
    expect(markers['chat/hub.ts']!.map((m) => [m.line, m.column])).toEqual([[4, 9]]);
    expect(markers['demo.ts']!.map((m) => m.line)).toEqual([4]);
    const python = markersFromResult({
      ...base,
      language: 'python',
      error: failure({ message: 'top', at: { file: 'solution.py', line: 1, column: 1 } }),
    });
    expect(Object.keys(python)).toEqual(['solution.py']);
  });

  it('names the project’s file where the run called it something else (a design scratchpad)', () => {
    const markers = markersFromResult(
      { ...base, compileErrors: [{ file: 'solution.ts', message: 'm', line: 1, column: 1, length: 1 }] },
      (f) => (f === 'solution.ts' ? 'scratchpad.ts' : f),
    );
    expect(Object.keys(markers)).toEqual(['scratchpad.ts']);
  });

  it('marks nothing before the first run', () => {
    expect(markersFromResult(null)).toEqual({});
  });
});
