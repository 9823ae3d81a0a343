/**
 * A session recorded in Python keeps its language: the stored record says Python, its replay shows the
 * Python code, the exported bundle holds solution.py, and a fresh browser profile imports it and replays
 * the same Python code. (No microphone here: the session records without audio.)
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { endSession, exportSession, importSession, openProblem, pasteCode, problemFile, results, submitAndWait } from './helpers';
import { newestSession } from './recording';

const TITLE = 'Token-bucket rate limiter';
const replayText = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __rehearseReplayText?: () => string }).__rehearseReplayText?.() ?? '');

test('a Python session replays in Python, exports solution.py and imports elsewhere as Python', async ({ page, browser, baseURL }) => {
  test.setTimeout(150_000);
  const reference = problemFile('token-bucket', 'reference.py');
  await openProblem(page, TITLE);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await pasteCode(page, reference);
  await page.getByRole('button', { name: 'Start' }).click();
  // While it records, the session stays in one language.
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeDisabled();
  await submitAndWait(page);
  await expect(results(page).getByTestId('results-summary')).toContainText(/(\d+)\/\1 passed/);
  await endSession(page);

  const session = await newestSession(page);
  expect(session.language).toBe('python');
  await page.goto(`./#/sessions/${session.id}`);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Code (Python)')).toBeVisible();
  await expect.poll(() => replayText(page), { timeout: 30_000 }).toBe(reference);

  const zipPath = await exportSession(page);
  const files = unzipSync(readFileSync(zipPath));
  expect(Object.keys(files)).toContain('files/solution.py');
  expect(Object.keys(files).filter((name) => name.includes('solution.ts'))).toEqual([]);
  expect(strFromU8(files['files/solution.py']!)).toBe(reference);
  expect(strFromU8(files['report.md']!)).toContain('- Language: Python');

  const fresh = await browser.newContext({ baseURL });
  try {
    const other = await fresh.newPage();
    await other.goto('./#/sessions');
    await importSession(other, zipPath);
    await expect(other.getByRole('status').filter({ hasText: `Imported the session of “${TITLE}”.` })).toBeVisible({ timeout: 20_000 });
    expect((await newestSession(other)).language).toBe('python');
    await other.goto(`./#/sessions/${session.id}`);
    await expect(other.getByText('Code (Python)')).toBeVisible({ timeout: 20_000 });
    await expect.poll(() => replayText(other), { timeout: 30_000 }).toBe(reference);
  } finally {
    await fresh.close();
  }
});
