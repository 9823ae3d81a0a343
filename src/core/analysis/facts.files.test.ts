/** Facts that read the code, over a session whose code is several files (a codebase problem) or Python. */
import { describe, expect, it } from 'vitest';
import type { SessionEvent } from '../session/types';
import { computeFacts, edgeCasesBeforeCode, longestEditingWithoutRun } from './facts';
import { sessionRecord } from '../testing/fixtures';

const insert = (t: number, file: string, text: string, offset = 0): SessionEvent => ({
  t,
  type: 'edit',
  file,
  changes: [{ offset, deleteCount: 0, insert: text }],
});
const snapshot = (t: number, file: string, text: string): SessionEvent => ({ t, type: 'snapshot', file, text });

const HUB = '// The hub pushes events to connections.\nexport class Hub {}\n';
const STORE = 'export class Store {}\n';

describe('typing activity over every code file', () => {
  it('is one stretch of editing across files, until a run; the notes are not code', () => {
    const events: SessionEvent[] = [
      snapshot(0, 'chat/hub.ts', HUB),
      snapshot(0, 'chat/store.ts', STORE),
      snapshot(0, 'notes.md', ''),
      insert(1_000, 'chat/hub.ts', ' '),
      insert(5_000, 'notes.md', '- a'),
      insert(9_000, 'chat/store.ts', ' '),
      { t: 10_000, type: 'run', mode: 'run', outcome: 'completed', passed: 1, total: 1 },
      insert(11_000, 'chat/store.ts', ' '),
      insert(12_000, 'notes.md', '- b'),
    ];
    expect(longestEditingWithoutRun(events)).toBe(8_000);
    expect(computeFacts({ session: sessionRecord(), events }).longestEditingWithoutRunMs).toBe(8_000);
  });
});

describe('edge cases before code, over every code file', () => {
  it('counts the comments above the code in each file when code is first typed in any of them', () => {
    const events: SessionEvent[] = [
      snapshot(0, 'chat/hub.ts', HUB),
      snapshot(0, 'chat/store.ts', STORE),
      snapshot(0, 'notes.md', '- reconnect\n'),
      insert(1_000, 'chat/hub.ts', '// two tabs of one agent\n'),
      insert(2_000, 'chat/store.ts', '// empty conversation\n// ids per desk\n'),
      insert(3_000, 'chat/hub.ts', 'const LIMIT = 3;\n', HUB.length + 25),
      insert(4_000, 'chat/store.ts', '// after the code\n'),
    ];
    expect(edgeCasesBeforeCode(events)).toBe(4);
  });

  it('counts a created file’s comments, keeps a renamed file’s starter, forgets a deleted file', () => {
    const events: SessionEvent[] = [
      snapshot(0, 'chat/hub.ts', HUB),
      snapshot(0, 'scratch.ts', '// mine\n'),
      { t: 500, type: 'file-delete', file: 'scratch.ts' },
      { t: 1_000, type: 'file-create', file: 'chat/typing.ts' },
      snapshot(1_000, 'chat/typing.ts', ''),
      insert(2_000, 'chat/typing.ts', '// expires after 5 s\n'),
      { t: 2_500, type: 'file-rename', from: 'chat/hub.ts', to: 'chat/connections.ts' },
      insert(3_000, 'chat/connections.ts', 'export const x = 1;\n', HUB.length),
    ];
    // The hub's starter comment is not the candidate's, under its new name too.
    expect(edgeCasesBeforeCode(events)).toBe(1);
  });

  it('reads Python comments in a Python file', () => {
    const starter = '"""Token bucket."""\n\n\nclass Bucket:\n    pass\n';
    const events: SessionEvent[] = [
      snapshot(0, 'solution.py', starter),
      insert(1_000, 'solution.py', '# capacity 0\n# refill beyond capacity\n'),
      insert(2_000, 'solution.py', '#'),
      insert(3_000, 'solution.py', 'LIMIT = 3\n', 39),
    ];
    expect(edgeCasesBeforeCode(events.slice(0, 3))).toBeNull();
    expect(edgeCasesBeforeCode(events)).toBe(2);
  });

  it('does not take typing in a file of no language (a README) for code', () => {
    const events: SessionEvent[] = [snapshot(0, 'README.md', ''), insert(1_000, 'README.md', 'Run the demo.')];
    expect(edgeCasesBeforeCode(events)).toBeNull();
  });
});
