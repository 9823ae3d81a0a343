/**
 * Reviewing a session: practise a problem through its phases, open the session's replay, read what was
 * measured, score it and write learnings (kept after a reload), then see those actions when the next
 * session on the same protocol starts. Runs without a microphone, so the talk figures are "not measured".
 */
import { expect, test, type Page } from '@playwright/test';
import { openProblem, pasteCode, problemFile, runAndWait, submitAndWait, endSession, finishSession } from './helpers';
import { newestSession, storedSessions } from './recording';

const TITLE = 'Token-bucket rate limiter';
const ACTIONS = 'Write the edge cases down before typing any code.';

/** A fact's value in the review's facts table, by its row heading. */
function factValue(page: Page, label: string) {
  return review(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
    .getByRole('cell');
}

/**
 * Replaces the editor's text by select-all and paste. Clicks the editor's own box, not Monaco's line
 * layer: under the recording banners the line layer reaches below the visible editor, and once it has
 * scrolled its sticky-scroll header covers the top, so a click on the layer's middle can land elsewhere.
 */

const review = (page: Page) => page.getByRole('complementary', { name: 'Review' });

test('a finished session is reviewed beside its replay, and its actions come back at the next start', async ({ page }) => {
  test.setTimeout(120_000);
  await openProblem(page, TITLE);
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer', { name: 'Phase timer' })).toContainText('Plan');

  // Code phase: run a wrong solution, submit it (fails), then submit the reference (passes).
  await page.getByRole('button', { name: 'Next phase' }).click();
  await expect(page.getByRole('timer', { name: 'Phase timer' })).toContainText('Code');
  await pasteCode(page, problemFile('token-bucket', 'mutants/no-refill-cap.ts'));
  await runAndWait(page);
  await submitAndWait(page);
  await pasteCode(page, problemFile('token-bucket', 'reference.ts'));
  await submitAndWait(page);

  await page.getByRole('button', { name: 'Next phase' }).click();
  await finishSession(page);
  await expect.poll(async () => (await newestSession(page)).status, { timeout: 20_000 }).toBe('finished');
  const session = await newestSession(page);

  await page.goto(`./#/sessions/${session.id}`);
  await expect(review(page)).toBeVisible({ timeout: 20_000 });

  // What the log says happened.
  await expect(factValue(page, 'Runs (examples)')).toHaveText('1');
  await expect(factValue(page, 'Submits (hidden tests)')).toHaveText('2');
  await expect(factValue(page, 'Runs and Submits in the code phase')).toHaveText('3');
  await expect(factValue(page, 'First Submit passed')).toHaveText('no');
  await expect(factValue(page, 'Submits until all hidden tests passed')).toHaveText('2');
  await expect(factValue(page, 'Total silence')).toHaveText('not measured (no audio)');
  await expect(
    review(page).getByRole('table', { name: 'Time in each phase' }).getByRole('rowheader', { name: 'Code', exact: true }),
  ).toBeVisible();

  // The readiness checklist says each verdict in words.
  await expect(review(page).getByTestId('readiness-works-early')).toContainText('Met');
  await expect(review(page).getByTestId('readiness-works-early')).toContainText('All hidden tests first passed on Submit 2 of 2.');
  await expect(review(page).getByTestId('readiness-silence')).toContainText('Not measurable');

  // Score, note and learnings; autosaved.
  await review(page).getByLabel('Talked continuously score').selectOption('6');
  await review(page).getByLabel('Tested incrementally score').selectOption('8');
  await review(page).getByLabel('Caught own bugs note').fill('The first Submit failed on the refill cap.');
  await review(page).getByLabel('What went well').fill('Ran the examples early.');
  await review(page).getByLabel('Actions for next time').fill(ACTIONS);
  await expect(review(page).getByTestId('self-review-total')).toHaveText('Total: 14 of 20 (2 of 6 items scored)');
  await expect(review(page).getByTestId('review-save-status')).toHaveText('Saved');

  await page.reload();
  await expect(review(page).getByLabel('Talked continuously score')).toHaveValue('6');
  await expect(review(page).getByLabel('Tested incrementally score')).toHaveValue('8');
  await expect(review(page).getByLabel('Caught own bugs note')).toHaveValue('The first Submit failed on the refill cap.');
  await expect(review(page).getByLabel('What went well')).toHaveValue('Ran the examples early.');
  await expect(review(page).getByLabel('Actions for next time')).toHaveValue(ACTIONS);

  // Leaving the page right after typing (before the 300 ms autosave) keeps what was typed.
  await review(page).getByLabel('What to improve').fill('Say the complexity out loud.');
  await page.evaluate(() => (location.hash = '#/'));
  await expect(page.getByRole('link', { name: TITLE, exact: true })).toBeVisible();
  await page.evaluate((id) => (location.hash = `#/sessions/${id}`), session.id);
  await expect(review(page).getByLabel('What to improve')).toHaveValue('Say the complexity out loud.');

  // The next session on the same protocol starts with those actions in view.
  await openProblem(page, TITLE);
  await page.getByRole('button', { name: /^Start/ }).click();
  const banner = page.getByRole('region', { name: 'Actions from your last session' });
  await expect(banner).toContainText(ACTIONS);
  await expect(banner).toContainText(TITLE);
  await expect.poll(async () => (await storedSessions(page)).length).toBe(2);
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
});

test('a design session is graded on its four-part rubric and measured as a design session', async ({ page }) => {
  test.setTimeout(90_000);
  await openProblem(page, 'Design a 1:1 chat app like WhatsApp');
  await page.getByRole('button', { name: 'Start' }).click();

  // Plan in the notes first, then touch the estimation scratchpad.
  const notes = page.getByLabel('Notes (Markdown)');
  await notes.click();
  await notes.press('ControlOrMeta+End');
  await notes.pressSequentially('\n- offline delivery\n- group chats are out of scope');
  await page.getByTestId('editor').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\nconst peakFactor = 3; // peak is 3x average\n');
  await endSession(page);
  await expect.poll(async () => (await newestSession(page)).status, { timeout: 20_000 }).toBe('finished');
  const session = await newestSession(page);

  await page.goto(`./#/sessions/${session.id}`);
  await expect(review(page)).toBeVisible({ timeout: 20_000 });
  // Design facts, not a coding session's (no Submits, no edge cases before code).
  await expect(review(page).getByTestId('design-facts')).toBeVisible();
  await expect(review(page).getByText('Edge cases written before code')).toHaveCount(0);
  await expect(review(page).getByTestId('notes-sections').locator('[data-written="true"]')).toHaveCount(1);
  await expect(review(page).getByTestId('readiness-notes-covered')).toContainText('1 of 7 sections written');
  await expect(review(page).getByTestId('readiness-estimated-first')).toHaveAttribute('data-status', 'not-met');
  await expect(review(page).getByTestId('readiness-estimated-first')).toContainText('The scratchpad was never run');

  const total = review(page).getByTestId('design-total');
  await expect(total).toHaveText('Weighted total: grade every part to see it.');
  await review(page).getByRole('radio', { name: 'Communication: Excellent' }).check();
  await review(page).getByRole('radio', { name: 'Problem solving: Good' }).check();
  await review(page).getByRole('radio', { name: 'Technical design: Good' }).check();
  await expect(total).toHaveText('Weighted total: grade every part to see it.');
  await review(page).getByRole('radio', { name: 'Depth of knowledge: Needs work' }).check();
  await expect(total).toHaveText('Weighted total: 66.7 %');
  await expect(review(page).getByTestId('review-save-status')).toHaveText('Saved');

  await page.reload();
  await expect(review(page).getByRole('radio', { name: 'Communication: Excellent' })).toBeChecked();
  await expect(review(page).getByRole('radio', { name: 'Depth of knowledge: Needs work' })).toBeChecked();
  await expect(review(page).getByTestId('design-total')).toHaveText('Weighted total: 66.7 %');
});
