import { describe, expect, it } from 'vitest';
import { splitLocations } from './locations';

const PATHS = ['chat/hub.ts', 'hub.ts', 'solution.py', 'a+b.ts'];

describe('splitLocations', () => {
  it('cuts out path:line:column and path:line for the project’s paths', () => {
    expect(splitLocations('at chat/hub.ts:12:5 and (solution.py:7)', PATHS)).toEqual([
      { text: 'at ' },
      { text: 'chat/hub.ts:12:5', at: { file: 'chat/hub.ts', line: 12, column: 5 } },
      { text: ' and (' },
      { text: 'solution.py:7', at: { file: 'solution.py', line: 7, column: 1 } },
      { text: ')' },
    ]);
  });

  it('prefers the longest path, and a path is not found inside a longer name', () => {
    expect(splitLocations('chat/hub.ts:3', PATHS)).toEqual([{ text: 'chat/hub.ts:3', at: { file: 'chat/hub.ts', line: 3, column: 1 } }]);
    expect(splitLocations('xhub.ts:3 other/hub.ts:4', PATHS)).toEqual([{ text: 'xhub.ts:3 other/hub.ts:4' }]);
    expect(splitLocations('hub.ts:4', PATHS)[0]?.at).toEqual({ file: 'hub.ts', line: 4, column: 1 });
  });

  it('takes paths literally (no pattern characters), and leaves names that are not the project’s', () => {
    expect(splitLocations('a+b.ts:2 aab.ts:2 tests:3', PATHS)).toEqual([
      { text: 'a+b.ts:2', at: { file: 'a+b.ts', line: 2, column: 1 } },
      { text: ' aab.ts:2 tests:3' },
    ]);
  });

  it('is the whole text when nothing matches, and nothing for an empty text', () => {
    expect(splitLocations('no places here: 12', PATHS)).toEqual([{ text: 'no places here: 12' }]);
    expect(splitLocations('hub.ts:0', PATHS)).toEqual([{ text: 'hub.ts:0' }]);
    expect(splitLocations('', PATHS)).toEqual([]);
    expect(splitLocations('hub.ts:1', [])).toEqual([{ text: 'hub.ts:1' }]);
  });
});
