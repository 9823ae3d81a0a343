/**
 * Browsing recorded sessions: record two short sessions through the workspace (no microphone here, so
 * they record code and actions without audio), find them in the sessions library with their results and
 * scores, sort and filter it, see them on the progress page, and delete one (cancel first), checking the
 * database keeps nothing of it.
 */
import { expect, test, type Page } from '@playwright/test';
import { openProblem, pasteCode, problemFile, submitAndWait, finishSession } from './helpers';
import { newestSession, storedEvents, storedSessions } from './recording';

const TOKEN = 'Token-bucket rate limiter';
const LRU = 'LRU cache with TTL';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The library's session rows (the header row has no Replay link). */
const sessionRows = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('link', { name: /^Replay/ }) });

/** Rows of one store belonging to a session, read straight from IndexedDB (schema in src/storage/db.ts). */
async function storedRowCount(
  page: Page,
  store: 'sessionEvents' | 'audioChunks' | 'levels' | 'reviews',
  sessionId: string,
): Promise<number> {
  return (await page.evaluate(
    `(async ([store, id]) => {
      const db = await new Promise((resolve, reject) => {
        const req = indexedDB.open('rehearse');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const count = await new Promise((resolve, reject) => {
        const key = store === 'reviews' ? id : IDBKeyRange.bound([id], [id, []]);
        const req = db.transaction(store).objectStore(store).count(key);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      db.close();
      return count;
    })(${JSON.stringify([store, sessionId])})`,
  )) as number;
}

/** Pastes `code`, starts a session, submits once and finishes through the phase timer's buttons. */
async function recordSession(page: Page, title: string, code: string): Promise<string> {
  await openProblem(page, title);
  // The code goes in before Start, while the editor is at its full height (the recording bar and the
  // audio-off banner take room once the session runs); the session's first snapshot holds it.
  await pasteCode(page, code);
  await page.getByRole('button', { name: /^Start/ }).click();
  const timer = page.getByRole('timer', { name: 'Phase timer' });
  await expect(timer).toBeVisible();
  await submitAndWait(page);
  const next = page.getByRole('button', { name: 'Next phase', exact: true });
  const finish = page.getByRole('button', { name: 'Finish', exact: true });
  for (let i = 0; i < 10 && !(await finish.isVisible()); i++) await next.click();
  await expect(finish).toBeVisible();
  await finishSession(page);
  await expect(timer).toContainText('Session finished');
  await expect.poll(async () => (await newestSession(page)).status, { timeout: 20_000 }).toBe('finished');
  return (await newestSession(page)).id;
}

test('with nothing recorded, the library and the progress page say how to record a first session', async ({ page }) => {
  await page.goto('./');
  await nav(page).getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Sessions' })).toHaveAttribute('aria-current', 'page');
  const empty = page.getByRole('region', { name: 'No sessions recorded yet' });
  await expect(empty).toContainText('Press Start');
  await expect(empty).toContainText('Allow the microphone');
  await expect(empty).toContainText('Finish');

  await nav(page).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing to chart yet' })).toBeVisible();

  await nav(page).getByRole('link', { name: 'Sessions' }).click();
  await page.getByRole('link', { name: 'Choose a problem to practise' }).click();
  await expect(page.getByRole('link', { name: TOKEN, exact: true })).toBeVisible();
});

test('two recorded sessions are listed newest first with results and scores, sorted, filtered, charted, and one is deleted', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // Everything, the charts included, comes from the site itself and IndexedDB: no request leaves it.
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['blob:', 'data:'].includes(url.protocol) && url.host !== new URL(baseURL!).host) foreign.push(r.url());
  });
  const failing = await recordSession(page, TOKEN, problemFile('token-bucket', 'mutants/no-refill-cap.ts'));
  const passing = await recordSession(page, LRU, problemFile('lru-ttl', 'reference.ts'));

  // The library, reached from the workspace's navigation.
  await nav(page).getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  const rows = sessionRows(page);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText(LRU);
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText(TOKEN);
  await expect(page.getByRole('columnheader', { name: 'Date' })).toHaveAttribute('aria-sort', 'descending');
  for (const row of [rows.nth(0), rows.nth(1)]) {
    await expect(row).toContainText('Finished');
    await expect(row).toContainText('Coding interview (45 min)');
    await expect(row).toContainText('Not reviewed');
  }
  await expect(rows.nth(0).getByTestId('session-result')).toHaveText(/^(\d+)\/\1 on submit 1$/);
  await expect(rows.nth(1).getByTestId('session-result')).toHaveText(/^\d+\/\d+ on the only submit$/);
  await expect(page.getByTestId('storage-totals')).toContainText('2 sessions using about');

  // Sort by problem (A to Z, then Z to A), then by result (best first).
  const problemHeader = page.getByRole('columnheader', { name: 'Problem' });
  await problemHeader.getByRole('button').click();
  await expect(problemHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('columnheader', { name: 'Date' })).toHaveAttribute('aria-sort', 'none');
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText(LRU);
  await problemHeader.getByRole('button').click();
  await expect(problemHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText(TOKEN);
  await page.getByRole('columnheader', { name: 'Result' }).getByRole('button').click();
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText(LRU);

  // Filter by problem.
  await page.getByLabel('Problem').selectOption({ label: TOKEN });
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText(TOKEN);
  await expect(page.getByTestId('sessions-count')).toHaveText('1 of 2 sessions');
  await page.getByLabel('Problem').selectOption({ label: 'All problems' });
  await expect(rows).toHaveCount(2);

  // Score the passing session beside its replay; the library then shows the total.
  await rows
    .filter({ hasText: LRU })
    .getByRole('link', { name: /^Replay/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`#/sessions/${passing}$`));
  const review = page.getByRole('complementary', { name: 'Review' });
  await review.getByLabel('Talked continuously score').selectOption('7');
  await review.getByLabel('Stayed calm score').selectOption('9');
  await expect(review.getByTestId('review-save-status')).toHaveText('Saved');
  // One total, worded the same on the review, in Sessions and in Progress (issue 26).
  const TOTAL = '16 of 20 (2 of 6 items scored)';
  await expect(review.getByTestId('self-review-total')).toHaveText(`Total: ${TOTAL}`);
  await page.goBack();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: LRU })).toContainText(`Self-review ${TOTAL}`);
  await expect(rows.filter({ hasText: TOKEN })).toContainText('Not reviewed');

  // Progress: one chart per metric, drawn on a canvas, and the same numbers in a table.
  await nav(page).getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByRole('heading', { name: 'Progress', level: 1 })).toBeVisible();
  for (const metric of ['firstSubmit', 'runs', 'selfReview'])
    await expect(page.getByTestId(`chart-${metric}`).locator('canvas').first()).toBeVisible();
  await expect(page.getByText('None of these sessions recorded audio')).toBeVisible();
  const table = page.getByRole('table', { name: /^Each session, oldest first/ });
  const progressRows = table.locator('tbody tr');
  await expect(progressRows).toHaveCount(2);
  // Oldest first: the failing Token-bucket session, then the passing LRU one.
  await expect(progressRows.nth(0)).toContainText(TOKEN);
  await expect(progressRows.nth(0)).toContainText('no audio');
  await expect(progressRows.nth(0)).toContainText('failed');
  await expect(progressRows.nth(1)).toContainText(LRU);
  await expect(progressRows.nth(1)).toContainText('passed');
  await expect(progressRows.nth(1)).toContainText(TOTAL);
  await expect(table.getByTestId('trend-firstSubmit')).toHaveText('▲ better');
  await expect(table.getByTestId('trend-silence')).toHaveText('cannot compare');
  await expect(table.getByTestId('trend-selfReview')).toHaveText('cannot compare');
  // The chart says what its axis is out of, with the same total as the table: 16 of 20 is 8 of 10 per item.
  await expect(page.getByTestId('chart-note-selfReview')).toHaveText(
    `Each point is the average of the items scored, out of 10: the latest, ${TOTAL}, is drawn at 8.0.`,
  );
  expect(foreign).toEqual([]);
  await page.getByLabel('Problem').selectOption({ label: LRU });
  await expect(progressRows).toHaveCount(1);
  await expect(page.getByText('One session so far.')).toBeVisible();

  // Delete the failing session: cancel first, Escape too, then confirm.
  await nav(page).getByRole('link', { name: 'Sessions' }).click();
  await expect(rows).toHaveCount(2);
  expect((await storedEvents(page, failing)).length).toBeGreaterThan(0);
  const deleteButton = rows.filter({ hasText: TOKEN }).getByRole('button', { name: /^Delete/ });
  const dialog = page.getByRole('alertdialog', { name: 'Delete this session?' });

  await deleteButton.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(TOKEN);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await expect(rows).toHaveCount(2);

  await deleteButton.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(2);

  await deleteButton.click();
  await dialog.getByRole('button', { name: 'Delete session' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).getByRole('rowheader')).toHaveText(LRU);
  await expect(page.getByTestId('storage-totals')).toContainText('1 session using about');

  // Gone from IndexedDB: the record, its events, audio and levels; the other session is untouched.
  expect((await storedSessions(page)).map((s) => s.id)).toEqual([passing]);
  for (const store of ['sessionEvents', 'audioChunks', 'levels', 'reviews'] as const)
    expect(await storedRowCount(page, store, failing)).toBe(0);
  expect(await storedRowCount(page, 'sessionEvents', passing)).toBeGreaterThan(0);
  expect(await storedRowCount(page, 'reviews', passing)).toBe(1);
});
