import { describe, expect, it } from 'vitest';
import { SourceMapGenerator } from 'source-map-js';
import { createStackMapper } from './stackMapping';

/** A hand-made map: bundle line 10 col 4 (0-based) → solution.ts 3:2; line 20 col 0 → tests 7:0. */
function makeMap(): string {
  const gen = new SourceMapGenerator({ file: 'rehearse-code.js' });
  gen.addMapping({ source: 'rehearse:solution.ts', generated: { line: 10, column: 4 }, original: { line: 3, column: 2 } });
  gen.addMapping({ source: 'rehearse:tests.ts', generated: { line: 20, column: 0 }, original: { line: 7, column: 0 } });
  gen.addMapping({ source: 'rehearse-shim:chai', generated: { line: 2, column: 0 }, original: { line: 1, column: 0 } });
  return gen.toString();
}

describe('createStackMapper', () => {
  const map = createStackMapper(makeMap(), 'examples.test.ts');

  it('maps code frames, keeps the message, drops harness frames', () => {
    const stack = [
      'TypeError: nope',
      '    at Bucket.take (rehearse-code.js:10:5)',
      '    at Context.<anonymous> (rehearse-code.js:20:1)',
      '    at callFn (blob:null/1234:1:99)',
    ].join('\n');
    expect(map(stack)).toEqual({
      text: 'TypeError: nope\n    at Bucket.take (solution.ts:3:3)\n    at Context.<anonymous> (examples.test.ts:7:1)',
      solution: { line: 3, column: 3 },
    });
  });

  it('has no solution position when only test frames are present', () => {
    const out = map('AssertionError: expected 2 to equal 3\n    at rehearse-code.js:20:1');
    expect(out.solution).toBeUndefined();
    expect(out.text).toBe('AssertionError: expected 2 to equal 3\n    at examples.test.ts:7:1');
  });

  it('drops frames in the chai shim and keeps multi-line messages', () => {
    expect(map('Error: a\nb\n    at rehearse-code.js:2:1').text).toBe('Error: a\nb');
  });
});
