import { expect, test } from '@playwright/test';
import { clickIntoEditor, editorText, openProblem, finishSession } from './helpers';

const TITLE = 'LRU cache with TTL';

function secondsLeft(text: string): number {
  const m = text.match(/(\d+):(\d\d)/);
  if (!m) throw new Error(`no time in "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

test('the phase timer walks plan → code → review, with pause and resume', async ({ page }) => {
  await openProblem(page, TITLE);
  const timer = page.getByRole('timer', { name: 'Phase timer' });
  await expect(timer).toHaveCount(0);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(timer).toContainText('Plan');
  expect(secondsLeft((await timer.getByTestId('phase-time').textContent()) ?? '')).toBeGreaterThan(4 * 60 + 50);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(timer).toContainText('paused');
  const frozen = await timer.getByTestId('phase-time').textContent();
  await page.waitForTimeout(1500);
  await expect(timer.getByTestId('phase-time')).toHaveText(frozen!);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(timer).not.toContainText('paused');

  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(timer).toContainText('Code');
  expect(secondsLeft((await timer.getByTestId('phase-time').textContent()) ?? '')).toBeGreaterThan(34 * 60 + 50);
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(timer).toContainText('Review');
  await finishSession(page);
  await expect(timer).toContainText('Session finished');
  // Practising the same problem again starts a fresh timer.
  await page.getByRole('button', { name: 'Start again' }).click();
  await expect(timer).toContainText('Plan');
});

test('closing the tab and coming back restores the code, the phase and the remaining time', async ({ page, context }) => {
  await openProblem(page, TITLE);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: 'Next phase' }).click();
  const timer = page.getByRole('timer', { name: 'Phase timer' });
  await expect(timer).toContainText('Code');

  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n// my note: evict the least recently used entry\n');
  const typed = await editorText(page);
  expect(typed).toContain('// my note: evict the least recently used entry');
  const before = secondsLeft((await timer.getByTestId('phase-time').textContent()) ?? '');

  // Drafts are saved within a second of the last keystroke.
  await page.waitForTimeout(1000);
  const url = page.url();
  await page.close();
  const again = await context.newPage();
  await again.goto(url);
  await expect(again.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => editorText(again)).toBe(typed);
  const restored = again.getByRole('timer', { name: 'Phase timer' });
  await expect(restored).toContainText('Code');
  const after = secondsLeft((await restored.getByTestId('phase-time').textContent()) ?? '');
  // Time kept running while the tab was closed: a little less left, never reset.
  expect(after).toBeLessThanOrEqual(before);
  expect(before - after).toBeLessThan(15);

  await again.getByRole('link', { name: '← Problems' }).click();
  await expect(again.getByRole('link', { name: TITLE, exact: true }).getByTestId('problem-status')).toHaveText('In progress');
});
