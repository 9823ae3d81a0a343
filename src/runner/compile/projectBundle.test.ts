/**
 * Projects of several files (a codebase problem): imports between project files, the tests importing
 * modules by path, every error in the file and at the line it is about, and stacks mapped to `path:line`.
 * Native esbuild, scripts run in Node's vm as the worker runs them (nodeRun.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { createStackMapper } from '../results/stackMapping';
import { RunCompiler, type BundleInput, type BundleOutput } from './bundle';
import { readsModule } from './moduleShims';
import { execute, native } from './nodeRun';

const compile = (input: BundleInput): Promise<BundleOutput> => new RunCompiler(native).compile(input);

const PROJECT: Record<string, string> = {
  'README.md': '# Support desk\n\nNot a module: never compiled.\n',
  'chat/models.ts': `export type Role = 'visitor' | 'agent';
export interface Message { author: string; text: string }
export class DeskError extends Error {}
export let created = 0;
export function countCreated(): void { created++; }
`,
  'chat/store.ts': `import { countCreated, type Message } from './models.js';
export class MessageStore {
  private readonly messages: Message[] = [];
  add(message: Message): void { countCreated(); this.messages.push(message); }
  all(): readonly Message[] { return this.messages; }
}
`,
  'chat/hub.ts': `import { DeskError, type Role } from './models';
import { MessageStore } from './store.ts';
import { limits } from '../config';

export class Hub {
  private readonly store = new MessageStore();
  send(author: string, role: Role, text: string): void {
    if (text.length > limits.maxLength) {
      throw new DeskError('message too long: ' + text.length);
    }
    this.store.add({ author, text: role === 'agent' ? text : text.trim() });
  }
  texts(): string[] { return this.store.all().map((m) => m.text); }
}
`,
  'chat/index.ts': "export { Hub } from './hub';\nexport * from './models';\n",
  'config/index.ts': "import data from './limits.json';\nexport const limits = data;\n",
  'config/limits.json': '{ "maxLength": 5 }\n',
  'demo.ts': "(globalThis as any).record?.('demo ran');\nexport const demo = true;\n",
};

const TESTS = `import { expect } from 'chai';
import { Hub } from './chat/hub';
import * as chat from './chat';
import { created } from './chat/models';

describe('Hub', () => {
  it('keeps messages', () => {
    const hub = new Hub();
    hub.send('vera', 'visitor', ' hi ');
    expect(hub.texts()).to.deep.equal(['hi']);
  });
  it('reads live bindings across modules, through a folder index', () => {
    expect(chat.created).to.equal(created);
    expect(created).to.equal(1);
    expect(new chat.Hub()).to.be.instanceOf(Hub);
  });
  it('throws in the project', () => {
    new Hub().send('alex', 'agent', 'far too long');
  });
});
`;

const input = (files: Record<string, string> = PROJECT, tests = TESTS): BundleInput => ({ files, tests, testFileName: 'hidden.test.ts' });

async function diagnosticsOf(files: Record<string, string>, tests = TESTS) {
  const out = await compile(input(files, tests));
  if (out.ok) throw new Error('expected compile errors');
  return out.diagnostics;
}

describe('RunCompiler, a project of several files', () => {
  it("bundles every module, resolves imports between them (with or without .ts/.js, folders' index.ts, JSON data)", async () => {
    const out = await compile(input());
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(JSON.parse(out.project.map).sources).toEqual(
      expect.arrayContaining(['rehearse:chat/hub.ts', 'rehearse:chat/store.ts', 'rehearse:chat/models.ts', 'rehearse:demo.ts']),
    );
    expect(out.tests.code).not.toContain('class MessageStore');
    const ran: string[] = [];
    const results = execute(out, { record: (what: string) => ran.push(what) });
    expect(results.map((r) => [r.title, r.error?.message ?? null])).toEqual([
      ['keeps messages', null],
      ['reads live bindings across modules, through a folder index', null],
      ['throws in the project', 'message too long: 12'],
    ]);
    // demo.ts is imported by nothing, and its top-level code still ran (before the tests).
    expect(ran).toEqual(['demo ran']);
  });

  it("maps a throw to the project file and line, and names each frame's file", async () => {
    const out = await compile(input());
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    const thrown = execute(out).find((r) => r.title === 'throws in the project')?.error;
    const mapped = createStackMapper({ project: out.project.map, tests: out.tests.map }, 'hidden.test.ts')(thrown?.stack ?? '');
    expect(mapped.at).toEqual({ file: 'chat/hub.ts', line: 9, column: 13 });
    expect(mapped.where).toBe('chat/hub.ts:9:13');
    expect(mapped.text).toMatch(/^Error: message too long: 12\n/);
    expect(mapped.text).toContain('(chat/hub.ts:9:13)');
    expect(mapped.text).toContain('at hidden.test.ts:18:');
  });

  it('reports an import of a file that does not exist in the importing file, at its line, naming the missing path', async () => {
    const files = { ...PROJECT, 'chat/hub.ts': PROJECT['chat/hub.ts']!.replace("'./store.ts'", "'./stores'") };
    expect(await diagnosticsOf(files)).toEqual([
      {
        file: 'chat/hub.ts',
        message: 'Cannot find "./stores" imported by chat/hub.ts: the project has no chat/stores.ts or chat/stores/index.ts.',
        line: 2,
        column: 30,
        length: 10,
      },
    ]);
  });

  it("reports a test's import of a missing module in the tests, and one that climbs out of the project", async () => {
    const [missing] = await diagnosticsOf(PROJECT, TESTS.replace("'./chat/hub'", "'./chat/hubs'"));
    expect(missing).toMatchObject({ file: 'tests', line: 2 });
    expect(missing?.message).toBe(
      'Cannot find "./chat/hubs" imported by the tests: the project has no chat/hubs.ts or chat/hubs/index.ts.',
    );
    const files = { ...PROJECT, 'chat/store.ts': `import '../../secrets';\n${PROJECT['chat/store.ts']!}` };
    expect(await diagnosticsOf(files)).toEqual([
      expect.objectContaining({
        file: 'chat/store.ts',
        line: 1,
        message: 'Cannot import "../../secrets" in chat/store.ts: it points outside the project.',
      }),
    ]);
  });

  it('points a syntax error, or a malformed type, in a second file at that file and line', async () => {
    const syntax = {
      ...PROJECT,
      'chat/store.ts': PROJECT['chat/store.ts']!.replace('this.messages.push(message);', 'this.messages.push(message;'),
    };
    expect(await diagnosticsOf(syntax)).toEqual([
      expect.objectContaining({ file: 'chat/store.ts', line: 4, message: 'Expected ")" but found ";"' }),
    ]);
    const type = { ...PROJECT, 'chat/models.ts': `${PROJECT['chat/models.ts']!}export const broken: = 1;\n` };
    expect(await diagnosticsOf(type)).toEqual([{ file: 'chat/models.ts', message: 'Unexpected "="', line: 6, column: 22, length: 1 }]);
  });

  it('reports a missing export of a project module at the import in the tests, naming the module', async () => {
    // Used, or TypeScript's rules would drop the import as one of a type.
    const [diagnostic] = await diagnosticsOf(PROJECT, `${TESTS.replace('import { Hub }', 'import { Hub, Nope }')}console.log(Nope);\n`);
    expect(diagnostic).toEqual({
      file: 'tests',
      message: 'No matching export in "chat/hub.ts" for import "Nope"',
      line: 2,
      column: 15,
      length: 4,
    });
  });

  it('refuses a run-time import of a package in a project file, and JSON or prose imported by the tests', async () => {
    const files = { ...PROJECT, 'chat/store.ts': `import { expect } from 'chai';\nexport const e = expect;\n${PROJECT['chat/store.ts']!}` };
    const [packageImport] = await diagnosticsOf(files);
    expect(packageImport).toMatchObject({ file: 'chat/store.ts', line: 1, column: 24 });
    expect(packageImport?.message).toContain('Cannot import "chai" in chat/store.ts');
    const [json] = await diagnosticsOf(PROJECT, `import limits from './config/limits.json';\n${TESTS}console.log(limits);\n`);
    expect(json).toMatchObject({ file: 'tests', line: 1 });
    expect(json?.message).toContain("the tests can import the project's .ts files only");
    const [readme] = await diagnosticsOf(PROJECT, `import './README.md';\n${TESTS}`);
    expect(readme?.message).toBe(
      'Cannot import "./README.md" in the tests: README.md is not a module (only .ts files, and .json data, are).',
    );
  });

  it('lets project files and the tests import sql.js, handed in by the runner rather than bundled', async () => {
    const files = {
      'framework/db.ts': "import initSqlJs from 'sql.js';\nexport const openSql = () => initSqlJs({ locateFile: (f: string) => f });\n",
      'server.ts': "import { openSql } from './framework/db';\nexport const server = { openSql };\n",
    };
    const tests = `import initSqlJs from 'sql.js';\nimport { server } from './server';\nit('gets the same sql.js', () => { server.openSql(); if (typeof initSqlJs !== 'function') throw new Error('no sql.js'); });\n`;
    const out = await compile({ files, tests, testFileName: 'hidden.test.ts' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(readsModule(out.project.code, 'sql.js')).toBe(true);
    expect(out.project.code).not.toContain('SQLite format'); // the module is the runner's, not in the bundle
    const calls: unknown[] = [];
    const sqlJs = { default: (config: unknown) => calls.push(config) };
    expect(execute(out, {}, { 'sql.js': sqlJs })).toEqual([{ title: 'gets the same sql.js', error: null }]);
    expect(calls).toHaveLength(1); // the project's call reached the module the runner handed in
    const plain = await compile({
      files: { 'solution.ts': 'export const f = 1;\n' },
      tests: "import { f } from './solution';\n",
      testFileName: 'x.test.ts',
    });
    expect(plain.ok && (readsModule(plain.project.code, 'sql.js') || readsModule(plain.tests.code, 'sql.js'))).toBe(false);
  });

  it("keeps a project's own tests.ts apart from the test file", async () => {
    const files = { 'solution.ts': "export { f } from './tests';\n", 'tests.ts': 'export function f() {\n  return 1 +;\n}\n' };
    expect(await diagnosticsOf(files, "import { f } from './solution';\n")).toEqual([
      expect.objectContaining({ file: 'tests.ts', line: 2, message: 'Unexpected ";"' }),
    ]);
  });

  it('compiles one file that imports JSON data through the bundle (a transform cannot link it)', async () => {
    const files = {
      'solution.ts': "import data from './data.json';\nexport const size = data.items.length;\n",
      'data.json': '{ "items": [1, 2, 3] }',
    };
    const out = await compile(
      input(
        files,
        "import { size } from './solution';\ndescribe('s', () => { it('3', () => { if (size !== 3) throw new Error(String(size)); }); });\n",
      ),
    );
    expect(execute(out)).toEqual([{ title: '3', error: null }]);
  });

  it('compiles the project once per text of its modules; the test bundle once per test file, file names and export names', async () => {
    const api = { build: vi.fn(native.build), transform: vi.fn(native.transform) };
    const compiler = new RunCompiler(api);
    const testBuilds = () => api.build.mock.calls.filter(([options]) => JSON.stringify(options.entryPoints) === '["tests.ts"]').length;
    const projectBuilds = () => api.build.mock.calls.length - testBuilds();
    expect((await compiler.compile(input())).ok).toBe(true);
    expect([projectBuilds(), testBuilds()]).toEqual([2, 1]); // the check and the script, in parallel
    // Prose changed: nothing to compile.
    expect(await compiler.compile(input({ ...PROJECT, 'README.md': 'Changed.\n' }))).toMatchObject({ ok: true });
    expect([projectBuilds(), testBuilds()]).toEqual([2, 1]);
    // A body changed: the project again, the test bundle reused.
    const edited = {
      ...PROJECT,
      'README.md': 'Changed.\n',
      'chat/store.ts': PROJECT['chat/store.ts']!.replace('this.messages.push', 'void this.messages.push'),
    };
    expect((await compiler.compile(input(edited))).ok).toBe(true);
    expect([projectBuilds(), testBuilds()]).toEqual([4, 1]);
    // A new export: the stubs change, so the tests are built again.
    await compiler.compile(input({ ...edited, 'chat/hub.ts': `${PROJECT['chat/hub.ts']!}export const extra = 1;\n` }));
    expect([projectBuilds(), testBuilds()]).toEqual([6, 2]);
    expect(api.transform).not.toHaveBeenCalled();
  });
});
