/**
 * A codebase problem (issue 22): the project's files in a tree beside the editor, opened by a click or by
 * Ctrl/⌘+P, edited side by side in tabs; a read-only file refuses typing and says so; New file refuses a bad
 * or taken path and changes nothing; files are created, renamed and deleted; a reload keeps every file's
 * edit and New attempt gives every file back as received. Cross-file imports resolve in the editor.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { clickIntoEditor, editorLines, editorText, openProblem, problemFile, typeAtEnd } from './helpers';

const DESK = { id: 'support-desk', title: 'Support desk chat (codebase)' };
const ROOT = join(import.meta.dirname, '..', 'problems', DESK.id, 'project', 'typescript');

/** The starter's files, as the tree should list them (folders before files, as sortPaths orders). */
function starterPaths(): string[] {
  const dir = join(ROOT, 'starter');
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => p.split('\\').join('/'));
}
const starter = (path: string) => problemFile(DESK.id, `project/typescript/starter/${path}`).replace(/\r\n/g, '\n');
const readOnlyFiles = (): string[] => JSON.parse(problemFile(DESK.id, 'project/typescript/project.json')).readOnly ?? [];

const tree = (page: Page) => page.getByRole('tree', { name: 'Files' });
const item = (page: Page, path: string) => tree(page).getByRole('treeitem', { name: path, exact: true });
const tab = (page: Page, path: string) => page.getByRole('tablist', { name: 'Open files' }).getByRole('tab', { name: path, exact: true });
const treeFiles = (page: Page) =>
  tree(page)
    .locator('[role="treeitem"]:not([aria-expanded])')
    .evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));

async function openInTree(page: Page, path: string) {
  await item(page, path).click();
  await expect(tab(page, path)).toHaveAttribute('aria-selected', 'true');
  await expect(item(page, path)).toHaveAttribute('aria-selected', 'true');
}

/** The file is the one in the editor, with exactly this text. */
async function expectEditorShows(page: Page, path: string, text: string) {
  await expect(tab(page, path)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => editorText(page), { timeout: 10_000 }).toBe(text);
}

async function quickOpen(page: Page, query: string) {
  await page.keyboard.press('ControlOrMeta+P');
  const dialog = page.getByRole('dialog', { name: 'Open a file' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'File name' }).fill(query);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
}

async function newFile(page: Page, path: string) {
  await page.getByRole('button', { name: 'New file', exact: true }).click();
  const field = page.getByRole('textbox', { name: /New file’s path/ });
  await field.fill(path);
  await field.press('Enter');
}

test.describe.configure({ timeout: 180_000 });

test('the tree lists the project; files open by a click and by Ctrl+P; two files edited, kept over a reload, reset by New attempt', async ({
  page,
}) => {
  await openProblem(page, DESK.title);
  const paths = starterPaths();
  expect(paths.length).toBeGreaterThan(3);
  await expect.poll(() => treeFiles(page)).toEqual(expect.arrayContaining(paths));
  expect((await treeFiles(page)).length).toBe(paths.length);

  // A click opens a file in a tab of its own.
  await openInTree(page, 'chat/hub.ts');
  await expectEditorShows(page, 'chat/hub.ts', starter('chat/hub.ts'));
  await typeAtEnd(page, '\n// hub: deliver to the other connections');
  // Ctrl+P from inside the editor opens quick open; the browser's print dialog does not.
  await quickOpen(page, 'demo');
  await expectEditorShows(page, 'demo.ts', starter('demo.ts'));
  await typeAtEnd(page, '\n// demo: two agents');
  const demo = `${starter('demo.ts')}\n// demo: two agents`;
  await expectEditorShows(page, 'demo.ts', demo);
  // Back in hub.ts the caret is where it was left: the next key lands at the end of the line typed there.
  await quickOpen(page, 'hub');
  await page.keyboard.type('!');
  const hub = `${starter('chat/hub.ts')}\n// hub: deliver to the other connections!`;
  await expectEditorShows(page, 'chat/hub.ts', hub);

  // Both tabs are open; each file kept its own text; the tree marks both as changed.
  await tab(page, 'demo.ts').click();
  await expectEditorShows(page, 'demo.ts', demo);
  await tab(page, 'chat/hub.ts').click();
  await expectEditorShows(page, 'chat/hub.ts', hub);
  await expect(item(page, 'chat/hub.ts')).toHaveAccessibleDescription('changed');
  await expect(item(page, 'demo.ts')).toHaveAccessibleDescription('changed');
  await expect(item(page, 'chat/store.ts')).toHaveAccessibleDescription('');

  // A reload keeps every file's edit.
  await page.waitForTimeout(1000); // drafts are written within a second of the last keystroke
  await page.reload();
  await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
  await page.getByRole('region', { name: 'Unfinished draft' }).getByRole('button', { name: 'Continue the draft' }).click();
  await openInTree(page, 'chat/hub.ts');
  await expectEditorShows(page, 'chat/hub.ts', hub);
  await openInTree(page, 'demo.ts');
  await expectEditorShows(page, 'demo.ts', demo);

  // New attempt gives every file back as received.
  await page.getByRole('button', { name: 'New attempt' }).first().click();
  await expect(item(page, 'demo.ts')).toHaveAccessibleDescription('');
  await openInTree(page, 'demo.ts');
  await expectEditorShows(page, 'demo.ts', starter('demo.ts'));
  await openInTree(page, 'chat/hub.ts');
  await expectEditorShows(page, 'chat/hub.ts', starter('chat/hub.ts'));
  await expect(item(page, 'chat/hub.ts')).toHaveAccessibleDescription('');
});

test('a read-only file refuses typing and says why; its text stays as received', async ({ page }) => {
  await openProblem(page, DESK.title);
  const fixed = readOnlyFiles();
  const path = fixed.includes('clients/visitor.ts') ? 'clients/visitor.ts' : fixed[0]!;
  expect(path, 'the problem has a read-only file').toBeTruthy();
  await expect(item(page, path)).toHaveAccessibleDescription('read-only');
  await openInTree(page, path);
  await clickIntoEditor(page);
  await page.keyboard.type('oops');
  const notice = page.getByTestId('file-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`${path} is read-only`);
  await expectEditorShows(page, path, starter(path));
  // Rename and Delete are not offered for it.
  await expect(page.getByRole('button', { name: 'Rename', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();
});

test('New file refuses a bad or taken path and changes nothing; a file is created, renamed and deleted', async ({ page }) => {
  await openProblem(page, DESK.title);
  const before = await treeFiles(page);
  const alert = page.getByTestId('files-error');
  for (const [bad, message] of [
    ['../x', 'cannot go up a folder'],
    ['', 'needs a name'],
    ['chat/hub.ts', 'already exists'],
    ['Chat/Hub.ts', 'already exists'],
  ] as const) {
    await newFile(page, bad);
    await expect(alert).toContainText(message);
    await expect(page.getByRole('textbox', { name: /New file’s path/ })).toHaveAttribute('aria-invalid', 'true');
    expect(await treeFiles(page)).toEqual(before);
    await page.keyboard.press('Escape');
    await expect(alert).toBeHidden();
  }

  // Create: the new file is in the tree, marked new, open, and typed into.
  await newFile(page, 'chat/typing.ts');
  await expect(item(page, 'chat/typing.ts')).toHaveAccessibleDescription('new');
  await expectEditorShows(page, 'chat/typing.ts', '');
  await page.keyboard.type('export const TYPING_MS = 3000;');
  await expectEditorShows(page, 'chat/typing.ts', 'export const TYPING_MS = 3000;');

  // Rename: Enter confirms; the text and the tab go with it.
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  const field = page.getByRole('textbox', { name: 'New path for chat/typing.ts' });
  await field.fill('chat/typingIndicator.ts');
  await field.press('Enter');
  await expect(item(page, 'chat/typing.ts')).toHaveCount(0);
  await expect(item(page, 'chat/typingIndicator.ts')).toHaveAttribute('aria-selected', 'true');
  await expectEditorShows(page, 'chat/typingIndicator.ts', 'export const TYPING_MS = 3000;');

  // Delete asks first; Cancel keeps the file, Yes deletes it.
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete chat/typingIndicator.ts?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(item(page, 'chat/typingIndicator.ts')).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await confirm.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(item(page, 'chat/typingIndicator.ts')).toHaveCount(0);
  await expect(tab(page, 'chat/typingIndicator.ts')).toHaveCount(0);
  expect(await treeFiles(page)).toEqual(before);
});

test('the tree works from the keyboard, and imports between project files resolve in the editor', async ({ page }) => {
  await openProblem(page, DESK.title);
  await item(page, 'chat').focus();
  await expect(item(page, 'chat')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(item(page, 'chat')).toHaveAttribute('aria-expanded', 'false');
  await expect(item(page, 'chat/hub.ts')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(item(page, 'chat/handlers.ts')).toBeFocused();
  await page.keyboard.press('Enter');
  await expectEditorShows(page, 'chat/handlers.ts', starter('chat/handlers.ts'));

  // handlers.ts imports its neighbours: no diagnostic says a module cannot be found.
  const diagnostics = () =>
    page.evaluate(() => (window as unknown as { __rehearseEditorDiagnostics?: () => string }).__rehearseEditorDiagnostics?.() ?? '[]');
  await typeAtEnd(page, "\nimport { NoSuchThing } from './models';");
  // The language service looked into ./models (so it resolved it) and found no such export.
  await expect.poll(diagnostics, { timeout: 30_000 }).toContain('NoSuchThing');
  expect(await diagnostics()).not.toContain('Cannot find module');
});

test('the features to attempt are chosen before Start and kept; in Python the files are Python', async ({ page }) => {
  await openProblem(page, DESK.title);
  const checklist = page.getByRole('group', { name: 'Features you will attempt' });
  await checklist.getByRole('checkbox', { name: 'Typing indicator' }).check();
  await checklist.getByRole('checkbox', { name: 'Presence' }).check();
  await expect(checklist).toContainText('2 chosen');
  await page.reload();
  await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
  await expect(checklist.getByRole('checkbox', { name: 'Typing indicator' })).toBeChecked();
  await expect(checklist.getByRole('checkbox', { name: 'Presence' })).toBeChecked();
  await expect(checklist.getByRole('checkbox', { name: 'Read receipts' })).not.toBeChecked();

  // Ctrl+P works from outside the editor too (here: the tree).
  await item(page, 'demo.ts').focus();
  await quickOpen(page, 'README');
  await expect(tab(page, 'README.md')).toHaveAttribute('aria-selected', 'true');

  // The Python project: its own tree, and a .py file is highlighted as Python.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await expect(item(page, 'chat/hub.py')).toBeVisible({ timeout: 20_000 });
  await openInTree(page, 'chat/hub.py');
  await expect(page.getByTestId('editor').locator('[data-mode-id="python"]')).toBeVisible();
  await expect.poll(() => editorText(page)).toBe(problemFile(DESK.id, 'project/python/starter/chat/hub.py').replace(/\r\n/g, '\n'));
});
