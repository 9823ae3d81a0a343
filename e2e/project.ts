/**
 * A codebase problem's project in a journey: its files on disk (starter/ or reference/), the Files tree, and
 * the reference pasted file by file as a person would (a file the project lacks is made with New file).
 * Shared by the codebase and the API scenario journeys.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { editorText, pasteCode, problemFile } from './helpers';

export const tree = (page: Page) => page.getByRole('tree', { name: 'Files' });
export const treeItem = (page: Page, path: string) => tree(page).getByRole('treeitem', { name: path, exact: true });
export const fileTab = (page: Page, path: string) =>
  page.getByRole('tablist', { name: 'Open files' }).getByRole('tab', { name: path, exact: true });

const projectDir = (problemId: string, language: string, part: string) =>
  join(import.meta.dirname, '..', 'problems', problemId, 'project', language, part);

/** Whether the problem has a project in `language` (an API scenario's Python twin may come later). */
export const hasProject = (problemId: string, language: string): boolean => existsSync(projectDir(problemId, language, 'starter'));

/** path → text of every file under the project's `part` (starter/ or reference/). */
export function projectFiles(problemId: string, language: string, part: 'starter' | 'reference'): Map<string, string> {
  const dir = projectDir(problemId, language, part);
  const out = new Map<string, string>();
  for (const p of readdirSync(dir, { recursive: true }) as string[]) {
    if (statSync(join(dir, p)).isFile()) out.set(p.split('\\').join('/'), problemFile(problemId, `project/${language}/${part}/${p}`));
  }
  return out;
}

/** Opens a file from the Files tree and waits for its tab to be the one shown. */
export async function openInTree(page: Page, path: string): Promise<void> {
  await treeItem(page, path).click();
  await expect(fileTab(page, path)).toHaveAttribute('aria-selected', 'true');
}

/** Every file of the reference into the project: an existing file's text replaced, a new file created first. */
export async function pasteReference(page: Page, problemId: string, language: string): Promise<void> {
  // Which files exist comes from the starter, not from the tree at this instant (it may be re-rendering).
  const starter = projectFiles(problemId, language, 'starter');
  for (const [path, text] of projectFiles(problemId, language, 'reference')) {
    if (!starter.has(path)) {
      await page.getByRole('button', { name: 'New file', exact: true }).click();
      const field = page.getByRole('textbox', { name: /New file’s path/ });
      await field.fill(path);
      await field.press('Enter');
      await expect(fileTab(page, path)).toHaveAttribute('aria-selected', 'true');
    } else {
      await openInTree(page, path);
    }
    await pasteCode(page, text);
    await expect.poll(() => editorText(page)).toBe(text.replace(/\r\n/g, '\n'));
  }
}
