/**
 * Practising a problem again: after solving it, New attempt starts from the starter (empty results and
 * notes, stages locked, no reference comparison, the timer before Start), while the first attempt keeps its
 * code in the history and in its recorded session. Reopening a problem with an unfinished draft asks first.
 */
import { expect, test } from '@playwright/test';
import { replayText } from '../src/core/session/editLog';
import { editorText, endSession, openProblem, pasteCode, problemFile, results, submitAndWait } from './helpers';
import { storedEvents } from './recording';

const TITLE = 'Chat room broker';

test('New attempt starts from scratch; the first attempt keeps its code and its session', async ({ page }) => {
  test.setTimeout(120_000);
  const reference = problemFile('chat-broker', 'reference.ts');
  const starter = problemFile('chat-broker', 'starter.ts');
  await openProblem(page, TITLE);
  const statement = page.getByLabel('Problem statement');
  await page.getByRole('button', { name: 'Start' }).click();
  await pasteCode(page, reference);
  await submitAndWait(page);
  await expect(statement.getByRole('heading', { name: /Stage 2/ })).toBeVisible();
  // Comparing with the reference opens and closes without an uncaught error. During a recorded session it
  // asks first each time (the opening is logged).
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const openReference = async () => {
    await page.getByRole('button', { name: 'Compare with the reference' }).click();
    await page
      .getByRole('dialog', { name: 'Open the reference during the session?' })
      .getByRole('button', { name: 'Open the reference' })
      .click();
  };
  await openReference();
  const compare = page.getByRole('dialog', { name: /Compare with the reference/ });
  await expect(compare.locator('.monaco-diff-editor')).toBeVisible({ timeout: 20_000 });
  await compare.getByRole('button', { name: 'Close' }).click();
  await expect(compare).toBeHidden();
  await openReference();
  await expect(compare.locator('.monaco-diff-editor')).toBeVisible({ timeout: 20_000 });
  await compare.getByRole('button', { name: 'Close' }).click();
  expect(errors).toEqual([]);

  // End session asks first and says how long the session has run.
  await page.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByRole('dialog', { name: 'End this session?' }).getByTestId('session-ran-for')).toContainText(
    /has run for \d\d:\d\d/,
  );
  await page.getByRole('button', { name: 'Keep recording' }).click();
  await endSession(page);

  await page.getByRole('button', { name: 'New attempt' }).click();
  await expect.poll(() => editorText(page)).toBe(starter.replace(/\r\n/g, '\n'));
  await expect(results(page)).toContainText('Press Run');
  await expect(results(page).getByTestId('results-summary')).toHaveCount(0);
  await expect(statement.getByRole('heading', { name: /Stage 2/ })).toHaveCount(0);
  await expect(statement.getByTestId('locked-stage')).toBeVisible();
  await expect(page.getByLabel('Plan notes (Markdown)')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Compare with the reference' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(page.getByTestId('finished-session')).toHaveCount(0);

  // The first attempt: its code in the history, and its session still replays that code.
  await statement.getByText('Earlier attempts (1)').click();
  const first = statement.getByTestId('attempt-1');
  await expect(first).toContainText('all hidden tests on the 1st Submit');
  await first.getByRole('button', { name: 'Show its code' }).click();
  await expect(first.getByLabel('Code of attempt 1')).toContainText('class');
  expect((await first.getByLabel('Code of attempt 1').textContent())?.trim()).toBe(reference.replace(/\r\n/g, '\n').trim());
  await first.getByRole('link', { name: /Replay session/ }).click();
  await expect(page).toHaveURL(/#\/sessions\/[^/]+$/);
  const sessionId = decodeURIComponent(page.url().split('/sessions/')[1]!);
  expect(replayText(await storedEvents(page, sessionId), 'solution.ts', Infinity)).toBe(reference.replace(/\r\n/g, '\n'));

  // The catalog says what was practised and when.
  await page.goto('./');
  const card = page.getByRole('link', { name: TITLE, exact: true });
  await expect(card.getByTestId('practice-history')).toContainText('1 attempt · best: all hidden tests on the 1st Submit · last');
  await page.getByLabel('Order').selectOption('least-recent');
  await expect(page.getByRole('listitem').last().getByRole('link')).toHaveAccessibleName(TITLE);
});

test('opening a problem with an unfinished draft asks: continue it or start a new attempt', async ({ page }) => {
  await openProblem(page, TITLE);
  await pasteCode(page, '// my half-done broker\nexport class ChatBroker {}\n');
  await page.getByRole('link', { name: '← Problems' }).click();
  await page.getByRole('link', { name: TITLE, exact: true }).click();
  const question = page.getByRole('region', { name: 'Unfinished draft' });
  await expect(question).toContainText('unfinished draft');
  await question.getByRole('button', { name: 'Continue the draft' }).click();
  await expect(question).toHaveCount(0);
  await expect.poll(() => editorText(page)).toContain('my half-done broker');

  await page.reload();
  await question.getByRole('button', { name: 'New attempt' }).click();
  await expect.poll(() => editorText(page)).toBe(problemFile('chat-broker', 'starter.ts').replace(/\r\n/g, '\n'));
  await expect(page.getByLabel('Problem statement').getByText('Earlier attempts (1)')).toBeVisible();
});
