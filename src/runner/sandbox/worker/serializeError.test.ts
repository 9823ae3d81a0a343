import { describe, expect, it } from 'vitest';
import { AssertionError, expect as chaiExpect } from 'chai';
import { CODE_BUNDLE_URL } from '../protocol';
import { serializeError } from './serializeError';

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

  it('rewrites the code blob URL in stacks', () => {
    const err = new TypeError('x is undefined');
    err.stack = 'TypeError: x is undefined\n    at f (blob:null/abc:3:9)\n    at blob:null/abc:10:1';
    const s = serializeError(err, 'blob:null/abc');
    expect(s.stack).toBe(`TypeError: x is undefined\n    at f (${CODE_BUNDLE_URL}:3:9)\n    at ${CODE_BUNDLE_URL}:10:1`);
    expect(s.isAssertion).toBe(false);
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
