/**
 * Planning towards an interview on a controlled clock (Playwright's page.clock, in Paris time): choose the
 * practice protocol's five-day plan on a Monday, start today's first item from the Plan page (it opens the
 * problem in the item's protocol), fail its hidden tests and end the session — that, not a tick, completes
 * the item. Solve another problem well. On Tuesday the Plan page shows Tuesday's items, Monday's missed
 * re-do rolled over and the failed problem due with its reason; the catalog shows both problems' due
 * dates, the well-solved one later, and sorts by due.
 */
import { expect, test, type Page } from '@playwright/test';
import { endSession, openProblem, pasteCode, problemFile, submitAndWait } from './helpers';

test.use({ timezoneId: 'Europe/Paris' });

const MONDAY = new Date('2026-12-07T09:00:00+01:00');
const TUESDAY = new Date('2026-12-08T09:00:00+01:00');

const todayItems = (page: Page) => page.getByRole('region', { name: 'Today' }).getByTestId('today-item');

async function openPlan(page: Page): Promise<void> {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible({ timeout: 20_000 });
}

/** A session of the open problem: Start, submit `code`, end it, and wait for the finished session. */
async function shortSession(page: Page, code: string): Promise<void> {
  await page.getByRole('button', { name: 'Start' }).click();
  await pasteCode(page, code);
  await submitAndWait(page);
  await endSession(page);
  await expect(page.getByTestId('finished-session')).toBeVisible({ timeout: 20_000 });
}

/** The graded problems on the Plan page (grading runs just after the session ends). */
async function redo(page: Page, problemId: string) {
  const item = page.locator(`[data-testid="redo"][data-problem="${problemId}"]`);
  await expect(async () => {
    await openPlan(page);
    await expect(item).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  return item;
}

test('a five-day plan: today, a session that completes an item, tomorrow with the roll-over and the re-dos', async ({ page }) => {
  test.setTimeout(240_000);
  await page.clock.install({ time: MONDAY });

  // ── Choose the plan, five days ahead. ──
  await openPlan(page);
  await page.getByLabel('Interview date').fill('2026-12-12');
  await page.getByRole('radio', { name: /Practice protocol: five days/ }).check();
  await page.getByRole('button', { name: 'Start this plan' }).click();
  await expect(page.getByTestId('days-left')).toHaveText('5 days left until the interview on 2026-12-12.');
  await expect(todayItems(page)).toHaveCount(2);
  await expect(todayItems(page).first()).toContainText('Token-bucket rate limiter');
  await expect(todayItems(page).first().getByTestId('today-reason')).toHaveText('plan: 45-minute first attempt');
  await expect(
    page
      .getByTestId('plan-ahead')
      .getByRole('listitem')
      .filter({ hasText: /^Sunday|^Monday|^Tuesday|^Wednesday|^Thursday|^Friday|^Saturday/ }),
  ).toHaveCount(4);

  // ── Start today's first item: the problem opens in the item's protocol; a failing Submit, then End. ──
  await todayItems(page).first().getByRole('button', { name: 'Start Token-bucket rate limiter' }).click();
  await expect(page.getByRole('banner').getByRole('heading', { name: 'Token-bucket rate limiter' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('Interview protocol')).toHaveValue('coding-45');
  await shortSession(page, problemFile('token-bucket', 'starter.ts'));

  const failed = await redo(page, 'token-bucket');
  await expect(failed.getByTestId('redo-grade')).toHaveText('Again');
  await expect(failed.getByTestId('redo-due')).toHaveText('due tomorrow');
  await expect(failed).toContainText(/failed \d+ hidden tests?/);
  await failed.getByText('Why this grade').click();
  await expect(failed.getByTestId('redo-reasons')).toContainText('on the first Submit and never passed them all');
  await expect(page.getByTestId('plan-progress')).toHaveText('1 of 8 planned sessions done.');
  // The item is done; the re-do from scratch is what is left today.
  await expect(todayItems(page)).toHaveCount(1);
  await expect(todayItems(page).first().getByTestId('today-reason')).toContainText('re-do from scratch');

  // ── Another problem, solved well. ──
  await openProblem(page, 'LRU cache with TTL');
  await shortSession(page, problemFile('lru-ttl', 'reference.ts'));
  const solved = await redo(page, 'lru-ttl');
  await expect(solved.getByTestId('redo-grade')).not.toHaveText('Again');
  const failedDue = await failed.getAttribute('data-due');
  const solvedDue = await solved.getAttribute('data-due');
  expect(failedDue).toBe('2026-12-08');
  expect(solvedDue! > failedDue!).toBe(true);

  // ── Tuesday. ──
  await page.clock.setSystemTime(TUESDAY);
  await openPlan(page);
  await expect(page.getByTestId('days-left')).toHaveText('4 days left until the interview on 2026-12-12.');
  const items = todayItems(page);
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toHaveAttribute('data-problem', 'token-bucket');
  await expect(items.nth(0).getByTestId('today-reason')).toHaveText(
    /^missed yesterday: plan: re-do from scratch after reviewing the recording; due: failed \d+ hidden tests? yesterday$/,
  );
  await expect(items.nth(1)).toHaveAttribute('data-problem', 'lru-ttl');
  await expect(items.nth(2)).toHaveAttribute('data-problem', 'recommendations');
  await expect(items.nth(2).getByTestId('today-reason')).toHaveText('plan: full 75-minute interview');
  await expect(
    page.getByRole('region', { name: 'Spaced re-dos' }).locator('[data-problem="token-bucket"]').getByTestId('redo-due'),
  ).toHaveText('due today');
  await expect(page.getByTestId('readiness-coding')).toContainText('2 attempts');

  // ── The catalog: due dates on the cards, and the due order. ──
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Problems' }).click();
  const card = (title: string) => page.getByRole('link', { name: title, exact: true });
  await expect(card('Token-bucket rate limiter').getByTestId('problem-due')).toHaveText('Re-do due today');
  await expect(card('LRU cache with TTL').getByTestId('problem-due')).toHaveText(/^Re-do due (tomorrow|in \d+ days)$/);
  await page.getByLabel('Order').selectOption('due');
  const titles = page.getByRole('listitem').getByRole('heading', { level: 2 });
  await expect(titles.nth(0)).toHaveText('Token-bucket rate limiter');
  await expect(titles.nth(1)).toHaveText('LRU cache with TTL');
});
