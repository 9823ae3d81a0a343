import { describe, expect, it, vi } from 'vitest';
import { parseBoardDraft, serialiseBoardDraft } from '../../core/whiteboard/restoreBoard';
import { rect } from '../../core/whiteboard/testElements';
import { BOARD_DRAFT } from '../parts/board';
import {
  CODEBASE_FILES,
  codebaseProblem,
  designProblem,
  problem,
  result,
  SOLVED,
  STARTER,
  testResult,
  engineHarness,
} from '../testing/fakes';

const h = engineHarness();

describe('New attempt', () => {
  async function solveOnce() {
    await h.engine.open(problem({ stages: ['one', 'two'] }));
    h.engine.start();
    h.engine.setNotes('- empty');
    h.engine.setCode(SOLVED);
    h.now += 60_000;
    h.nextResult = result({ tests: [testResult('a', 'passed', 1), testResult('b', 'passed', 2)] });
    await h.engine.run('submit');
    await h.engine.endSession();
  }

  it('returns to the starter with empty notes, results and console, locked stages, no Submit and the clock before Start', async () => {
    await solveOnce();
    expect(h.engine.state.practice?.unlockedStages).toBe(2);
    await h.engine.newAttempt();
    expect(h.engine.state).toMatchObject({ code: STARTER, notes: '', lastResult: null, console: [], clock: null });
    expect(h.engine.state.practice).toMatchObject({ attempt: 2, submits: 0, lastSubmit: null, status: 'solved', sessionIds: [] });
    expect(h.engine.state.practice?.unlockedStages).toBeUndefined();
    expect(h.storage.drafts.get('add/solution.ts')?.code).toBe(STARTER);
    expect(h.storage.drafts.get('add/notes.md')?.code).toBe('');
  });

  it('keeps the previous attempt, with its code, Submits and sessions, in the history', async () => {
    await solveOnce();
    await h.engine.newAttempt();
    expect(h.engine.state.history).toEqual([
      expect.objectContaining({
        number: 1,
        code: SOLVED,
        notes: '- empty',
        submits: 1,
        submitsUntilAllPass: 1,
        sessionIds: ['session-1'],
        startedAt: 1_000_000,
      }),
    ]);
    expect(h.storage.attempts).toHaveLength(1);
    // A later open still shows it.
    await h.engine.open(problem({ stages: ['one', 'two'] }));
    expect(h.engine.state.history.map((a) => a.number)).toEqual([1]);
  });

  it('ends and saves a session still recording before starting over', async () => {
    await h.engine.open(problem());
    h.engine.start();
    h.engine.setCode(SOLVED);
    await h.engine.newAttempt();
    expect(h.rec.events.some((e) => e.type === 'phase-end')).toBe(true);
    expect(h.rec.current).toBe('idle');
    expect(h.storage.attempts[0]?.code).toBe(SOLVED);
  });

  it('does not let a pending draft write put the old code back over the starter', async () => {
    await h.engine.open(problem());
    h.engine.setCode(SOLVED);
    await h.engine.newAttempt();
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.storage.drafts.get('add/solution.ts')?.code).toBe(STARTER);
  });

  it('keeps nothing for an attempt that had nothing in it', async () => {
    await h.engine.open(problem());
    expect(h.engine.hasWork()).toBe(false);
    await h.engine.newAttempt();
    expect(h.storage.attempts).toEqual([]);
    expect(h.engine.state.practice?.attempt).toBe(1);
  });

  it('leaves everything as it was when storage refuses', async () => {
    await h.engine.open(problem());
    h.engine.setCode(SOLVED);
    h.storage.newAttemptFails = true;
    await h.engine.newAttempt();
    expect(h.engine.state.code).toBe(SOLVED);
    expect(h.engine.state.saveError).toMatch(/Could not start a new attempt: disk full/);
  });

  it('starts a design problem again from its notes template', async () => {
    await h.engine.open(designProblem());
    expect(h.engine.state.notes).toBe('## Requirements\n');
    h.engine.setNotes('## Requirements\n- 1M users');
    await h.engine.newAttempt();
    expect(h.engine.state).toMatchObject({ code: 'const qps = 1;', notes: '## Requirements\n' });
  });
});

describe('New attempt of a codebase problem', () => {
  it('starts every file of every language and the file lists afresh, and keeps the files in the history', async () => {
    await h.engine.open(codebaseProblem());
    h.engine.setCode('export class Hub { typed }\n');
    h.engine.createFile('chat/room.ts');
    h.engine.deleteFile('main.ts');
    await h.engine.chooseLanguage('python');
    h.engine.setCode('class Hub: typed\n');
    h.engine.renameFile('chat/hub.py', 'hub.py');
    await h.engine.chooseLanguage('typescript');
    await h.engine.newAttempt();

    expect(h.engine.state.paths).toEqual(['chat/hub.ts', 'chat/types.ts', 'main.ts']);
    expect(h.engine.state.openFiles).toEqual(['chat/hub.ts']);
    for (const f of CODEBASE_FILES) expect(h.storage.drafts.get(`chat/project/typescript/${f.path}`)?.code).toBe(f.text);
    expect(JSON.parse(h.storage.drafts.get('chat/project/typescript')!.code)).toEqual(['chat/hub.ts', 'chat/types.ts', 'main.ts']);
    expect(JSON.parse(h.storage.drafts.get('chat/project/python')!.code)).toEqual(['chat/hub.py']);
    expect(h.storage.drafts.get('chat/project/python/chat/hub.py')?.code).toBe('class Hub: pass\n');
    expect(h.storage.attempts[0]?.files).toEqual({
      'chat/hub.ts': 'export class Hub { typed }\n',
      'chat/types.ts': 'export type Id = string;\n',
      'chat/room.ts': '',
    });

    // Opened again (a reload), both languages are as received.
    const reloaded = h.rebuild();
    await reloaded.open(codebaseProblem());
    expect(reloaded.state.paths).toEqual(['chat/hub.ts', 'chat/types.ts', 'main.ts']);
    await reloaded.chooseLanguage('python');
    expect(reloaded.state).toMatchObject({ paths: ['chat/hub.py'], code: 'class Hub: pass\n' });
  });
});

describe('New attempt of a design problem', () => {
  const boardDraft = () => parseBoardDraft(h.storage.drafts.get(`design/${BOARD_DRAFT}`)!.code)!.elements;

  it('starts the whiteboard afresh: an empty board, a new canvas, the empty board saved', async () => {
    h.storage.drafts.set(`design/${BOARD_DRAFT}`, { code: serialiseBoardDraft([rect('a', 0, 0)]), updatedAt: 1 });
    await h.engine.open(designProblem());
    await h.engine.openBoard('design');
    expect(h.engine.hasWork()).toBe(true); // something is on the board: New attempt is offered
    const generation = h.engine.state.board.generation;
    await h.engine.newAttempt();
    expect(h.engine.state.board).toMatchObject({ problemId: 'design', loaded: true, elements: [], generation: generation + 1 });
    expect(boardDraft()).toEqual([]);
    expect(h.engine.hasWork()).toBe(false);
    // The old board is kept with the attempt it belongs to.
    expect(parseBoardDraft(h.storage.attempts[0]!.board!)!.elements.map((e) => e.id)).toEqual(['a']);

    // The new board is saved and logged like the first one.
    h.engine.start();
    expect(h.rec.logged('board')).toEqual([{ type: 'board', full: true, elements: [] }]);
    h.engine.changeBoard([rect('b', 0, 0)], generation + 1);
    await vi.advanceTimersByTimeAsync(300);
    expect(boardDraft().map((e) => e.id)).toEqual(['b']);
  });

  it('drops what the old canvas still reports, and a save of the old board on its way', async () => {
    await h.engine.open(designProblem());
    await h.engine.openBoard('design');
    const old = h.engine.state.board.generation;
    h.engine.changeBoard([rect('a', 0, 0)], old);
    await h.engine.newAttempt();
    h.engine.changeBoard([rect('a', 0, 0), rect('late', 0, 0)], old);
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.engine.state.board.elements).toEqual([]);
    expect(boardDraft()).toEqual([]);
    // The attempt with only a board in it is kept in the history.
    expect(h.storage.attempts).toHaveLength(1);
  });

  it('keeps the saved board with the attempt when the whiteboard is not open', async () => {
    h.storage.drafts.set(`design/${BOARD_DRAFT}`, { code: serialiseBoardDraft([rect('a', 0, 0), rect('b', 9, 9)]), updatedAt: 1 });
    await h.engine.open(designProblem());
    h.engine.start();
    await h.engine.newAttempt();
    expect(parseBoardDraft(h.storage.attempts[0]!.board!)!.elements.map((e) => e.id)).toEqual(['a', 'b']);
    expect(boardDraft()).toEqual([]);
  });

  it('keeps no board with an attempt that drew nothing', async () => {
    await h.engine.open(designProblem());
    await h.engine.openBoard('design');
    h.engine.start();
    await h.engine.newAttempt();
    expect(h.storage.attempts).toHaveLength(1);
    expect(h.storage.attempts[0]!.board).toBeUndefined();
  });

  it('leaves the board as it was when storage refuses', async () => {
    await h.engine.open(designProblem());
    await h.engine.openBoard('design');
    h.engine.changeBoard([rect('a', 0, 0)]);
    h.storage.newAttemptFails = true;
    await h.engine.newAttempt();
    expect(h.engine.state.board.elements.map((e) => e.id)).toEqual(['a']);
  });
});
