import { describe, expect, it, vi } from 'vitest';
import { MAX_FILES } from '../../core/files/paths';
import type { RunResult } from '../../runner/types';
import { codebaseProblem, problem, result, engineHarness } from '../testing/fakes';

const h = engineHarness();

/** The codebase fixture opened, a session recording (so the log can be read), the log empty. */
async function openRecorded() {
  await h.engine.open(codebaseProblem());
  h.engine.start();
  h.rec.events = [];
}

const fileEvents = () => h.rec.events.filter((e) => e.type.startsWith('file-') || e.type === 'snapshot');

describe('tabs', () => {
  it('opening a file shows it in a new tab and logs the switch; a place in it is revealed', async () => {
    await openRecorded();
    expect(h.engine.state).toMatchObject({ activeFile: 'chat/hub.ts', openFiles: ['chat/hub.ts'], codeKey: 'chat:typescript:chat/hub.ts' });
    h.engine.openFile('main.ts', { line: 3 });
    expect(h.engine.state).toMatchObject({
      activeFile: 'main.ts',
      code: "import { Hub } from './chat/hub';\n",
      codeKey: 'chat:typescript:main.ts',
      openFiles: ['chat/hub.ts', 'main.ts'],
      reveal: { file: 'main.ts', line: 3, column: 1 },
    });
    const seq = h.engine.state.reveal!.seq;
    h.engine.openFile('main.ts', { line: 3 }); // the same place again moves the caret again
    expect(h.engine.state.reveal!.seq).toBeGreaterThan(seq);
    h.engine.openFile('nowhere.ts');
    expect(h.engine.state.activeFile).toBe('main.ts');
    expect(fileEvents()).toEqual([{ type: 'file-open', file: 'main.ts' }]);
  });

  it('closing a tab shows the one beside it; the last tab stays open', async () => {
    await openRecorded();
    h.engine.openFile('chat/types.ts');
    h.engine.openFile('main.ts');
    h.engine.closeFile('chat/types.ts'); // not the active one: the editor stays
    expect(h.engine.state).toMatchObject({ openFiles: ['chat/hub.ts', 'main.ts'], activeFile: 'main.ts' });
    h.engine.closeFile('main.ts');
    expect(h.engine.state).toMatchObject({ openFiles: ['chat/hub.ts'], activeFile: 'chat/hub.ts' });
    h.engine.closeFile('chat/hub.ts');
    expect(h.engine.state.openFiles).toEqual(['chat/hub.ts']);
    expect(fileEvents().map((e) => e.type === 'file-open' && e.file)).toEqual(['chat/types.ts', 'main.ts', 'chat/hub.ts']);
  });
});

describe('creating, renaming and deleting files', () => {
  it('creates an empty file, opens it, logs it with its text and saves the file list', async () => {
    await openRecorded();
    expect(h.engine.createFile('chat/room.ts')).toBeNull();
    expect(h.engine.state).toMatchObject({ activeFile: 'chat/room.ts', code: '', fileNotice: null });
    expect(h.engine.state.paths).toEqual(['chat/hub.ts', 'chat/room.ts', 'chat/types.ts', 'main.ts']);
    expect(fileEvents()).toEqual([
      { type: 'file-create', file: 'chat/room.ts' },
      { type: 'snapshot', file: 'chat/room.ts', text: '' },
      { type: 'file-open', file: 'chat/room.ts' },
    ]);
    await h.engine.flushDrafts();
    expect(h.storage.drafts.get('chat/project/typescript/chat/room.ts')?.code).toBe('');
    expect(JSON.parse(h.storage.drafts.get('chat/project/typescript')!.code)).toEqual(h.engine.state.paths);
  });

  it('renames a file with its text and its tab, logs it and saves it under its new name', async () => {
    await openRecorded();
    h.engine.setCode('export class Hub { rooms = 1 }\n');
    expect(h.engine.renameFile('chat/hub.ts', 'chat/server.ts')).toBeNull();
    expect(h.engine.state).toMatchObject({
      activeFile: 'chat/server.ts',
      codeKey: 'chat:typescript:chat/server.ts',
      openFiles: ['chat/server.ts'],
      paths: ['chat/server.ts', 'chat/types.ts', 'main.ts'],
    });
    expect(h.engine.state.files['chat/server.ts']).toBe('export class Hub { rooms = 1 }\n');
    expect(h.engine.state.files['chat/hub.ts']).toBeUndefined();
    expect(fileEvents()).toEqual([{ type: 'file-rename', from: 'chat/hub.ts', to: 'chat/server.ts' }]);
    await h.engine.flushDrafts();
    expect(h.storage.drafts.get('chat/project/typescript/chat/server.ts')?.code).toBe('export class Hub { rooms = 1 }\n');
    expect(JSON.parse(h.storage.drafts.get('chat/project/typescript')!.code)).toEqual(['chat/server.ts', 'chat/types.ts', 'main.ts']);
    expect(h.engine.renameFile('main.ts', 'main.ts')).toBeNull(); // the same name: nothing to do
  });

  it('deletes a file, shows another, logs it and saves the file list', async () => {
    await openRecorded();
    h.engine.openFile('main.ts');
    h.rec.events = [];
    expect(h.engine.deleteFile('main.ts')).toBeNull();
    expect(h.engine.state).toMatchObject({
      activeFile: 'chat/hub.ts',
      openFiles: ['chat/hub.ts'],
      paths: ['chat/hub.ts', 'chat/types.ts'],
    });
    expect(fileEvents()).toEqual([
      { type: 'file-delete', file: 'main.ts' },
      { type: 'file-open', file: 'chat/hub.ts' },
    ]);
    await h.engine.flushDrafts();
    expect(JSON.parse(h.storage.drafts.get('chat/project/typescript')!.code)).toEqual(['chat/hub.ts', 'chat/types.ts']);
  });

  it.each([
    ['an empty name', '', /needs a name/],
    ['a path going up', 'chat/../x.ts', /cannot go up a folder/],
    ['an absolute path', '/etc/x.ts', /inside the project/],
    ['a duplicate, ignoring case', 'Main.TS', /“main.ts” already exists/],
    ['a path over 100 characters', `${'a'.repeat(98)}.ts`, /at most 100 characters/],
    ['the plan notes name', 'notes.md', /plan notes go/],
    ['a file where a folder is', 'chat', /is a folder already/],
  ])('refuses %s, saying why, and changes nothing', async (_what, path, message) => {
    await openRecorded();
    const before = h.engine.state.paths;
    expect(h.engine.createFile(path)).toMatch(message);
    expect(h.engine.state.fileNotice).toMatch(message);
    expect(h.engine.renameFile('chat/hub.ts', path)).toMatch(message);
    expect(h.engine.state.paths).toBe(before);
    expect(fileEvents()).toEqual([]);
    h.engine.dismissFileNotice();
    expect(h.engine.state.fileNotice).toBeNull();
  });

  it(`refuses a file past ${MAX_FILES}`, async () => {
    await openRecorded();
    for (let i = h.engine.state.paths.length; i < MAX_FILES; i++) expect(h.engine.createFile(`more/f${i}.ts`)).toBeNull();
    expect(h.engine.createFile('one-too-many.ts')).toMatch(/at most 100 files/);
    expect(h.engine.state.paths).toHaveLength(MAX_FILES);
    // Renaming is not adding: it still works at the limit.
    expect(h.engine.renameFile('main.ts', 'index.ts')).toBeNull();
  });

  it('refuses to rename or delete a read-only file, or the last file; typing in a read-only file is refused', async () => {
    await openRecorded();
    expect(h.engine.renameFile('chat/types.ts', 'chat/ids.ts')).toMatch(/chat\/types.ts is read-only/);
    expect(h.engine.deleteFile('chat/types.ts')).toMatch(/chat\/types.ts is read-only/);
    expect(h.engine.deleteFile('nowhere.ts')).toMatch(/There is no file “nowhere.ts”/);
    h.engine.openFile('chat/types.ts');
    h.engine.setCode('export type Id = number;\n');
    h.engine.recordCodeEdit([{ offset: 0, deleteCount: 0, insert: 'x' }]);
    expect(h.engine.state.files['chat/types.ts']).toBe('export type Id = string;\n');
    expect(h.engine.state.fileNotice).toMatch(/chat\/types.ts is read-only in this problem/);
    expect(h.rec.edits).toEqual([]);
    h.engine.deleteFile('chat/hub.ts');
    expect(h.engine.deleteFile('main.ts')).toBeNull();
    expect(h.engine.state.paths).toEqual(['chat/types.ts']);
  });

  it('refuses any change of the tree in a single-file problem', async () => {
    await h.engine.open(problem());
    expect(h.engine.createFile('helper.ts')).toMatch(/This problem is one file/);
    expect(h.engine.renameFile('solution.ts', 'main.ts')).toMatch(/This problem is one file/);
    expect(h.engine.deleteFile('solution.ts')).toMatch(/This problem is one file/);
    expect(h.engine.state.paths).toEqual(['solution.ts']);
  });

  it('a codebase whose file list is fixed refuses tree changes with its own reason, and still keeps each file as a project draft', async () => {
    const fixed = codebaseProblem();
    fixed.code.typescript = { ...fixed.code.typescript!, editableTree: false };
    await h.engine.open(fixed);
    expect(h.engine.createFile('chat/room.ts')).toMatch(/file list is fixed/);
    expect(h.engine.renameFile('main.ts', 'index.ts')).toMatch(/file list is fixed/);
    h.engine.setCode('export class Hub { typed }\n');
    await h.engine.flushDrafts();
    expect(h.storage.drafts.get('chat/project/typescript/chat/hub.ts')?.code).toBe('export class Hub { typed }\n');
    expect(h.storage.drafts.has('chat/chat/hub.ts')).toBe(false);
  });

  it('refuses while a run is under way, and while the session is paused', async () => {
    let finish!: (r: RunResult) => void;
    h.connect({ runner: async () => ({ run: () => new Promise<RunResult>((resolve) => (finish = resolve)) }) });
    await openRecorded();
    const run = h.engine.run('run');
    expect(h.engine.createFile('x.ts')).toBe('Wait for the run to finish.');
    expect(h.engine.renameFile('main.ts', 'x.ts')).toBe('Wait for the run to finish.');
    expect(h.engine.deleteFile('main.ts')).toBe('Wait for the run to finish.');
    await vi.advanceTimersByTimeAsync(0); // the runner has the run
    finish(result({ mode: 'run' }));
    await run;
    h.engine.pause();
    expect(h.engine.createFile('x.ts')).toMatch(/The session is paused/);
    expect(h.engine.deleteFile('main.ts')).toMatch(/The session is paused/);
    h.engine.resume();
    expect(h.engine.createFile('x.ts')).toBeNull();
  });
});

describe('the drafts of a codebase problem', () => {
  it('each file is its own draft; a reload brings back the files created, renamed and deleted', async () => {
    await h.engine.open(codebaseProblem());
    h.engine.setCode('export class Hub { typed }\n');
    h.engine.createFile('chat/room.ts');
    h.engine.setCode('export class Room {}\n');
    h.engine.renameFile('main.ts', 'index.ts');
    h.engine.deleteFile('chat/hub.ts');
    await h.engine.flushDrafts();

    const reloaded = h.rebuild();
    await reloaded.open(codebaseProblem());
    expect(reloaded.state.paths).toEqual(['chat/room.ts', 'chat/types.ts', 'index.ts']);
    expect(reloaded.state.files).toEqual({
      'chat/room.ts': 'export class Room {}\n',
      'chat/types.ts': 'export type Id = string;\n',
      'index.ts': "import { Hub } from './chat/hub';\n",
    });
    expect(reloaded.state.activeFile).toBe('chat/room.ts');
    // The project is not as received: opening asks whether to continue it.
    expect(reloaded.state.draftQuestion).not.toBeNull();
  });

  it('a damaged file list is ignored: the project opens as received', async () => {
    h.storage.drafts.set('chat/project/typescript', { code: '{"not": "a list"}', updatedAt: 5 });
    await h.engine.open(codebaseProblem());
    expect(h.engine.state.paths).toEqual(['chat/hub.ts', 'chat/types.ts', 'main.ts']);
    expect(h.engine.state.draftQuestion).toBeNull();
  });

  it('each language keeps its own project', async () => {
    await h.engine.open(codebaseProblem());
    h.engine.createFile('extra.ts');
    await h.engine.chooseLanguage('python');
    expect(h.engine.state.paths).toEqual(['chat/hub.py']);
    h.engine.createFile('chat/room.py');
    await h.engine.flushDrafts();
    expect(JSON.parse(h.storage.drafts.get('chat/project/python')!.code)).toEqual(['chat/hub.py', 'chat/room.py']);
    expect(JSON.parse(h.storage.drafts.get('chat/project/typescript')!.code)).toContain('extra.ts');
  });
});
