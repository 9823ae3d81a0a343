import { describe, expect, it } from 'vitest';
import { AssertionError, expect as chaiExpect } from 'chai';
import { SOLUTION_SCRIPT_URL, TESTS_SCRIPT_URL } from '../protocol';
import { nameLocations, runScript, serializeError } from './serializeError';

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
    expect(s).toMatchObject({ name: 'AssertionError', isAssertion: true, isTimeout: false, expected: '{ a: [ 1, 3 ] }', actual: '{ a: [ 1, 2 ] }' });
  });

  it('omits expected/actual when chai has no diff to show', () => {
    const s = serializeError(new AssertionError('plain'), null);
    expect(s.expected).toBeUndefined();
    expect(s.actual).toBeUndefined();
  });

  it('names each location in the run script after the script it belongs to', () => {
    const err = new TypeError('x is undefined');
    err.stack = 'TypeError: x is undefined\n    at f (blob:null/abc:3:9)\n    at blob:null/abc:10:1\n    at blob:null/mocha:1:2';
    const s = serializeError(err, { url: 'blob:null/abc', solutionLines: 4 });
    expect(s.stack).toBe(`TypeError: x is undefined\n    at f (${SOLUTION_SCRIPT_URL}:3:9)\n    at ${TESTS_SCRIPT_URL}:6:1\n    at blob:null/mocha:1:2`);
    expect(s.isAssertion).toBe(false);
  });

  it('joins the solution and the tests into one script, counting the solution lines', () => {
    expect(runScript('a\nb\n', 'c')).toEqual({ code: 'a\nb\nc', solutionLines: 2 });
    expect(runScript('a\nb', 'c\n')).toEqual({ code: 'a\nb\nc\n', solutionLines: 2 });
    const where = { url: 'blob:null/x', solutionLines: 2 };
    expect(nameLocations('at blob:null/x:2:1 at blob:null/x:3:4', where)).toBe(`at ${SOLUTION_SCRIPT_URL}:2:1 at ${TESTS_SCRIPT_URL}:1:4`);
    expect(nameLocations('at blob:null/y:3:4', where)).toBe('at blob:null/y:3:4');
  });

  it("recognises mocha's timeout error", () => {
    const err = Object.assign(new Error('Timeout of 2000ms exceeded. For async tests…'), { code: 'ERR_MOCHA_TIMEOUT' });
    expect(serializeError(err, null).isTimeout).toBe(true);
  });

  it('handles thrown non-errors and hostile errors', () => {
    expect(serializeError('boom', null)).toMatchObject({ name: 'Error', message: "Thrown value: 'boom'" });
    expect(serializeError(undefined, null).message).toBe('Thrown value: undefined');
    const hostile = { message: 'm', get name(): string { throw new Error('no'); } };
    expect(serializeError(hostile, null)).toMatchObject({ name: 'Error', message: 'm' });
  });
});
