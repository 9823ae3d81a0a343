import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

export function problemFile(problemId: string, file: string): string {
  return readFileSync(join(import.meta.dirname, '..', 'problems', problemId, file), 'utf8');
}

export const editorLines = (page: Page) => page.locator('.monaco-editor .view-lines');

/**
 * Puts the caret in the editor with a click, as a person does. The target is the editor's own box, near its
 * top-left: Monaco's line layer can extend past the visible editor (under the console) or start above it once
 * scrolled, and a sticky-scroll line may cover its top; any of Monaco's own layers taking the click is fine.
 */
export async function clickIntoEditor(page: Page): Promise<void> {
  await page.getByTestId('editor').click({ position: { x: 120, y: 12 } });
}

/** Types `text` at the end of the solution, the way a person adds a line: click in, Ctrl/⌘+End, type. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await expect(editorLines(page)).toBeVisible();
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

/** Opens the catalog and clicks the problem's card, as a person would. */
export async function openProblem(page: Page, title: string): Promise<void> {
  await page.goto('./');
  await page.getByRole('link', { name: title, exact: true }).click();
  // The problem's files are a chunk of their own: on a busy machine they can take more than the default 10 s.
  await expect(page.getByRole('banner').getByRole('heading', { name: title })).toBeVisible({ timeout: 20_000 });
  // Monaco is several MB, loaded on first use: a cold load on a machine this busy can take half a minute.
  await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
}

/** Replaces the editor's text by select-all and paste, the way a person pastes a prepared solution. */
export async function pasteCode(page: Page, code: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate((text) => navigator.clipboard.writeText(text), code);
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(() => editorText(page)).toBe(code.replace(/\r\n/g, '\n'));
}

/** The editor's text as Monaco holds it (it renders only the visible lines, so the DOM is not the text). */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const w = window as unknown as { __rehearseEditorText?: () => string };
    return w.__rehearseEditorText?.() ?? '';
  });
}

export function results(page: Page) {
  return page.getByRole('region', { name: 'Test results' });
}

/** The run number the results summary shows, or null when no results are shown (none yet, or cleared). */
async function currentRun(page: Page): Promise<number | null> {
  const summary = results(page).getByTestId('results-summary');
  if ((await summary.count()) === 0) return null;
  return Number(await summary.getAttribute('data-run'));
}

/**
 * Clicks Run or Submit and waits for that run's results (not a previous run's). Runs are numbered per page
 * load, so with no results on screen (a problem just opened, a language just switched) the next summary to
 * appear is this run's, whatever its number.
 */
export async function clickAndWaitForResults(page: Page, button: 'Run' | 'Submit'): Promise<void> {
  const before = await currentRun(page);
  await page.getByRole('button', { name: button, exact: true }).click();
  const summary = before === null ? '[data-testid="results-summary"]' : `[data-testid="results-summary"][data-run="${before + 1}"]`;
  await expect(results(page).locator(summary)).toBeVisible({ timeout: 60_000 });
}

export const submitAndWait = (page: Page) => clickAndWaitForResults(page, 'Submit');
export const runAndWait = (page: Page) => clickAndWaitForResults(page, 'Run');

/** End session asks first (with how long it ran): answer it. The dialog's own button is named the same. */
export async function endSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End session' }).click();
  const dialog = page.getByRole('dialog', { name: 'End this session?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'End session' }).click();
  await expect(dialog).toBeHidden();
}

/** Clicks Export on a replay and saves the bundle in the test's output folder; returns its path. */
export async function exportSession(page: Page): Promise<string> {
  const downloadEvent = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const download = await downloadEvent;
  const zipPath = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(zipPath);
  return zipPath;
}

/** Picks `file` through the Sessions page's "Import a session" button, as a person would. */
export async function importSession(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import a session' }).click();
  await (await chooser).setFiles(file);
}

/** Finish on the last phase asks first, as End session does: answer it, and return what it said was left. */
export async function finishSession(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Finish', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'End this session?' });
  await expect(dialog).toBeVisible();
  const left = (await dialog.getByTestId('session-left').count()) > 0 ? await dialog.getByTestId('session-left').innerText() : '';
  await dialog.getByRole('button', { name: 'End session' }).click();
  await expect(dialog).toBeHidden();
  return left;
}
