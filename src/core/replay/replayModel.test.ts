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

  it("names a Python session's code by its language, and a project's files in the order they appear", () => {
    const python = createReplay({ ...sessionOf(), language: 'python' }, [{ t: 0, type: 'snapshot', file: 'solution.py', text: 'x = 1' }]);
    expect(python.files).toEqual(['solution.py']);
    expect(python.codeFile).toBe('solution.py');
    expect(python.finalText(python.codeFile)).toBe('x = 1');
    expect(createReplay({ ...sessionOf(), language: 'python' }, []).files).toEqual(['solution.py']);
    const project = createReplay(sessionOf(), [
      { t: 0, type: 'snapshot', file: 'chat/hub.ts', text: 'a' },
      { t: 0, type: 'snapshot', file: 'notes.md', text: '' },
      { t: 1, type: 'snapshot', file: 'solution.ts', text: 'b' },
    ]);
    expect(project.files).toEqual(['chat/hub.ts', 'solution.ts', 'notes.md']);
    expect(project.codeFile).toBe('solution.ts');
  });
});
