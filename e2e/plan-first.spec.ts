/**
 * Plan first: from Start the plan notes are on screen and have the keyboard focus; edge cases count from
 * the notes' list items and from comment lines written above the code, and the replay states the rule.
 * Hidden tests behave like an interview: during the session a Submit shows the count and the first failure.
 */
import { expect, test } from '@playwright/test';
import { clickIntoEditor, endSession, openProblem, results, submitAndWait } from './helpers';

test('plan notes are in view and focused at Start; comments above the code count as edge cases', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 850 });
  await openProblem(page, 'Token-bucket rate limiter');
  await page.getByRole('button', { name: 'Start' }).click();
  const notes = page.getByLabel('Plan notes (Markdown)');
  await expect(page.getByRole('region', { name: 'Plan notes' })).toBeInViewport();
  await expect(notes).toBeFocused();
  await page.keyboard.type('- capacity 0 refuses everything');

  // Edge cases as comments at the top of the editor, then the first line of code: no nudge.
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.type('// refill never exceeds capacity\n// time going backwards\nconst LIMIT = 1;\n');
  await expect(page.getByTestId('coding-nudge')).toHaveCount(0);

  // A Submit during the session: the count and the first failing hidden test, not the list.
  await submitAndWait(page);
  await expect(results(page).getByTestId('results-summary')).toContainText(/Hidden tests: \d+\/\d+ passed/);
  await expect(results(page).getByTestId('first-failing-title')).not.toBeEmpty();
  await expect(results(page).locator('li[data-status]')).toHaveCount(0);

  // The setting opens the full list at once.
  await page.getByRole('button', { name: /Interview settings/ }).click();
  await page.getByLabel(/Show every hidden test during a session/).check();
  await page.keyboard.press('Escape');
  await expect(results(page).locator('li[data-status]').first()).toBeVisible();
  await page.getByRole('button', { name: /Interview settings/ }).click();
  await page.getByLabel(/Show every hidden test during a session/).uncheck();
  await page.keyboard.press('Escape');

  await endSession(page);
  await page.getByRole('link', { name: 'Replay and review' }).click();
  const item = page.getByTestId('readiness-edge-cases-first');
  await expect(item).toHaveAttribute('data-status', 'met');
  await expect(item).toContainText('3 edge cases written down');
  await expect(item.getByTestId('readiness-rule')).toContainText('comment line');

  // The Notes tab at the end of the session: the notes start at the left edge, nothing cut off.
  await page.getByRole('tab', { name: 'Notes' }).click();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
  const notesView = page.getByTestId('replay-editor');
  await expect(notesView.locator('.view-lines')).toContainText('capacity 0 refuses everything');
  await expect(notesView.locator('.lines-content')).toHaveCSS('left', '0px');
});
