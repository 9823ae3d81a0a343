/**
 * Run and Submit of a whole project (issue 22): a type error in one file is reported as a `path:line` link
 * that opens that file; Run shows the Clients panel (what each simulated client received); the reference
 * pasted file by file (three of them new files) passes Submit, whose results read per requirement and
 * feature; the Python project runs in Pyodide with its packages importable and reads the same way.
 */
import { expect, test, type Page } from '@playwright/test';
import { editorText, pasteCode, results, runAndWait, submitAndWait, typeAtEnd } from './helpers';
import { fileTab, openInTree, pasteReference, projectFiles, tree, treeItem } from './project';

const ID = 'support-desk';
const clients = (page: Page) => page.getByRole('region', { name: 'Clients' });
const groups = (page: Page) => page.getByRole('list', { name: 'Requirements and features' });

test.describe.configure({ timeout: 240_000 });

test('a type error is marked in its file and a syntax error links to it; Run shows the clients; the reference passes every requirement and feature', async ({
  page,
}) => {
  await page.goto(`./#/problems/${ID}`);
  await expect(tree(page)).toBeVisible({ timeout: 30_000 });

  // A type error is marked by the editor in its own file; a syntax error stops the run, named by path:line.
  await openInTree(page, 'chat/store.ts');
  await typeAtEnd(page, "\nexport const wrongType: number = 'text';");
  const diagnostics = () =>
    page.evaluate(() => (window as unknown as { __rehearseEditorDiagnostics?: () => string }).__rehearseEditorDiagnostics?.() ?? '[]');
  await expect.poll(diagnostics, { timeout: 30_000 }).toContain('not assignable to type');
  await typeAtEnd(page, '\nexport const broken = ;');
  await openInTree(page, 'chat/hub.ts');
  await runAndWait(page);
  const link = results(page)
    .getByRole('button', { name: /^chat\/store\.ts:\d+/ })
    .first();
  await expect(link).toBeVisible();
  const line = Number(/:(\d+)/.exec((await link.textContent()) ?? '')![1]);
  await link.click();
  await expect(fileTab(page, 'chat/store.ts')).toHaveAttribute('aria-selected', 'true');
  // The caret is on that line, in the editor: the next keys land there (issue 26).
  await page.keyboard.type('/*here*/');
  await expect.poll(async () => (await editorText(page)).split('\n')[line - 1]).toContain('/*here*/');
  await pasteCode(page, projectFiles(ID, 'typescript', 'starter').get('chat/store.ts')!);

  // The starter runs: the clients panel shows what each client received (the visitor hears nobody yet).
  await expect(clients(page)).toContainText('Run to see what each client received');
  await runAndWait(page);
  await expect(clients(page).getByRole('heading', { name: 'vera' })).toBeVisible();
  await expect(clients(page).getByRole('heading', { name: 'alex' })).toBeVisible();

  await pasteReference(page, ID, 'typescript');
  await submitAndWait(page);
  await expect(groups(page)).toContainText(/Requirement 1: (\d+)\/\1/);
  await expect(groups(page)).toContainText(/Typing indicator: (\d+)\/\1/);
  await expect(groups(page)).toContainText(/Agent assignment: (\d+)\/\1/);
  await runAndWait(page);
  await expect(clients(page).getByRole('list', { name: 'alex' })).toContainText('Hi! My invoice shows the wrong address.');
  await expect(clients(page).getByRole('list', { name: 'vera' })).toContainText('Which address should it show?');
});

test('the Python project runs in Pyodide: the starter fails Requirement 1, and the clients show what they received', async ({ page }) => {
  await page.goto(`./#/problems/${ID}`);
  await expect(tree(page)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await expect(treeItem(page, 'chat/hub.py')).toBeVisible();
  await runAndWait(page);
  await expect(clients(page).getByRole('heading', { name: 'vera' })).toBeVisible({ timeout: 60_000 });
  await submitAndWait(page);
  await expect(groups(page)).toContainText(/Requirement 1: \d+\/\d+/);
  await expect(groups(page)).not.toContainText(/Requirement 1: (\d+)\/\1\b/);
});
