import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './jsonErrorOffset';

describe('jsonErrorOffset', () => {
  it.each([
    ['{"email": }', 10],
    ['{\n  "a": 1,\n}', 12],
    ['[1, 2', 5],
    ['{"a" 1}', 5],
    ["{'a': 1}", 1],
    ['[1,]', 3],
    ['{"a": tru}', 6],
    ['"ab\\x"', 3],
    ['1 2', 2],
    ['{"a": [1, {"b": nul}]}', 16],
    ['-', 0],
    ['"\u0001"', 1],
  ])('finds where %j stops being JSON', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('survives deep nesting without recursion', () => {
    expect(jsonErrorOffset('['.repeat(100_000) + '}')).toBe(100_000);
  });
});
