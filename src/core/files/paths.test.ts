import { describe, expect, it } from 'vitest';
import { MAX_FILES, newPathProblem, pathProblem, sortPaths } from './paths';

describe('a file path', () => {
  it.each([
    ['', /needs a name/],
    ['   ', /needs a name/],
    ['/abs.ts', /inside the project/],
    ['C:/x.ts', /not a drive/],
    ['a\\b.ts', /not “\\”/],
    ['../x.ts', /up a folder/],
    ['a/../x.ts', /up a folder/],
    ['a//b.ts', /empty/],
    ['./a.ts', /empty or “\.”/],
    ['a/', /empty/],
    [' a.ts', /space/],
    ['a\u0000.ts', /control/],
    ['x'.repeat(101), /at most 100/],
  ])('refuses %j', (path, message) => {
    expect(pathProblem(path)).toMatch(message);
  });
  it('accepts a relative path of 100 characters', () => {
    expect(pathProblem(`chat/${'a'.repeat(92)}.ts`)).toBeNull();
  });
});

describe('a new file beside others', () => {
  const existing = ['chat/hub.ts', 'README.md'];
  it('refuses a duplicate, ignoring case', () => {
    expect(newPathProblem('Chat/Hub.ts', existing)).toMatch(/already exists/);
  });
  it('refuses a file where a folder is, and a folder where a file is', () => {
    expect(newPathProblem('chat', existing)).toMatch(/is a folder/);
    expect(newPathProblem('README.md/x.ts', existing)).toMatch(/is a file/);
  });
  it('refuses the 101st file', () => {
    const many = Array.from({ length: MAX_FILES }, (_, i) => `f${i}.ts`);
    expect(newPathProblem('one-more.ts', many)).toMatch(/at most 100 files/);
  });
  it('lets a rename keep its own name in another case', () => {
    expect(newPathProblem('chat/HUB.ts', existing, { renaming: 'chat/hub.ts' })).toBeNull();
  });
  it('accepts a new file in a new folder', () => {
    expect(newPathProblem('chat/typing/indicator.ts', existing)).toBeNull();
  });
});

describe('tree order', () => {
  it('puts folders first, then files, names as a person reads them', () => {
    expect(sortPaths(['b.ts', 'a/z.ts', 'file10.ts', 'file2.ts', 'a/b/c.ts', 'A.md'])).toEqual([
      'a/b/c.ts',
      'a/z.ts',
      'A.md',
      'b.ts',
      'file2.ts',
      'file10.ts',
    ]);
  });
});
