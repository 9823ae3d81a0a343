/**
 * A recorded session of the codebase problem (issue 22): the features chosen at Start are recorded; two
 * files are edited; the replay shows, at the Submit, the files of that moment with the one being edited
 * marked and shown, and another file on request; the bundle holds every file of the project, and a fresh
 * profile imports it and replays the same files. (No microphone: the session records without audio.)
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { editorText, endSession, exportSession, importSession, submitAndWait, typeAtEnd } from './helpers';
import { newestSession } from './recording';

const TITLE = 'Support desk chat (codebase)';
const HUB_NOTE = '// the hub keeps one listener per connection';
const HANDLERS_NOTE = '// deliver to the other side before returning';

const replayText = (page: Page) =>
  page.evaluate(() => (window as unknown as { __rehearseReplayText?: () => string }).__rehearseReplayText?.() ?? '');
const tree = (page: Page) => page.getByRole('tree', { name: 'Files' });
const filesAtPlayhead = (page: Page) => page.getByRole('navigation', { name: 'Files at the play head' });

async function editFile(page: Page, path: string, line: string): Promise<string> {
  await tree(page).getByRole('treeitem', { name: path, exact: true }).click();
  await typeAtEnd(page, `\n${line}`);
  await expect.poll(() => editorText(page)).toContain(line);
  return editorText(page);
}

test('a codebase session replays the file being edited, and its bundle carries every file to a fresh profile', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await page.goto('./#/problems/support-desk');
  await expect(tree(page)).toBeVisible({ timeout: 30_000 });
  const checklist = page.getByTestId('feature-checklist');
  await checklist.getByRole('checkbox', { name: 'Typing indicator' }).check();
  await checklist.getByRole('checkbox', { name: 'Read receipts' }).check();
  await page.getByRole('button', { name: 'Start' }).click();

  const hub = await editFile(page, 'chat/hub.ts', HUB_NOTE);
  const handlers = await editFile(page, 'chat/handlers.ts', HANDLERS_NOTE);
  await submitAndWait(page);
  await expect(page.getByText(/Requirement 1: \d+\/\d+/).first()).toBeVisible();
  await endSession(page);

  const session = await newestSession(page);
  expect(session.features).toEqual(['typing', 'read-receipts']);

  // The replay, at the Submit: the files of that moment, chat/handlers.ts being edited and shown.
  await page.goto(`./#/sessions/${session.id}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('n');
  const files = filesAtPlayhead(page);
  await expect(files.getByRole('button', { name: /chat\/hub\.ts/ })).toBeVisible();
  await expect(files.getByRole('button', { name: /chat\/handlers\.ts/ })).toContainText('editing');
  await expect.poll(() => replayText(page), { timeout: 30_000 }).toBe(handlers);
  await files.getByRole('button', { name: /chat\/hub\.ts/ }).click();
  await expect.poll(() => replayText(page)).toBe(hub);

  // The bundle: every file of the project under files/, the two edits in theirs.
  const zipPath = await exportSession(page);
  const zip = unzipSync(readFileSync(zipPath));
  const inBundle = Object.keys(zip).filter((name) => name.startsWith('files/'));
  expect(inBundle).toEqual(
    expect.arrayContaining(['files/chat/hub.ts', 'files/chat/handlers.ts', 'files/clients/visitor.ts', 'files/README.md']),
  );
  expect(inBundle.length).toBeGreaterThanOrEqual(8);
  expect(strFromU8(zip['files/chat/hub.ts']!)).toBe(hub);
  expect(strFromU8(zip['files/chat/handlers.ts']!)).toBe(handlers);
  const report = strFromU8(zip['report.md']!);
  expect(report).toContain('chat/handlers.ts');
  expect(report).toContain('typing');

  const fresh = await browser.newContext({ baseURL });
  try {
    const other = await fresh.newPage();
    await other.goto('./#/sessions');
    await importSession(other, zipPath);
    await expect(other.getByRole('status').filter({ hasText: `Imported the session of “${TITLE}”.` })).toBeVisible({ timeout: 20_000 });
    await other.goto(`./#/sessions/${session.id}`);
    await expect(other.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 20_000 });
    await other.keyboard.press('n');
    await expect(filesAtPlayhead(other).getByRole('button', { name: /chat\/handlers\.ts/ })).toContainText('editing');
    await expect.poll(() => replayText(other), { timeout: 30_000 }).toBe(handlers);
    await filesAtPlayhead(other)
      .getByRole('button', { name: /chat\/hub\.ts/ })
      .click();
    await expect.poll(() => replayText(other)).toBe(hub);
  } finally {
    await fresh.close();
  }
});
