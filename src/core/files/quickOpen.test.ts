import { describe, expect, it } from 'vitest';
import { matchPaths } from './quickOpen';

const PATHS = ['chat/handlers.ts', 'chat/hub.ts', 'chat/models.ts', 'clients/agent.ts', 'demo.ts', 'README.md'];

describe('matchPaths', () => {
  it('lists every path, in tree order, for an empty query', () => {
    expect(matchPaths('', PATHS)).toEqual(PATHS);
    expect(matchPaths('   ', PATHS)).toEqual(PATHS);
  });

  it('ranks a file name that starts with the query first, then one containing it, then a folder match', () => {
    expect(matchPaths('hub', PATHS)).toEqual(['chat/hub.ts']);
    expect(matchPaths('s.ts', PATHS)).toEqual(['chat/handlers.ts', 'chat/models.ts', 'clients/agent.ts']);
    expect(matchPaths('chat/', PATHS)).toEqual(['chat/handlers.ts', 'chat/hub.ts', 'chat/models.ts']);
    expect(matchPaths('m', PATHS)).toEqual(['chat/models.ts', 'demo.ts', 'README.md']);
  });

  it('finds letters in order across the path, ignoring case and spaces', () => {
    expect(matchPaths('CHH', PATHS)).toEqual(['chat/handlers.ts', 'chat/hub.ts']);
    expect(matchPaths('cl ag', PATHS)).toEqual(['clients/agent.ts']);
  });

  it('finds nothing when the letters are not there in order', () => {
    expect(matchPaths('zz', PATHS)).toEqual([]);
    expect(matchPaths('bhu', PATHS)).toEqual([]);
  });
});
