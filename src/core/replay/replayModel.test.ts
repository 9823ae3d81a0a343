import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { createReplay } from './replayModel';
import { sessionOf } from './sessionFixture';

const events: SessionEvent[] = [
  { t: 0, type: 'snapshot', file: 'solution.ts', text: 'x' },
  { t: 0, type: 'snapshot', file: 'notes.md', text: '# Notes\n' },
  { t: 1_000, type: 'edit', file: 'solution.ts', changes: [{ offset: 1, deleteCount: 0, insert: 'yz' }] },
  { t: 2_000, type: 'run', mode: 'run', outcome: 'completed', passed: 1, total: 2 },
  { t: 3_000, type: 'edit', file: 'notes.md', changes: [{ offset: 8, deleteCount: 0, insert: 'cache' }] },
  { t: 4_000, type: 'edit', file: 'solution.ts', changes: [{ offset: 0, deleteCount: 1, insert: '' }] },
];

describe('createReplay', () => {
  const replay = createReplay(sessionOf(), events, 2);

  it('shows each file’s text, its current edit and the last run at any moment', () => {
    expect(replay.files).toEqual(['solution.ts', 'notes.md']);
    expect(replay.frameAt(500, 'solution.ts')).toMatchObject({ text: 'x', currentEdit: null, lastRun: null });
    const at2s = replay.frameAt(2_500, 'solution.ts');
    expect(at2s).toMatchObject({ text: 'xyz', currentEdit: { t: 1_000, ranges: [{ start: 1, end: 3 }] } });
    expect(at2s.lastRun?.label).toBe('Run at 00:02: 1/2 passed');
    expect(replay.frameAt(3_500, 'notes.md')).toMatchObject({ text: '# Notes\ncache', currentEdit: { t: 3_000 } });
    expect(replay.frameAt(9_000, 'solution.ts').text).toBe('yz');
  });

  it('counts the file’s events so far, to redraw only when the text changes', () => {
    expect(replay.versionAt(0, 'solution.ts')).toBe(1);
    expect(replay.versionAt(3_999, 'solution.ts')).toBe(2);
    expect(replay.versionAt(4_000, 'solution.ts')).toBe(3);
    expect(replay.versionAt(3_000, 'notes.md')).toBe(2);
  });

  it('seeks backwards as well as forwards', () => {
    expect(replay.frameAt(4_000, 'solution.ts').text).toBe('yz');
    expect(replay.frameAt(999, 'solution.ts').text).toBe('x');
    expect(replay.finalText('solution.ts')).toBe('yz');
  });

  it('shows the first snapshot before it was stamped (the editor already held it)', () => {
    const late = createReplay(sessionOf(), [{ t: 40, type: 'snapshot', file: 'solution.ts', text: 'starter' }]);
    expect(late.frameAt(0, 'solution.ts').text).toBe('starter');
  });

  it('has only the solution when the log holds no notes', () => {
    const coding = createReplay(
      sessionOf(),
      events.filter((e) => !('file' in e) || e.file === 'solution.ts'),
    );
    expect(coding.files).toEqual(['solution.ts']);
    expect(coding.finalText('notes.md')).toBe('');
  });

  it('shows a Python session’s code under its own name', () => {
    const python = createReplay(sessionOf({ language: 'python' }), [{ t: 0, type: 'snapshot', file: 'solution.py', text: 'x = 1\n' }]);
    expect(python.files).toEqual(['solution.py']);
    expect(python.codeFile).toBe('solution.py');
    expect(python.multiFile).toBe(false);
    expect(python.frameAt(0, 'solution.py').text).toBe('x = 1\n');
    expect(createReplay(sessionOf({ language: 'python' }), []).codeFiles).toEqual(['solution.py']);
  });
});

describe('createReplay of a multi-file session', () => {
  const project: SessionEvent[] = [
    { t: 3, type: 'snapshot', file: 'chat/hub.ts', text: 'hub' },
    { t: 3, type: 'snapshot', file: 'demo.ts', text: 'demo' },
    { t: 3, type: 'snapshot', file: 'notes.md', text: '' },
    { t: 4, type: 'file-open', file: 'chat/hub.ts' },
    { t: 1_000, type: 'file-create', file: 'util.ts' },
    { t: 1_000, type: 'snapshot', file: 'util.ts', text: '' },
    { t: 1_000, type: 'file-open', file: 'util.ts' },
    { t: 2_000, type: 'edit', file: 'util.ts', changes: [{ offset: 0, deleteCount: 0, insert: 'u' }] },
    { t: 2_500, type: 'run', mode: 'run', outcome: 'completed', passed: 1, total: 1 },
    { t: 3_000, type: 'file-rename', from: 'util.ts', to: 'chat/util.ts' },
    { t: 4_000, type: 'file-delete', file: 'demo.ts' },
    { t: 5_000, type: 'edit', file: 'chat/hub.ts', changes: [{ offset: 3, deleteCount: 0, insert: '!' }] },
  ];
  const replay = createReplay(sessionOf(), project, 2);

  it('lists every code file the session had, then the notes', () => {
    expect(replay.multiFile).toBe(true);
    expect(replay.codeFile).toBe('chat/hub.ts');
    expect(replay.codeFiles).toEqual(['chat/hub.ts', 'chat/util.ts', 'demo.ts', 'util.ts']);
    expect(replay.files).toEqual(['chat/hub.ts', 'chat/util.ts', 'demo.ts', 'util.ts', 'notes.md']);
  });

  it('has the files that exist at the play head and the one being edited (the opening files from the start)', () => {
    expect(replay.codeFilesAt(0)).toEqual(['chat/hub.ts', 'demo.ts']);
    expect(replay.codeFilesAt(1_000)).toEqual(['chat/hub.ts', 'demo.ts', 'util.ts']);
    expect(replay.codeFilesAt(4_000)).toEqual(['chat/hub.ts', 'chat/util.ts']);
    expect(replay.codeFilesAt(4_500)).toBe(replay.codeFilesAt(4_000));
    expect(replay.activeFileAt(0)).toBeNull();
    expect(replay.activeFileAt(4)).toBe('chat/hub.ts');
    expect(replay.activeFileAt(2_000)).toBe('util.ts');
    expect(replay.activeFileAt(3_000)).toBe('chat/util.ts');
    expect(replay.activeFileAt(5_000)).toBe('chat/hub.ts');
  });

  it('shows a file’s text and current edit across its rename, and no file where there is none', () => {
    expect(replay.frameAt(2_000, 'util.ts')).toMatchObject({ exists: true, text: 'u', currentEdit: { t: 2_000 } });
    expect(replay.frameAt(3_000, 'util.ts')).toMatchObject({ exists: false, text: '', currentEdit: null });
    expect(replay.frameAt(3_000, 'chat/util.ts')).toMatchObject({ exists: true, text: 'u', currentEdit: { t: 2_000 } });
    expect(replay.frameAt(3_000, 'chat/util.ts').lastRun?.t).toBe(2_500);
    expect(replay.versionAt(2_999, 'chat/util.ts')).toBe(0);
    expect(replay.versionAt(3_000, 'chat/util.ts')).toBe(1);
  });

  it('gives every code file’s text at a moment, and at the end', () => {
    expect(replay.codeAt(2_000)).toEqual({ 'chat/hub.ts': 'hub', 'demo.ts': 'demo', 'util.ts': 'u' });
    expect(replay.codeAt(Infinity)).toEqual({ 'chat/hub.ts': 'hub!', 'chat/util.ts': 'u' });
    expect(replay.finalText('demo.ts')).toBe('');
  });
});
