/**
 * An API scenario in Python (issue 23): the rate-limit problem's project runs in the browser's Pyodide with
 * the read-only framework mounted at framework/ (which passes the screen, as every project file must); the
 * starter fails Requirement 1, and the reference's middleware, typed in file by file, passes every hidden
 * test of both groups — the same verdict CPython gives in npm run check:problems.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { editorText, pasteCode, problemFile, submitAndWait } from './helpers';

const ID = 'api-rate-limit';
const tree = (page: Page) => page.getByRole('tree', { name: 'Files' });
const item = (page: Page, path: string) => tree(page).getByRole('treeitem', { name: path, exact: true });
const tab = (page: Page, path: string) => page.getByRole('tablist', { name: 'Open files' }).getByRole('tab', { name: path, exact: true });
const groups = (page: Page) => page.getByRole('list', { name: 'Requirements and features' });

/** path → text of every file of the Python reference overlay. */
function referenceFiles(): Map<string, string> {
  const dir = join(import.meta.dirname, '..', 'problems', ID, 'project', 'python', 'reference');
  const out = new Map<string, string>();
  for (const p of readdirSync(dir, { recursive: true }) as string[]) {
    if (statSync(join(dir, p)).isFile()) out.set(p.split('\\').join('/'), problemFile(ID, `project/python/reference/${p}`));
  }
  return out;
}

test.describe.configure({ timeout: 240_000 });

test('the Python service runs in Pyodide on the read-only framework: the starter fails, the rate-limit middleware passes every hidden test', async ({
  page,
}) => {
  await page.goto(`./#/problems/${ID}`);
  await expect(tree(page)).toBeVisible({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await expect(item(page, 'server.py')).toBeVisible();
  await expect(item(page, 'framework/app.py')).toBeVisible();

  await submitAndWait(page);
  await expect(groups(page)).toContainText(/Requirement 1: \d+\/\d+/, { timeout: 60_000 });
  await expect(groups(page)).not.toContainText(/Requirement 1: (\d+)\/\1\b/);

  for (const [path, text] of referenceFiles()) {
    if ((await item(page, path).count()) === 0) {
      await page.getByRole('button', { name: 'New file', exact: true }).click();
      const field = page.getByRole('textbox', { name: /New file’s path/ });
      await field.fill(path);
      await field.press('Enter');
    } else {
      await item(page, path).click();
    }
    await expect(tab(page, path)).toHaveAttribute('aria-selected', 'true');
    await pasteCode(page, text);
    await expect.poll(() => editorText(page)).toBe(text.replace(/\r\n/g, '\n'));
  }
  await submitAndWait(page);
  await expect(groups(page)).toContainText(/Requirement 1: (\d+)\/\1\b/);
  await expect(groups(page)).toContainText(/Rate limit headers: (\d+)\/\1\b/);
});
