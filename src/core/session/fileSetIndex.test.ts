import { describe, expect, it } from 'vitest';
import { sortPaths } from '../files/paths';
import { prng } from '../testing/prng';
import { filesAt } from './fileSet';
import { buildFileSetIndex, isCodeFile } from './fileSetIndex';
import type { SessionEvent } from './types';

const insert = (t: number, file: string, offset: number, text: string): SessionEvent => ({
  t,
  type: 'edit',
  file,
  changes: [{ offset, deleteCount: 0, insert: text }],
});

/** A codebase session: two starter files, a file created, edited, renamed, edited again, and one deleted. */
const events: SessionEvent[] = [
  { t: 0, type: 'snapshot', file: 'chat/hub.ts', text: 'hub\n' },
  { t: 0, type: 'snapshot', file: 'demo.ts', text: 'demo\n' },
  { t: 0, type: 'snapshot', file: 'notes.md', text: '' },
  { t: 1, type: 'file-open', file: 'chat/hub.ts' },
  insert(10, 'chat/hub.ts', 4, 'push\n'),
  { t: 20, type: 'file-create', file: 'util.ts' },
  { t: 20, type: 'snapshot', file: 'util.ts', text: '' },
  { t: 20, type: 'file-open', file: 'util.ts' },
  insert(30, 'util.ts', 0, 'a'),
  insert(31, 'notes.md', 0, '- empty room'),
  { t: 40, type: 'file-rename', from: 'util.ts', to: 'chat/util.ts' },
  insert(50, 'chat/util.ts', 1, 'b'),
  { t: 60, type: 'file-delete', file: 'demo.ts' },
  insert(70, 'chat/hub.ts', 0, '// ok\n'),
];

describe('buildFileSetIndex', () => {
  const index = buildFileSetIndex(events, 2);

  it('holds the files that exist at each moment, in tree order', () => {
    expect(index.pathsAt(-1)).toEqual([]);
    expect(index.pathsAt(0)).toEqual(['chat/hub.ts', 'demo.ts', 'notes.md']);
    expect(index.pathsAt(20)).toEqual(['chat/hub.ts', 'demo.ts', 'notes.md', 'util.ts']);
    expect(index.pathsAt(40)).toEqual(['chat/hub.ts', 'chat/util.ts', 'demo.ts', 'notes.md']);
    expect(index.pathsAt(60)).toEqual(['chat/hub.ts', 'chat/util.ts', 'notes.md']);
    expect(index.everyPath).toEqual(['chat/hub.ts', 'chat/util.ts', 'demo.ts', 'notes.md', 'util.ts']);
  });

  it('gives each file’s text at the play head, following a rename', () => {
    expect(index.textAt('util.ts', 19)).toBeNull();
    expect(index.textAt('util.ts', 20)).toBe('');
    expect(index.textAt('util.ts', 35)).toBe('a');
    expect(index.textAt('util.ts', 40)).toBeNull();
    expect(index.textAt('chat/util.ts', 40)).toBe('a');
    expect(index.textAt('chat/util.ts', 50)).toBe('ab');
    expect(index.textAt('demo.ts', 59)).toBe('demo\n');
    expect(index.textAt('demo.ts', 60)).toBeNull();
    expect(index.textAt('chat/hub.ts', Infinity)).toBe('// ok\nhub\npush\n');
  });

  it('finds the file’s last edit, made under any of its names', () => {
    expect(index.editIndexAt('chat/util.ts', 45)).toBe(8);
    expect(index.editIndexAt('chat/util.ts', 50)).toBe(11);
    expect(index.editIndexAt('demo.ts', 100)).toBe(-1);
    expect(index.editIndexAt('nowhere.ts', 100)).toBe(-1);
  });

  it('counts what changed at a path, so a view redraws only then', () => {
    expect(index.versionAt('util.ts', 19)).toBe(0);
    expect(index.versionAt('util.ts', 20)).toBe(2); // created, then its snapshot
    expect(index.versionAt('util.ts', 39)).toBe(3);
    expect(index.versionAt('util.ts', 40)).toBe(4); // renamed away
    expect(index.versionAt('chat/util.ts', 40)).toBe(1);
    expect(index.versionAt('demo.ts', 60)).toBe(2);
  });

  it('knows which file was being edited: the last file-open, or the file of a later code edit', () => {
    expect(index.activeFileAt(0)).toBeNull();
    expect(index.activeFileAt(1)).toBe('chat/hub.ts');
    expect(index.activeFileAt(25)).toBe('util.ts');
    expect(index.activeFileAt(31)).toBe('util.ts'); // the plan notes are not a code file
    expect(index.activeFileAt(40)).toBe('chat/util.ts');
    expect(index.activeFileAt(70)).toBe('chat/hub.ts');
  });

  it('has no active file once that file is deleted', () => {
    const deleted = buildFileSetIndex([
      { t: 0, type: 'snapshot', file: 'a.ts', text: '' },
      { t: 1, type: 'file-open', file: 'a.ts' },
      { t: 2, type: 'file-delete', file: 'a.ts' },
    ]);
    expect(deleted.activeFileAt(1)).toBe('a.ts');
    expect(deleted.activeFileAt(2)).toBeNull();
  });

  it('reads a single-file log from before file events as one file, active from its first edit', () => {
    const single = buildFileSetIndex([{ t: 0, type: 'snapshot', file: 'solution.ts', text: 'x' }, insert(5, 'solution.ts', 1, 'y')]);
    expect(single.pathsAt(0)).toEqual(['solution.ts']);
    expect(single.activeFileAt(4)).toBeNull();
    expect(single.activeFileAt(5)).toBe('solution.ts');
    expect(single.textAt('solution.ts', 5)).toBe('xy');
  });

  it('ignores renames and deletes of files it does not hold, and creates of files it does', () => {
    const odd = buildFileSetIndex([
      { t: 0, type: 'snapshot', file: 'a.ts', text: 'a' },
      { t: 1, type: 'file-create', file: 'a.ts' },
      { t: 2, type: 'file-rename', from: 'missing.ts', to: 'b.ts' },
      { t: 3, type: 'file-delete', file: 'missing.ts' },
    ]);
    expect(odd.pathsAt(9)).toEqual(['a.ts']);
    expect(odd.textAt('a.ts', 9)).toBe('a');
    expect(odd.versionAt('a.ts', 9)).toBe(1);
  });

  it('agrees with filesAt at every moment of random logs, seeking in any order', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const log = randomLog(seed);
      const seekIndex = buildFileSetIndex(log, 3);
      const random = prng(seed * 7);
      const end = log[log.length - 1]!.t;
      for (let i = 0; i < 40; i++) {
        const at = Math.floor(random() * (end + 2)) - 1;
        const expected = filesAt(log, at);
        expect(seekIndex.pathsAt(at), `seed ${seed} at ${at}`).toEqual(sortPaths(Object.keys(expected)));
        for (const path of seekIndex.everyPath)
          expect(seekIndex.textAt(path, at), `seed ${seed} ${path} at ${at}`).toBe(expected[path] ?? null);
      }
    }
  });
});

describe('isCodeFile', () => {
  it('is every path but the plan notes', () => {
    expect(['solution.ts', 'solution.py', 'chat/hub.ts', 'README.md'].every(isCodeFile)).toBe(true);
    expect(isCodeFile('notes.md')).toBe(false);
  });
});

/** A log of creates, renames, deletes, snapshots and edits over a few paths, several events per millisecond at times. */
function randomLog(seed: number): SessionEvent[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const paths = ['a.ts', 'b.ts', 'lib/c.ts', 'lib/d.ts', 'notes.md'];
  const files = new Map<string, string>([['a.ts', 'start']]);
  const log: SessionEvent[] = [{ t: 0, type: 'snapshot', file: 'a.ts', text: 'start' }];
  let t = 0;
  for (let i = 0; i < 120; i++) {
    if (random() < 0.6) t += 1 + Math.floor(random() * 3);
    const roll = random();
    const existing = [...files.keys()];
    if (roll < 0.1) {
      const path = pick(paths);
      log.push({ t, type: 'file-create', file: path });
      if (!files.has(path)) files.set(path, '');
      if (random() < 0.8) {
        log.push({ t, type: 'snapshot', file: path, text: '' });
        files.set(path, '');
      }
    } else if (roll < 0.18 && existing.length > 0) {
      const from = pick(existing);
      const to = pick(paths);
      log.push({ t, type: 'file-rename', from, to });
      const text = files.get(from)!;
      files.delete(from);
      files.set(to, text);
    } else if (roll < 0.24) {
      const path = pick(paths);
      log.push({ t, type: 'file-delete', file: path });
      files.delete(path);
    } else if (roll < 0.3) {
      const path = pick(paths);
      const text = `snap${i}`;
      log.push({ t, type: 'snapshot', file: path, text });
      files.set(path, text);
    } else if (roll < 0.35) {
      log.push({ t, type: 'file-open', file: pick(paths) });
    } else {
      const path = pick(paths);
      const text = files.get(path) ?? '';
      const offset = Math.floor(random() * (text.length + 1));
      const deleteCount = Math.floor(random() * Math.min(3, text.length - offset + 1));
      const added = random() < 0.7 ? String.fromCharCode(97 + Math.floor(random() * 26)) : '';
      log.push({ t, type: 'edit', file: path, changes: [{ offset, deleteCount, insert: added }] });
      files.set(path, text.slice(0, offset) + added + text.slice(offset + deleteCount));
    }
  }
  return log;
}
