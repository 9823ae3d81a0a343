import { describe, expect, it } from 'vitest';
import { AssertionError, expect as chaiExpect } from 'chai';
import { SOLUTION_SCRIPT_URL, TESTS_SCRIPT_URL } from '../protocol';
import { buildRunScript } from './runScript';
import { nameLocations, serializeError } from './serializeError';

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('did not throw');
}

describe('serializeError', () => {
  it("keeps chai's expected/actual as display strings", () => {
    const err = thrown(() => chaiExpect({ a: [1, 2] }).to.deep.equal({ a: [1, 3] }));
    const s = serializeError(err, null);
    expect(s).toMatchObject({
      name: 'AssertionError',
      isAssertion: true,
      isTimeout: false,
      expected: '{ a: [ 1, 3 ] }',
      actual: '{ a: [ 1, 2 ] }',
    });
  });

  it('omits expected/actual when chai has no diff to show', () => {
    const s = serializeError(new AssertionError('plain'), null);
    expect(s.expected).toBeUndefined();
    expect(s.actual).toBeUndefined();
  });

  it('names each location in the run script after the part it belongs to', () => {
    const err = new TypeError('x is undefined');
    // Line 1 is "use strict", lines 2–5 the solution, line 6 the wrapper's opening, 7+ the tests.
    err.stack =
      'TypeError: x is undefined\n    at f (blob:null/abc:3:9)\n    at blob:null/abc:10:1\n    at blob:null/abc:6:2\n    at blob:null/mocha:1:2';
    const s = serializeError(err, { url: 'blob:null/abc', solutionOffset: 1, solutionLines: 4, testsOffset: 6 });
    expect(s.stack).toBe(
      `TypeError: x is undefined\n    at f (${SOLUTION_SCRIPT_URL}:2:9)\n    at ${TESTS_SCRIPT_URL}:4:1\n    at blob:null/abc:6:2\n    at blob:null/mocha:1:2`,
    );
    expect(s.isAssertion).toBe(false);
  });

  it('builds the run script: strict, the project inside its claim wrapper, then the tests inside theirs, counting lines', () => {
    const script = buildRunScript('a\nb\n', 'c', 's3cret');
    const lines = script.code.split('\n');
    expect(lines[0]).toBe('"use strict";');
    expect(lines[1]).toBe('var __rehearseSolution = __rehearseProject("s3cret", function (__rehearseImports) {');
    expect(lines.slice(2, 4)).toEqual(['a', 'b']);
    expect(lines.slice(4, 6)).toEqual(['return __rehearseSolution;', '});']);
    expect(lines[6]).toMatch(/^__rehearseTests\("s3cret", function \(describe, context, it, .*afterEach, __rehearseImports\) \{$/);
    expect(lines[7]).toBe('c');
    expect(script).toMatchObject({ solutionOffset: 2, solutionLines: 2, testsOffset: 7 });
    expect(buildRunScript('a\nb', 'c', 'x').solutionLines).toBe(2);
    const where = { url: 'blob:null/x', solutionOffset: 2, solutionLines: 2, testsOffset: 7 };
    expect(nameLocations('at blob:null/x:3:1 at blob:null/x:8:4', where)).toBe(`at ${SOLUTION_SCRIPT_URL}:1:1 at ${TESTS_SCRIPT_URL}:1:4`);
    expect(nameLocations('at blob:null/x:2:9', where)).toBe('at blob:null/x:2:9');
    expect(nameLocations('at blob:null/y:3:4', where)).toBe('at blob:null/y:3:4');
  });

  it("recognises mocha's timeout error", () => {
    const err = Object.assign(new Error('Timeout of 2000ms exceeded. For async tests…'), { code: 'ERR_MOCHA_TIMEOUT' });
    expect(serializeError(err, null).isTimeout).toBe(true);
  });

  it('handles thrown non-errors and hostile errors', () => {
    expect(serializeError('boom', null)).toMatchObject({ name: 'Error', message: "Thrown value: 'boom'" });
    expect(serializeError(undefined, null).message).toBe('Thrown value: undefined');
    const hostile = {
      message: 'm',
      get name(): string {
        throw new Error('no');
      },
    };
    expect(serializeError(hostile, null)).toMatchObject({ name: 'Error', message: 'm' });
  });
});
