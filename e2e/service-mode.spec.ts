/**
 * The runner's service mode (issue 23, docs/decisions/api-scenarios.md), in both languages, with a small
 * service of our own: a request answers 200, an unrouted path the service's 404; a handler that never
 * returns ends timed out and the next request works; a body over 1 MiB comes back cut with `truncated`;
 * data written to SQLite survives a restart and a code change; a service that cannot start names its file.
 * Driven through the test build's runner hook, as the Requests pane will call it.
 */
import { expect, test, type Page } from '@playwright/test';
import { MAX_RESPONSE_BODY } from '../src/core/api/http';
import type { Language } from '../src/core/languages/registry';
import type { Runner } from '../src/runner/types';
import { fixtureProject, restartService, send, type Sent } from './serviceFixture';

function status(sent: Sent): number | string {
  return sent.outcome.kind === 'response' ? sent.outcome.response.status : `${sent.outcome.kind}: ${JSON.stringify(sent.outcome)}`;
}

async function journey(page: Page, language: Language): Promise<void> {
  const { files, entry } = fixtureProject(language);
  const base = { serviceKey: `fixture:${language}`, language, files, entry, timeoutMs: 1000 };
  await page.goto('./');

  const hello = await send(page, { ...base, path: '/hello' });
  expect(status(hello)).toBe(200);
  expect(hello.outcome.kind === 'response' && hello.outcome.response.body).toBe('hello at a time');
  expect(hello.console.map((line) => line.text)).toContain('GET /hello');

  const missing = await send(page, { ...base, path: '/nowhere' });
  expect(status(missing)).toBe(404);
  expect(missing.outcome.kind === 'response' && JSON.parse(missing.outcome.response.body)).toEqual({ detail: 'Not Found' });

  // A handler that never returns: timed out, the worker replaced, and the next request answered.
  expect((await send(page, { ...base, path: '/loop' })).outcome.kind).toBe('timed-out');
  expect(status(await send(page, { ...base, path: '/hello' }))).toBe(200);

  const big = await send(page, { ...base, path: '/big' });
  expect(status(big)).toBe(200);
  expect(big.outcome.kind === 'response' && big.outcome.response.truncated).toBe(true);
  expect(big.bodyLength).toBe(MAX_RESPONSE_BODY);

  // SQLite on the service's disk: the note outlives a restart, then a change of the code.
  const created = await send(page, { ...base, method: 'POST', path: '/notes', body: JSON.stringify({ text: 'kept' }) });
  expect(status(created)).toBe(201);
  await restartService(page, base.serviceKey);
  const afterRestart = await send(page, { ...base, path: '/notes' });
  expect(afterRestart.outcome.kind === 'response' && JSON.parse(afterRestart.outcome.response.body)).toEqual(['kept']);
  const changed = { ...files, [entry]: `${files[entry]}\n${language === 'python' ? '#' : '//'} edited\n` };
  const afterEdit = await send(page, { ...base, files: changed, path: '/notes' });
  expect(afterEdit.outcome.kind === 'response' && JSON.parse(afterEdit.outcome.response.body)).toEqual(['kept']);
}

test.describe('a service that stays up between requests', () => {
  test('TypeScript: 200, 404, hung handlers time out and the next works, 1 MiB cut, SQLite survives a restart, no network', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await journey(page, 'typescript');
    // A handler waiting for a promise that never settles ends the same way.
    const { files, entry } = fixtureProject('typescript');
    const base = { serviceKey: 'fixture:typescript', language: 'typescript' as const, files, entry, timeoutMs: 1000 };
    expect((await send(page, { ...base, path: '/wait' })).outcome.kind).toBe('timed-out');
    expect(status(await send(page, { ...base, path: '/hello' }))).toBe(200);
    // The same sandbox as Run: no network, not even the app's own origin.
    const network = await send(page, { ...base, path: '/network', headers: [['x-target', page.url()]] });
    expect(network.outcome.kind === 'response' && network.outcome.response.body).toMatch(/^blocked: /);
  });

  test('Python: 200, 404, a hung handler times out and the next works, 1 MiB cut, sqlite3 survives a restart', async ({ page }) => {
    test.setTimeout(240_000);
    await journey(page, 'python');
  });

  test('a service that cannot start says why, in which file and line', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('./');
    const ts = fixtureProject('typescript');
    const throwing = {
      ...ts.files,
      'server.ts': 'export function startService() {\n  const port = Number("x");\n  throw new Error(`no port ${port}`);\n}\n',
    };
    const failed = await send(page, {
      serviceKey: 'broken:ts',
      language: 'typescript',
      files: throwing,
      entry: 'server.ts',
      path: '/hello',
    });
    expect(failed.outcome).toMatchObject({ kind: 'error', file: 'server.ts', line: 3 });
    expect(failed.outcome.kind === 'error' && failed.outcome.message).toContain('no port NaN');

    const syntax = { ...ts.files, 'routes.ts': 'export const route = (;\n' };
    const notCompiled = await send(page, {
      serviceKey: 'broken:ts',
      language: 'typescript',
      files: syntax,
      entry: 'server.ts',
      path: '/hello',
    });
    expect(notCompiled.outcome).toMatchObject({ kind: 'error', file: 'routes.ts', line: 1 });

    const py = fixtureProject('python');
    const raising = { ...py.files, 'routes.py': 'import json\n\nraise RuntimeError("no routes yet")\n' };
    const pyFailed = await send(page, { serviceKey: 'broken:py', language: 'python', files: raising, entry: 'server.py', path: '/hello' });
    expect(pyFailed.outcome).toMatchObject({ kind: 'error', file: 'routes.py', line: 3 });
    expect(pyFailed.outcome.kind === 'error' && pyFailed.outcome.message).toContain('RuntimeError: no routes yet');
  });
});

/** A test file of our own over the fixture: what an API problem's hidden tests do with the database. */
const SQL_TESTS = `import { expect } from 'chai';
import initSqlJs from 'sql.js';
import { startService } from './server';

function memoryDisk() {
  const files = new Map<string, Uint8Array>();
  return { read: (name: string) => files.get(name), write: (name: string, bytes: Uint8Array) => void files.set(name, bytes) };
}

describe('the fixture service under test', () => {
  it('keeps a note in SQLite across a restart over the same disk', async () => {
    const disk = memoryDisk();
    const clock = { now: () => 0 };
    const first = await startService({ disk, clock });
    const created = await first.handle({ method: 'POST', path: '/notes', headers: [], body: JSON.stringify({ text: 'kept' }) });
    expect(created.status).to.equal(201);
    first.idle();
    const second = await startService({ disk, clock });
    const listed = await second.handle({ method: 'GET', path: '/notes', headers: [], body: '' });
    expect(JSON.parse(listed.body)).to.deep.equal(['kept']);
  });

  it('opens sql.js itself', async () => {
    const SQL = await initSqlJs();
    expect(new SQL.Database().exec('SELECT 1 + 1')[0]!.values[0]![0]).to.equal(2);
  });
});
`;

test('a Run whose project and tests import sql.js gets SQLite in its test worker', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  const { files } = fixtureProject('typescript');
  const result = await page.evaluate(
    async ({ files, tests }) => {
      const runner = await (window as unknown as { __rehearseRunner: () => Promise<Runner> }).__rehearseRunner();
      return runner.run({ mode: 'run', language: 'typescript', files, tests, testFileName: 'examples.test.ts' });
    },
    { files, tests: SQL_TESTS },
  );
  expect(result.outcome, result.message).toBe('completed');
  expect(result.tests.map((t) => [t.title, t.status, t.failure?.message])).toEqual([
    ['keeps a note in SQLite across a restart over the same disk', 'passed', undefined],
    ['opens sql.js itself', 'passed', undefined],
  ]);
});
