/**
 * The reference during a recorded session (issue 26): "Compare with the reference" asks first; opening it is
 * logged with its time, marked on the replay's timeline, and the review says the reference was seen — a
 * pass after it is not credited as "Works on the first or second run".
 */
import { expect, test } from '@playwright/test';
import { endSession, openProblem, pasteCode, problemFile, submitAndWait } from './helpers';
import { newestSession, storedEvents } from './recording';

const TITLE = 'Token-bucket rate limiter';

test('opening the reference mid-session asks first, is logged, shown on the timeline, and changes the verdicts', async ({ page }) => {
  test.setTimeout(150_000);
  await openProblem(page, TITLE);
  await page.getByRole('button', { name: 'Start' }).click();
  await submitAndWait(page); // the starter fails: the comparison is offered after a first Submit

  const compare = page.getByRole('button', { name: 'Compare with the reference' });
  const asking = page.getByRole('dialog', { name: 'Open the reference during the session?' });
  const diff = page.getByTestId('reference-diff');
  await compare.click();
  await expect(asking).toBeVisible();
  await asking.getByRole('button', { name: 'Not now' }).click();
  await expect(asking).toBeHidden();
  await expect(diff).toBeHidden();

  await compare.click();
  await asking.getByRole('button', { name: 'Open the reference' }).click();
  await expect(diff).toBeVisible();
  await page.getByRole('dialog', { name: 'Compare with the reference' }).getByRole('button', { name: 'Close' }).click();

  await pasteCode(page, problemFile('token-bucket', 'reference.ts'));
  await submitAndWait(page); // passes on the second Submit, after the reference was seen
  await endSession(page);

  const session = await newestSession(page);
  const events = await storedEvents(page, session.id);
  const opened = events.filter((e) => e.type === 'reference-opened');
  expect(opened).toHaveLength(1);

  await page.goto(`./#/sessions/${session.id}`);
  await expect(page.getByTestId('reference-opened-marker')).toHaveCount(1, { timeout: 20_000 });
  const review = page.getByRole('complementary', { name: 'Review' });
  const worksEarly = review.getByTestId('readiness-works-early');
  await expect(worksEarly).toContainText('Not met');
  await expect(worksEarly).toContainText('after the reference was opened');
  await expect(review.getByTestId('compared-with-reference')).toContainText('The reference was opened during the session');
  await expect(review.getByTestId('compared-with-reference')).not.toContainText('Not compared with the reference yet');
});
