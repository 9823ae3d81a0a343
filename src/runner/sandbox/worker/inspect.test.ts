import { describe, expect, it } from 'vitest';
import { formatConsoleArgs, inspect } from './inspect';

class TokenBucket {
  capacity = 5;
  readonly users = new Map([['u', 1]]);
}

describe('inspect', () => {
  it('formats primitives like Node', () => {
    expect(inspect('a')).toBe("'a'");
    expect(inspect("it's")).toBe("'it\\'s'");
    expect(inspect(-0)).toBe('-0');
    expect(inspect(10n)).toBe('10n');
    expect(inspect(undefined)).toBe('undefined');
    expect(inspect(null)).toBe('null');
    expect(inspect(Symbol('s'))).toBe('Symbol(s)');
    expect(inspect(Number.NaN)).toBe('NaN');
  });

  it('formats objects, arrays and class instances readably', () => {
    expect(inspect({ a: 1, 'b-c': [1, 'x'] })).toBe("{ a: 1, 'b-c': [ 1, 'x' ] }");
    expect(inspect({})).toBe('{}');
    expect(inspect([])).toBe('[]');
    expect(inspect(new TokenBucket())).toBe("TokenBucket { capacity: 5, users: Map(1) { 'u' => 1 } }");
    expect(inspect(new Set([1, 2]))).toBe('Set(2) { 1, 2 }');
    expect(inspect(Object.create(null))).toBe('[Object: null prototype] {}');
    expect(inspect(new Uint8Array([1, 2]))).toBe('Uint8Array(2) [ 1, 2 ]');
    expect(inspect(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(inspect(/a+/g)).toBe('/a+/g');
    expect(inspect(new RangeError('nope'))).toBe('RangeError: nope');
    expect(inspect(function named() {})).toBe('[Function: named]');
    expect(inspect(TokenBucket)).toBe('[class TokenBucket]');
  });

  it('survives cycles, depth, huge collections and hostile objects', () => {
    const cyc: Record<string, unknown> = { name: 'x' };
    cyc.self = cyc;
    expect(inspect(cyc)).toBe("{ name: 'x', self: [Circular] }");
    expect(inspect({ a: { b: { c: { d: { e: 1 } } } } })).toBe('{ a: { b: { c: { d: [Object] } } } }');
    expect(inspect(Array.from({ length: 60 }, (_, i) => i))).toMatch(/49, … 10 more \]$/);
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(inspect(hostile)).toBe('[Uninspectable]');
    let called = false;
    const withGetter = {
      get secret() {
        called = true;
        return 1;
      },
    };
    expect(inspect(withGetter)).toBe('{ secret: [Getter] }');
    expect(called).toBe(false);
    expect(inspect('x'.repeat(50), { maxLength: 10 })).toMatch(/^'x{9}… \(42 more characters\)$/);
  });
});

describe('formatConsoleArgs', () => {
  it('prints top-level strings raw and objects inspected', () => {
    expect(formatConsoleArgs(['hello', { a: 1 }, 'world', 3])).toBe('hello { a: 1 } world 3');
    expect(formatConsoleArgs([])).toBe('');
    expect(formatConsoleArgs([{ a: 'x' }])).toBe("{ a: 'x' }");
  });

  it('applies printf-style specifiers', () => {
    expect(formatConsoleArgs(['%s has %d items (%i%%)', 'cart', 3, 42.7])).toBe('cart has 3 items (42%)');
    expect(formatConsoleArgs(['%o', { a: [1] }])).toBe('{ a: [ 1 ] }');
    expect(formatConsoleArgs(['%j', { a: 1 }])).toBe('{"a":1}');
    expect(formatConsoleArgs(['%cstyled', 'color: red'])).toBe('styled');
    expect(formatConsoleArgs(['%s and %s', 'one'])).toBe('one and %s');
    expect(formatConsoleArgs(['50%', 'done'])).toBe('50% done');
  });
});
