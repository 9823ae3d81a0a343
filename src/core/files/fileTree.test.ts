import { describe, expect, it } from 'vitest';
import { buildFileTree, fileMark, foldersOf, visibleItems, type TreeNode } from './fileTree';

/** The tree as indented lines: folders end with '/'. */
function outline(nodes: readonly TreeNode[], depth = 0): string[] {
  return nodes.flatMap((n) =>
    n.kind === 'folder' ? [`${'  '.repeat(depth)}${n.name}/`, ...outline(n.children, depth + 1)] : [`${'  '.repeat(depth)}${n.name}`],
  );
}

describe('buildFileTree', () => {
  it('nests files under their folders, folders first, names in reading order', () => {
    const tree = buildFileTree([
      'demo.ts',
      'chat/store.ts',
      'README.md',
      'chat/hub.ts',
      'clients/visitor.ts',
      'chat/rooms/room10.ts',
      'chat/rooms/room2.ts',
    ]);
    expect(outline(tree)).toEqual([
      'chat/',
      '  rooms/',
      '    room2.ts',
      '    room10.ts',
      '  hub.ts',
      '  store.ts',
      'clients/',
      '  visitor.ts',
      'demo.ts',
      'README.md',
    ]);
  });

  it('gives every node its full path', () => {
    const [chat] = buildFileTree(['chat/rooms/a.ts']);
    expect(chat).toMatchObject({ kind: 'folder', path: 'chat', name: 'chat' });
    const rooms = (chat as { children: TreeNode[] }).children[0]!;
    expect(rooms).toMatchObject({ kind: 'folder', path: 'chat/rooms', name: 'rooms' });
    expect((rooms as { children: TreeNode[] }).children[0]).toEqual({ kind: 'file', path: 'chat/rooms/a.ts', name: 'a.ts' });
  });

  it('is one file for a single-file project, and nothing for none', () => {
    expect(buildFileTree(['solution.ts'])).toEqual([{ kind: 'file', path: 'solution.ts', name: 'solution.ts' }]);
    expect(buildFileTree([])).toEqual([]);
  });
});

describe('visibleItems', () => {
  const tree = buildFileTree(['a/b/c.ts', 'a/d.ts', 'e.ts']);

  it('lists every item with its level and parent when all folders are open', () => {
    expect(visibleItems(tree, new Set()).map((i) => [i.node.path, i.level, i.parent])).toEqual([
      ['a', 1, null],
      ['a/b', 2, 'a'],
      ['a/b/c.ts', 3, 'a/b'],
      ['a/d.ts', 2, 'a'],
      ['e.ts', 1, null],
    ]);
  });

  it('leaves out what a collapsed folder holds (the folder itself stays)', () => {
    expect(visibleItems(tree, new Set(['a/b'])).map((i) => i.node.path)).toEqual(['a', 'a/b', 'a/d.ts', 'e.ts']);
    expect(visibleItems(tree, new Set(['a'])).map((i) => i.node.path)).toEqual(['a', 'e.ts']);
  });
});

describe('foldersOf', () => {
  it('names the folders holding a path, outermost first', () => {
    expect(foldersOf('a/b/c.ts')).toEqual(['a', 'a/b']);
    expect(foldersOf('c.ts')).toEqual([]);
  });
});

describe('fileMark', () => {
  const received = { files: { 'a.ts': 'A', 'b.ts': 'B', 'lib.ts': 'L' }, readOnly: ['lib.ts'] };

  it('marks a changed file, a created file and a read-only file; a file as received has no mark', () => {
    const files = { 'a.ts': 'A2', 'b.ts': 'B', 'lib.ts': 'L', 'new.ts': '' };
    expect(fileMark('a.ts', files, received)).toBe('changed');
    expect(fileMark('b.ts', files, received)).toBe(null);
    expect(fileMark('new.ts', files, received)).toBe('new');
    expect(fileMark('lib.ts', files, received)).toBe('read-only');
  });

  it('a file renamed to a starter file’s old name compares with that file; a path like "constructor" is new', () => {
    expect(fileMark('b.ts', { 'b.ts': 'A' }, received)).toBe('changed');
    expect(fileMark('constructor', { constructor: '' }, received)).toBe('new');
  });

  it('has no marks before the project is received', () => {
    expect(fileMark('a.ts', { 'a.ts': 'x' }, null)).toBe(null);
  });
});
