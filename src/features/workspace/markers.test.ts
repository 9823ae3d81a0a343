import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../runner/types';
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

describe('markersFromResult', () => {
  it('marks compile errors in solution.ts only', () => {
    const markers = markersFromResult({
      ...base,
      outcome: 'compile-error',
      compileErrors: [
        { file: 'solution.ts', message: 'Expected ";"', line: 3, column: 5, length: 1 },
        { file: 'tests', message: 'bad import', line: 1, column: 1, length: 4 },
      ],
    });
    expect(markers).toEqual([{ kind: 'compile', message: 'Expected ";"', line: 3, column: 5, length: 1 }]);
  });

  it('marks each line a test threw from once, and a load-time throw', () => {
    const failure = { message: 'boom', at: { file: 'solution.ts', line: 7, column: 3 } };
    const markers = markersFromResult({
      ...base,
      tests: [
        { title: 'a', path: [], status: 'failed', durationMs: 1, failure },
        { title: 'b', path: [], status: 'failed', durationMs: 1, failure },
        { title: 'c', path: [], status: 'failed', durationMs: 1, failure: { message: 'no line' } },
      ],
      error: { message: 'top', at: { file: 'solution.ts', line: 2, column: 1 } },
    });
    expect(markers.map((m) => [m.kind, m.line])).toEqual([
      ['runtime', 7],
      ['runtime', 2],
    ]);
    expect(markers[0]!.message).toContain('"a"');
  });

  it('marks nothing before the first run', () => {
    expect(markersFromResult(null)).toEqual([]);
  });

  it('marks only the given project file', () => {
    const markers = markersFromResult(
      {
        ...base,
        compileErrors: [{ file: 'chat/hub.ts', message: 'Unexpected "="', line: 4, column: 2, length: 1 }],
        tests: [
          {
            title: 'a',
            path: [],
            status: 'failed',
            durationMs: 1,
            failure: { message: 'x', at: { file: 'chat/hub.ts', line: 9, column: 5 } },
          },
        ],
      },
      'chat/hub.ts',
    );
    expect(markers.map((m) => [m.kind, m.line])).toEqual([
      ['compile', 4],
      ['runtime', 9],
    ]);
    expect(markersFromResult({ ...base, compileErrors: [{ file: 'chat/hub.ts', message: 'm', line: 1, column: 1, length: 1 }] })).toEqual(
      [],
    );
  });
});
