/**
 * No session is ever lost: leaving the workspace while recording asks (keep recording and go, end and
 * save, stay); an interrupted session keeps its real length and audio and continues from the Sessions list.
 * Runs with the fake microphone (playwright.config.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { openProblem } from './helpers';
import { newestSession } from './recording';

const TITLE = 'Token-bucket rate limiter';

/**
 * Times, in the page and on the app's own clock (Date.now), the click on Start, the microphone coming on
 * and the click on "End and save".
 */
async function installClock(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const clock = (window.__leaveClock = { start: null, on: null, end: null });
    new MutationObserver(() => {
      if (clock.on === null && document.querySelector('[data-testid="recording-indicator"][data-mic="on"]')) clock.on = Date.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
    document.addEventListener('click', (e) => {
      const text = e.target.closest('button')?.textContent;
      if (text === 'Start') clock.start = Date.now();
      if (text === 'End and save') clock.end = Date.now();
    }, true);
  })()`);
}

async function startRecording(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('[data-testid="recording-indicator"][data-mic="on"]', { timeout: 15_000 });
}

test('going to Sessions mid-recording asks; "End and save" keeps the whole session and its audio', async ({ page }) => {
  test.setTimeout(90_000);
  await openProblem(page, TITLE);
  await installClock(page);
  await startRecording(page);
  await page.waitForTimeout(3000);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your session is recording' });
  await expect(dialog).toBeVisible();
  // Stay: nothing changes.
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByTestId('recording-indicator')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
  await dialog.getByRole('button', { name: 'End and save' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible({ timeout: 20_000 });

  const after = (await page.evaluate('Date.now()')) as number;

  const session = await newestSession(page);
  expect(session.status).toBe('finished');
  const { start, on, end } = (await page.evaluate('window.__leaveClock')) as { start: number; on: number; end: number };
  // The session began between the click on Start and the red dot, and ended between the click on
  // "End and save" and the Sessions page showing: the whole session, however busy the machine was.
  expect(session.startedAt).toBeGreaterThanOrEqual(start - 5);
  expect(session.startedAt).toBeLessThanOrEqual(on + 5);
  expect(session.endedAt!).toBeGreaterThanOrEqual(end - 5);
  expect(session.endedAt!).toBeLessThanOrEqual(after + 5);
  // The audio runs from the moment the recorder started to the end (±1 s): what the record says.
  const audioS = (session.audio?.segments ?? []).reduce((sum, s) => sum + (s.durationMs ?? 0), 0) / 1000;
  const segment = session.audio!.segments[0]!;
  expect(Math.abs(audioS - (session.endedAt! - session.startedAt - segment.startMs) / 1000)).toBeLessThanOrEqual(1);
  // And as the page saw it: no longer than Start → Sessions page, no shorter than red dot → choice (±1 s).
  expect(audioS).toBeLessThanOrEqual((after - start) / 1000 + 1);
  expect(audioS).toBeGreaterThanOrEqual((end - on) / 1000 - 1);
  const row = page.locator(`tr[data-session-id="${session.id}"]`);
  await expect(row).toContainText('Finished');
  await expect(row).not.toContainText('0.0 s');
});

test('an interrupted session keeps its length and audio and continues from the Sessions list', async ({ page }) => {
  test.setTimeout(90_000);
  await openProblem(page, TITLE);
  await startRecording(page);
  await page.waitForTimeout(2500);

  // Keep recording and go: the recording goes on while another page shows.
  await page.getByRole('link', { name: '← Problems' }).click();
  await page.getByRole('dialog', { name: 'Your session is recording' }).getByRole('button', { name: 'Keep recording and go' }).click();
  await expect(page.getByRole('heading', { name: 'Rehearse' })).toBeVisible();
  await page.getByRole('link', { name: TITLE, exact: true }).click();
  await expect(page.getByTestId('recording-indicator')).toHaveAttribute('data-mic', 'on');

  // The browser's Back button leaves without asking: the session is kept as interrupted, measured.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Rehearse' })).toBeVisible();
  await expect
    .poll(async () => (await newestSession(page)).audio?.segments[0]?.durationMs ?? null, { timeout: 15_000 })
    .toBeGreaterThan(2000);
  const interrupted = await newestSession(page);
  expect(interrupted.status).toBe('interrupted');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sessions' }).click();
  const row = page.locator(`tr[data-session-id="${interrupted.id}"]`);
  await expect(row).toContainText('Interrupted');
  await expect(row).not.toContainText('0.0 s');
  await row.getByRole('link', { name: /Continue/ }).click();
  await expect(page.getByTestId('recording-indicator')).toHaveAttribute('data-mic', 'on', { timeout: 15_000 });
  expect((await newestSession(page)).id).toBe(interrupted.id);
});
