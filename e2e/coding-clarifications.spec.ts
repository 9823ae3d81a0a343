/**
 * Asking the interviewer on a coding problem: the answers stay hidden until asked; during a recorded
 * session (fake microphone) a question asked before typing counts as clarifying, one asked after does
 * not; the review says so, the replay marks both questions at their times, and New attempt hides the
 * answers again. Runs in the `fake-microphone` project (playwright.config.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { endSession, openProblem, typeAtEnd } from './helpers';
import { newestSession, storedEvents } from './recording';

const TITLE = 'Token-bucket rate limiter';
const BEFORE = 'Does a user we have never seen begin with a full bucket or an empty one?';
const AFTER = 'What if the clock goes backwards, say after a time sync?';

const ask = (page: Page) => page.getByRole('region', { name: 'Ask the interviewer' });
const revealButton = (page: Page, question: string) => ask(page).getByRole('button', { name: `Reveal the answer to: ${question}` });

test('a clarifying question asked before coding is answered, counted and shown in the replay', async ({ page }) => {
  test.setTimeout(120_000);
  await openProblem(page, TITLE);
  // Every question is listed, no answer is shown.
  await expect(ask(page).getByTestId('clarification')).toHaveCount(6);
  await expect(ask(page)).not.toContainText('A new user can spend the whole capacity');

  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForSelector('[data-testid="recording-indicator"][data-mic="on"]', { timeout: 15_000 });

  // Asked before typing: the answer appears in place, the other questions stay closed.
  await revealButton(page, BEFORE).click();
  await expect(ask(page)).toContainText('Full. A new user can spend the whole capacity straight away, as a burst.');
  await expect(revealButton(page, BEFORE)).toHaveCount(0);
  await expect(revealButton(page, AFTER)).toBeVisible();

  await typeAtEnd(page, '\n// a new user starts full\n');
  // Asked once coding has started: answered, but not a clarifying question before coding.
  await revealButton(page, AFTER).click();
  await expect(ask(page)).toContainText('Treat it as no time passing.');
  await page.getByRole('button', { name: 'Next phase' }).click();
  await endSession(page);
  await expect.poll(async () => (await newestSession(page)).status, { timeout: 20_000 }).toBe('finished');
  const session = await newestSession(page);
  const asked = (await storedEvents(page, session.id)).filter((e) => e.type === 'clarification');
  expect(asked.map((e) => (e.type === 'clarification' ? e.question : ''))).toEqual([BEFORE, AFTER]);

  // The answers stay for the attempt; New attempt hides them again.
  await expect(ask(page)).toContainText('Full. A new user can spend');
  await page.getByRole('button', { name: 'New attempt' }).click();
  await expect(revealButton(page, BEFORE)).toBeVisible();
  await expect(revealButton(page, AFTER)).toBeVisible();
  await expect(ask(page)).not.toContainText('A new user can spend');

  await page.goto(`./#/sessions/${session.id}`);
  const review = page.getByRole('complementary', { name: 'Review' });
  await expect(review).toBeVisible({ timeout: 20_000 });
  const fact = review
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Clarifying questions', exact: true }) })
    .getByRole('cell');
  await expect(fact).toHaveText('Asked 1 clarifying question before coding (2 in all)');

  const timeline = page.getByRole('group', { name: 'Session timeline' });
  await expect(timeline.getByRole('button', { name: new RegExp(`^Clarification at \\d\\d:\\d\\d: ${escape(BEFORE)}$`) })).toHaveCount(1);
  await expect(timeline.getByRole('button', { name: new RegExp(`^Clarification at \\d\\d:\\d\\d: ${escape(AFTER)}$`) })).toHaveCount(1);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
