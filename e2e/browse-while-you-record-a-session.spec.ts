/**
 * A session keeps recording while the person looks at other pages (issue 26): every page's navigation
 * shows it, with its problem and time, as the way back; and every place that shows how long a live session
 * has run — the recording bar, the leave and end dialogs, the navigation, the Sessions list — shows the
 * same time, from one clock. Runs with the fake microphone (playwright.config.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { openProblem } from './helpers';
import { newestSession } from './recording';

const TITLE = 'Token-bucket rate limiter';
const CLOCK = /^\d\d:\d\d$/;

/** Two places' texts read in one go, so both come from the same rendered frame. */
function readTogether(page: Page, first: string, second: string): Promise<[string, string]> {
  return page.evaluate(
    ([a, b]) =>
      [a, b].map((selector) => document.querySelector(selector)?.textContent?.trim() ?? `missing ${selector}`) as [string, string],
    [first, second],
  );
}

const BAR_TIME = '[aria-label="Recording time"]';

/** The recording bar's time without its word ("Recording 00:11" → "00:11"). */
const barClock = (text: string) => text.replace(/^Recording\s+/, '');

test('the recording bar, the leave and end dialogs, the navigation and the Sessions list show one clock', async ({ page }) => {
  test.setTimeout(120_000);
  await openProblem(page, TITLE);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('[data-testid="recording-indicator"][data-mic="on"]', { timeout: 15_000 });
  await page.waitForTimeout(2500);

  // End session's question and the bar.
  await page.getByRole('button', { name: 'End session' }).click();
  const endDialog = page.getByRole('dialog', { name: 'End this session?' });
  await expect(endDialog.getByTestId('session-ran-for')).toContainText('This session has run for');
  for (let i = 0; i < 3; i++) {
    const [bar, asked] = await readTogether(page, BAR_TIME, '[data-testid="session-ran-for"]');
    expect(barClock(bar)).toMatch(CLOCK);
    expect(asked).toBe(`This session has run for ${barClock(bar)}.`);
    await page.waitForTimeout(700);
  }
  await endDialog.getByRole('button', { name: 'Keep recording' }).click();

  // The leave dialog and the bar.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Sessions' }).click();
  const leave = page.getByRole('dialog', { name: 'Your session is recording' });
  await expect(leave).toBeVisible();
  for (let i = 0; i < 3; i++) {
    const [bar, dialog] = await readTogether(page, BAR_TIME, '[data-testid="leave-dialog-elapsed"]');
    expect(barClock(bar)).toMatch(CLOCK);
    expect(dialog).toBe(barClock(bar));
    await page.waitForTimeout(700);
  }
  await leave.getByRole('button', { name: 'Keep recording and go' }).click();

  // The Sessions list shows the live session's running time (not the last logged event's "7.6 s"),
  // the same as the navigation beside it.
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible({ timeout: 20_000 });
  const live = await newestSession(page);
  const duration = `tr[data-session-id="${live.id}"] [data-testid="session-duration"]`;
  await expect(page.locator(duration)).toHaveText(CLOCK);
  for (let i = 0; i < 3; i++) {
    const [navTime, listed] = await readTogether(page, '[data-testid="background-recording-elapsed"]', duration);
    expect(navTime).toMatch(CLOCK);
    expect(listed).toBe(navTime);
    await page.waitForTimeout(700);
  }
});

test('a recording left running shows in the navigation on every page and leads back to its workspace', async ({ page }) => {
  test.setTimeout(120_000);
  await openProblem(page, TITLE);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('[data-testid="recording-indicator"][data-mic="on"]', { timeout: 15_000 });
  // In its own workspace the recording bar says it all: no second indicator.
  await expect(page.getByTestId('background-recording')).toHaveCount(0);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Sessions' }).click();
  await page.getByRole('dialog', { name: 'Your session is recording' }).getByRole('button', { name: 'Keep recording and go' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible({ timeout: 20_000 });

  const indicator = nav.getByTestId('background-recording');
  await expect(indicator).toHaveText(new RegExp(`^Recording — ${TITLE} \\d\\d:\\d\\d$`));
  for (const [link, heading] of [
    ['Progress', 'Progress'],
    ['Plan', 'Plan'],
    ['Problems', 'Rehearse'],
  ] as const) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible({ timeout: 20_000 });
    await expect(indicator).toHaveText(new RegExp(`^Recording — ${TITLE} \\d\\d:\\d\\d$`));
  }

  // Back through the indicator: the same session, still recording.
  const before = await newestSession(page);
  await indicator.click();
  await expect(page.getByRole('banner').getByRole('heading', { name: TITLE })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('recording-indicator')).toHaveAttribute('data-mic', 'on', { timeout: 15_000 });
  await expect(page.getByTestId('background-recording')).toHaveCount(0);
  const after = await newestSession(page);
  expect(after.id).toBe(before.id);
  expect(after.status).toBe('recording');
});
