/**
 * Pause (issue 26): during a recorded session, Pause stops the timer, the recording (the microphone goes
 * off; Resume records on in a new audio segment) and editing, Run and Submit, with a clear "Paused" state;
 * Resume brings them all back. The session's silences never fall in the paused span. Runs with Chromium's
 * fake microphone (the `fake-microphone` project).
 */
import { expect, test, type Page } from '@playwright/test';
import { clickIntoEditor, editorText, endSession, openProblem, typeAtEnd } from './helpers';
import { newestSession, storedEvents } from './recording';

const TITLE = 'Token-bucket rate limiter';

async function waitForMicOn(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="recording-indicator"][data-mic="on"]', { timeout: 20_000 });
}

const phaseTime = (page: Page) => page.getByTestId('phase-time').innerText();

test('Pause stops the timer, the recording and editing; Resume brings them back; silences skip the pause', async ({ page }) => {
  test.setTimeout(150_000);
  await openProblem(page, TITLE);
  await page.getByRole('button', { name: 'Start' }).click();
  await waitForMicOn(page);
  await typeAtEnd(page, '\n// before the pause');
  await page.waitForTimeout(2000);

  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('paused-state')).toContainText('Paused');
  const indicator = page.getByTestId('recording-indicator');
  await expect(indicator).toHaveAttribute('data-paused', 'true');
  await expect(indicator).toHaveAttribute('data-mic', 'off');
  await expect(indicator).toContainText('Paused');
  await expect(page.getByRole('timer', { name: 'Phase timer' })).toContainText('paused');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Submit', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Resume', exact: true })).toBeVisible();

  // Typing does nothing, and the timer stands still.
  const before = await editorText(page);
  const frozen = await phaseTime(page);
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('zzz');
  await page.waitForTimeout(3000);
  expect(await editorText(page)).toBe(before);
  expect(await phaseTime(page)).toBe(frozen);

  await page.getByRole('button', { name: 'Resume', exact: true }).click();
  await waitForMicOn(page);
  await expect(page.getByTestId('paused-state')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await typeAtEnd(page, '\n// after the pause');
  await expect.poll(() => editorText(page)).toBe(`${before}\n// after the pause`);
  await expect.poll(() => phaseTime(page), { timeout: 5000 }).not.toBe(frozen);
  await page.waitForTimeout(2500);
  await endSession(page);
  await expect(page.getByTestId('finished-session').getByTestId('session-audio')).toHaveCount(2, { timeout: 20_000 });

  // The recording paused too: one audio segment before the pause and one after, none in between.
  const session = await newestSession(page);
  const events = await storedEvents(page, session.id);
  const pausedAt = events.find((e) => e.type === 'pause')!.t;
  const resumedAt = events.find((e) => e.type === 'resume')!.t;
  expect(resumedAt - pausedAt).toBeGreaterThan(2500);
  const [first, second] = session.audio!.segments;
  expect(session.audio!.segments).toHaveLength(2);
  expect(first!.startMs + first!.durationMs!).toBeLessThanOrEqual(pausedAt + 1000);
  expect(second!.startMs).toBeGreaterThanOrEqual(resumedAt - 100);
  // No silence is measured inside the pause: it is not audio at all.
  for (const s of session.silences) expect(s.endMs <= pausedAt + 1000 || s.startMs >= resumedAt - 100).toBe(true);
  // Nothing typed while paused reached the log.
  expect(events.some((e) => e.type === 'edit' && e.t > pausedAt && e.t < resumedAt)).toBe(false);
});
