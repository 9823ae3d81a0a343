import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { pythonCodeOfOldLog } from './migrations';

const oldPythonLog: SessionEvent[] = [
  { t: 0, type: 'snapshot', file: 'solution.ts', text: 'def f():\n    pass\n' },
  { t: 0, type: 'snapshot', file: 'notes.md', text: '' },
  { t: 5, type: 'edit', file: 'solution.ts', changes: [{ offset: 13, deleteCount: 4, insert: 'return 1' }] },
  { t: 6, type: 'run', mode: 'run', outcome: 'completed', passed: 1, total: 1 },
];

describe('pythonCodeOfOldLog', () => {
  it("renames a Python session's snapshots and edits of 'solution.ts' to 'solution.py', and nothing else", () => {
    const renamed = pythonCodeOfOldLog({ language: 'python' }, oldPythonLog);
    expect(renamed.map((e) => ('file' in e ? e.file : e.type))).toEqual(['solution.py', 'notes.md', 'solution.py', 'run']);
    expect(renamed[2]).toEqual({ ...oldPythonLog[2], file: 'solution.py' });
    expect(oldPythonLog[0]).toMatchObject({ file: 'solution.ts' });
  });

  it('is idempotent, and leaves TypeScript sessions (and sessions from before languages) as they are', () => {
    const once = pythonCodeOfOldLog({ language: 'python' }, oldPythonLog);
    expect(pythonCodeOfOldLog({ language: 'python' }, once)).toBe(once);
    expect(pythonCodeOfOldLog({ language: 'typescript' }, oldPythonLog)).toBe(oldPythonLog);
    expect(pythonCodeOfOldLog({}, oldPythonLog)).toBe(oldPythonLog);
  });

  it("leaves a project's own 'solution.ts' alone", () => {
    const project: SessionEvent[] = [
      { t: 0, type: 'snapshot', file: 'solution.py', text: '' },
      { t: 1, type: 'file-create', file: 'solution.ts' },
      { t: 1, type: 'snapshot', file: 'solution.ts', text: 'x' },
    ];
    expect(pythonCodeOfOldLog({ language: 'python' }, project)).toBe(project);
  });
});
