import { describe, expect, it } from 'vitest';
import { SourceMapGenerator } from 'source-map-js';
import { SOLUTION_SCRIPT_URL, TESTS_SCRIPT_URL } from '../sandbox/protocol';
import { createStackMapper } from './stackMapping';

/** Hand-made maps: solution script line 10 col 4 (0-based) → solution.ts 3:2. */
function solutionMap(): string {
  const gen = new SourceMapGenerator({ file: SOLUTION_SCRIPT_URL });
  gen.addMapping({ source: 'rehearse:solution.ts', generated: { line: 10, column: 4 }, original: { line: 3, column: 2 } });
  return gen.toString();
}

/** Test script: line 20 col 0 → tests 7:0; line 2 → the chai shim; line 5 → the link to `./solution`. */
function testsMap(): string {
  const gen = new SourceMapGenerator({ file: TESTS_SCRIPT_URL });
  gen.addMapping({ source: 'rehearse:tests.ts', generated: { line: 20, column: 0 }, original: { line: 7, column: 0 } });
  gen.addMapping({ source: 'rehearse-shim:chai', generated: { line: 2, column: 0 }, original: { line: 1, column: 0 } });
  gen.addMapping({ source: 'rehearse-module:solution.ts', generated: { line: 5, column: 0 }, original: { line: 1, column: 0 } });
  return gen.toString();
}

/** A project's script: line 3 → chat/hub.ts 12:4, line 7 → chat/handlers.ts 40:0, line 9 → the synthetic entry. */
function projectMap(): string {
  const gen = new SourceMapGenerator({ file: SOLUTION_SCRIPT_URL });
  gen.addMapping({ source: 'rehearse:chat/hub.ts', generated: { line: 3, column: 0 }, original: { line: 12, column: 4 } });
  gen.addMapping({ source: 'rehearse:chat/handlers.ts', generated: { line: 7, column: 0 }, original: { line: 40, column: 0 } });
  gen.addMapping({ source: 'rehearse-entry:project', generated: { line: 9, column: 0 }, original: { line: 1, column: 0 } });
  return gen.toString();
}

describe('createStackMapper', () => {
  const map = createStackMapper({ project: solutionMap(), tests: testsMap() }, 'examples.test.ts');

  it('maps code frames through their own script map, keeps the message, drops harness frames', () => {
    const stack = [
      'TypeError: nope',
      `    at Bucket.take (${SOLUTION_SCRIPT_URL}:10:5)`,
      `    at Context.<anonymous> (${TESTS_SCRIPT_URL}:20:1)`,
      '    at callFn (blob:null/1234:1:99)',
    ].join('\n');
    expect(map(stack)).toEqual({
      text: 'TypeError: nope\n    at Bucket.take (solution.ts:3:3)\n    at Context.<anonymous> (examples.test.ts:7:1)',
      at: { file: 'solution.ts', line: 3, column: 3 },
      where: 'solution.ts:3:3',
    });
  });

  it('has no solution position when only test frames are present', () => {
    const out = map(`AssertionError: expected 2 to equal 3\n    at ${TESTS_SCRIPT_URL}:20:1`);
    expect(out.at).toBeUndefined();
    expect(out.text).toBe('AssertionError: expected 2 to equal 3\n    at examples.test.ts:7:1');
  });

  it('drops frames in the chai shim and the solution stub, and keeps multi-line messages', () => {
    expect(map(`Error: a\nb\n    at ${TESTS_SCRIPT_URL}:2:1\n    at ${TESTS_SCRIPT_URL}:5:1`)).toEqual({ text: 'Error: a\nb' });
  });

  it('parses no map for a stack without code frames', () => {
    const lazy = createStackMapper({ project: 'not json', tests: 'not json' }, 't');
    expect(lazy('Error: x\n    at blob:null/1:1:1').text).toBe('Error: x');
    expect(() => lazy(`Error: x\n    at ${SOLUTION_SCRIPT_URL}:1:1`)).toThrow();
  });

  it('names each project file by its path and points at the innermost project frame', () => {
    const project = createStackMapper({ project: projectMap(), tests: testsMap() }, 'hidden.test.ts');
    const stack = [
      'Error: no such conversation',
      `    at ConnectionHub.push (${SOLUTION_SCRIPT_URL}:3:1)`,
      `    at SupportDesk.send (${SOLUTION_SCRIPT_URL}:7:1)`,
      `    at ${SOLUTION_SCRIPT_URL}:9:1`,
      `    at Context.<anonymous> (${TESTS_SCRIPT_URL}:20:1)`,
    ].join('\n');
    expect(project(stack)).toEqual({
      text: [
        'Error: no such conversation',
        '    at ConnectionHub.push (chat/hub.ts:12:5)',
        '    at SupportDesk.send (chat/handlers.ts:40:1)',
        '    at Context.<anonymous> (hidden.test.ts:7:1)',
      ].join('\n'),
      at: { file: 'chat/hub.ts', line: 12, column: 5 },
      where: 'chat/hub.ts:12:5',
    });
  });
});
