import { describe, expect, it } from 'vitest';
import { filesAt, finalFiles, projectFiles } from './fileSet';
import { replayText } from './editLog';
import type { SessionEvent } from './types';

const insert = (t: number, file: string, offset: number, text: string): SessionEvent => ({
  t,
  type: 'edit',
  file,
  changes: [{ offset, deleteCount: 0, insert: text }],
});

describe('finalFiles', () => {
  it('is every logged file replayed to its end (a log from before file events)', () => {
    const events: SessionEvent[] = [
      { t: 0, type: 'snapshot', file: 'solution.ts', text: 'let a;\n' },
      { t: 0, type: 'snapshot', file: 'notes.md', text: '' },
      insert(5, 'solution.ts', 7, 'let b;\n'),
      insert(6, 'notes.md', 0, '- empty'),
    ];
    expect(finalFiles(events)).toEqual({ 'solution.ts': 'let a;\nlet b;\n', 'notes.md': '- empty' });
    expect(finalFiles(events)['solution.ts']).toBe(replayText(events, 'solution.ts', Infinity));
  });

  it('adds a created file, empty until its snapshot', () => {
    expect(finalFiles([{ t: 1, type: 'file-create', file: 'chat/hub.ts' }])).toEqual({ 'chat/hub.ts': '' });
    expect(
      finalFiles([
        { t: 1, type: 'file-create', file: 'chat/hub.ts' },
        { t: 1, type: 'snapshot', file: 'chat/hub.ts', text: 'export {};\n' },
      ]),
    ).toEqual({ 'chat/hub.ts': 'export {};\n' });
  });

  it('keeps the text of a renamed file under its new path', () => {
    const events: SessionEvent[] = [
      { t: 0, type: 'snapshot', file: 'util.ts', text: 'export const x = 1;\n' },
      { t: 1, type: 'file-rename', from: 'util.ts', to: 'lib/util.ts' },
    ];
    expect(finalFiles(events)).toEqual({ 'lib/util.ts': 'export const x = 1;\n' });
  });

  it('applies the edits after a rename to the new name', () => {
    const events: SessionEvent[] = [
      { t: 0, type: 'snapshot', file: 'a.ts', text: 'one\n' },
      { t: 1, type: 'file-rename', from: 'a.ts', to: 'b.ts' },
      insert(2, 'b.ts', 4, 'two\n'),
    ];
    expect(finalFiles(events)).toEqual({ 'b.ts': 'one\ntwo\n' });
  });

  it('removes a deleted file', () => {
    const events: SessionEvent[] = [
      { t: 0, type: 'snapshot', file: 'solution.ts', text: 'x' },
      { t: 0, type: 'snapshot', file: 'scratch.ts', text: 'y' },
      { t: 1, type: 'file-open', file: 'scratch.ts' },
      { t: 2, type: 'file-delete', file: 'scratch.ts' },
    ];
    expect(finalFiles(events)).toEqual({ 'solution.ts': 'x' });
  });

  it('ignores a rename or delete of a file it does not hold, and any other event', () => {
    const events: SessionEvent[] = [
      { t: 0, type: 'snapshot', file: 'a.ts', text: 'a' },
      { t: 1, type: 'file-rename', from: 'missing.ts', to: 'b.ts' },
      { t: 2, type: 'file-delete', file: 'missing.ts' },
      { t: 3, type: 'run', mode: 'run', outcome: 'completed', passed: 1, total: 1 },
    ];
    expect(finalFiles(events)).toEqual({ 'a.ts': 'a' });
  });

  it('holds any valid path as a key of its own', () => {
    const files = finalFiles([{ t: 0, type: 'snapshot', file: '__proto__', text: 'p' }]);
    expect(Object.keys(files)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(files)).toBe(Object.prototype);
  });

  it('throws on an edit outside its file, as a replay does', () => {
    expect(() => finalFiles([insert(0, 'a.ts', 5, 'x')])).toThrow(RangeError);
  });
});

describe('filesAt', () => {
  it('is the set after the events up to that time', () => {
    const events: SessionEvent[] = [
      { t: 0, type: 'snapshot', file: 'a.ts', text: 'a' },
      { t: 10, type: 'file-rename', from: 'a.ts', to: 'b.ts' },
      { t: 20, type: 'file-delete', file: 'b.ts' },
    ];
    expect(filesAt(events, 5)).toEqual({ 'a.ts': 'a' });
    expect(filesAt(events, 10)).toEqual({ 'b.ts': 'a' });
    expect(filesAt(events, 20)).toEqual({});
  });
});

describe('projectFiles', () => {
  it('leaves out the plan notes', () => {
    expect(projectFiles({ 'solution.py': 'x', 'notes.md': '- a' })).toEqual({ 'solution.py': 'x' });
  });
});
