import { expect, test } from '@playwright/test';
import { openProblem, pasteCode, problemFile, results, submitAndWait } from './helpers';

test('a staged problem reveals stage 2 only after every stage 1 hidden test passes', async ({ page }) => {
  await openProblem(page, 'Chat room broker');
  const statement = page.getByLabel('Problem statement');
  await expect(statement.getByRole('heading', { name: 'Stage 1 — Two-way messages' })).toBeVisible();
  await expect(statement.getByRole('heading', { name: /Stage 2/ })).toHaveCount(0);
  await expect(statement.getByTestId('locked-stage')).toContainText('Stage 2 — Typing, history and presence unlocks');

  // The starter fails stage 1: stage 2 stays locked and its tests stay hidden.
  await submitAndWait(page);
  await expect(results(page).getByTestId('stage-2')).toHaveText(/locked/);
  await expect(results(page).locator('li[data-full-title^="Stage 2:"]')).toHaveCount(0);
  await expect(results(page).locator('li[data-full-title^="Stage 1:"]').first()).toBeVisible();

  await pasteCode(page, problemFile('chat-broker', 'reference.ts'));
  await submitAndWait(page);
  await expect(statement.getByRole('heading', { name: 'Stage 2 — Typing, history and presence' })).toBeVisible();
  await expect(results(page).getByTestId('stage-1')).toHaveText(/(\d+)\/\1 passed/);
  await expect(results(page).getByTestId('stage-2')).toHaveText(/(\d+)\/\1 passed/);

  // Once unlocked, stage 2 stays visible, also after a reload.
  await page.reload();
  await expect(page.getByLabel('Problem statement').getByRole('heading', { name: 'Stage 2 — Typing, history and presence' })).toBeVisible();
});
