import { expect, test } from '@playwright/test';
import { openProblem } from './helpers';

const TITLE = 'Design a 1:1 chat app like WhatsApp';

test('a design problem has phase notes that survive a reload, a scratchpad that runs, and answers on request', async ({ page }) => {
  await openProblem(page, TITLE);
  await expect(page.getByRole('button', { name: 'Submit' })).toHaveCount(0);

  // Notes start with one section per design-45 phase, and keep what the candidate writes.
  const notes = page.getByLabel('Notes (Markdown)');
  await expect(notes).toHaveValue(/## Requirements[\s\S]*## Estimation[\s\S]*## Deep dive/);
  await notes.click();
  await notes.press('ControlOrMeta+End');
  await notes.pressSequentially('\n- 1:1 text only, 100M daily users');
  await expect(page.getByRole('region', { name: 'Notes preview' })).toContainText('1:1 text only, 100M daily users');

  // The interviewer's answer appears only when asked for.
  const question = 'How many users are we designing for?';
  await expect(page.getByText('Assume 100 million daily active users')).toHaveCount(0);
  await page.getByRole('button', { name: `Reveal the answer to: ${question}` }).click();
  await expect(page.getByText('Assume 100 million daily active users')).toBeVisible();

  // The estimation scratchpad runs and prints its estimates.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Console' })).toContainText('chat servers needed');

  await page.waitForTimeout(800); // saved within a second
  await page.reload();
  await expect(page.getByLabel('Notes (Markdown)')).toHaveValue(/- 1:1 text only, 100M daily users/);
  await expect(page.getByText('Assume 100 million daily active users')).toBeVisible();
});
