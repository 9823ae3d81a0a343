import { expect, test } from '@playwright/test';
import { openProblem } from './helpers';

const TITLE = 'Design a 1:1 chat app like WhatsApp';

test('a design problem has phase notes that survive a reload, a scratchpad that runs, and answers on request', async ({ page }) => {
  test.setTimeout(90_000);
  await openProblem(page, TITLE);
  await expect(page.getByRole('button', { name: 'Submit' })).toHaveCount(0);

  // Notes start with one section per design-45 phase, each only asking its question (no figures, no
  // components), and keep what the candidate writes.
  const notes = page.getByLabel('Notes (Markdown)');
  await expect(notes).toHaveValue(/## Requirements[\s\S]*## Estimation[\s\S]*## Deep dive/);
  expect(await notes.inputValue()).not.toMatch(/\d|WebSocket|load balancer/i);
  await notes.click();
  await notes.press('ControlOrMeta+End');
  await notes.pressSequentially('\n- 1:1 text only, 100M daily users');
  await expect(page.getByRole('region', { name: 'Notes preview' })).toContainText('1:1 text only, 100M daily users');

  // The interviewer's answer appears only when asked for.
  const question = 'How many users are we designing for?';
  await expect(page.getByText('Assume 100 million daily active users')).toHaveCount(0);
  // The scratchpad's inputs start empty: its first run says what is still to fill in.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Console' })).toContainText('0 of 9 inputs filled in; still empty: dailyActiveUsers');
  await page.getByRole('button', { name: `Reveal the answer to: ${question}` }).click();
  await expect(page.getByText('Assume 100 million daily active users')).toBeVisible();
  // Revealing an answer offers to put its figure into the matching input.
  await page.getByRole('button', { name: 'Fill dailyActiveUsers = 100_000_000' }).click();
  await expect(page.getByRole('button', { name: 'dailyActiveUsers = 100_000_000 ✓' })).toBeDisabled();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Console' })).toContainText('1 of 9 inputs filled in');
  // The whiteboard is there, next to the notes.
  await expect(page.getByRole('region', { name: 'Whiteboard' }).locator('canvas.interactive')).toBeVisible({ timeout: 30_000 });
  // What a strong answer contains is not shown while designing.
  await expect(page.getByRole('region', { name: 'What a strong answer contains' })).toHaveCount(0);

  await page.waitForTimeout(800); // saved within a second
  await page.reload();
  await expect(page.getByLabel('Notes (Markdown)')).toHaveValue(/- 1:1 text only, 100M daily users/);
  await expect(page.getByText('Assume 100 million daily active users')).toBeVisible();
});

test('the whiteboard draws with fonts from our own build and fetches nothing from elsewhere', async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const fonts: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (['blob:', 'data:', 'about:'].includes(url.protocol)) return;
    if (url.origin !== origin) foreign.push(req.url());
  });
  page.on('response', (res) => {
    if (res.url().includes('/excalidraw/fonts/') && res.ok()) fonts.push(res.url());
  });
  await openProblem(page, 'Design a URL shortener like bit.ly');
  const board = page.getByRole('region', { name: 'Whiteboard' });
  const canvas = board.locator('canvas.interactive');
  await expect(canvas).toBeVisible({ timeout: 30_000 });
  const box = (await canvas.boundingBox())!;
  // A text label, as a person writes one: the Text tool, a click on the board, typing.
  await board.getByTitle(/^Text — /).click();
  await page.mouse.click(box.x + 80, box.y + 120);
  await page.keyboard.type('API gateway');
  await page.keyboard.press('Escape');
  await expect.poll(() => fonts.length, { timeout: 20_000 }).toBeGreaterThan(0);
  // The label is kept (the board autosaves like the code) and survives a reload.
  await page.waitForTimeout(1_000);
  await page.reload();
  await expect(board.locator('canvas.interactive')).toBeVisible({ timeout: 30_000 });
  const draft = await page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open('rehearse'); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
    return await new Promise((resolve) => { const q = db.transaction('drafts').objectStore('drafts').get('design-url-shortener/whiteboard.json'); q.onsuccess = () => resolve(q.result && q.result.code); });
  })()`);
  expect(JSON.parse(String(draft)).elements.map((e: { text?: string }) => e.text)).toContain('API gateway');
  expect(foreign).toEqual([]);
});

test('design cards and "In scope" say what to design, never the figures the questions should discover', async ({ page }) => {
  const FIGURE = /\d|hundred|thousand|million|billion/i;
  await page.goto('./');
  for (const title of [TITLE, 'Design a URL shortener like bit.ly', 'Design a video streaming service like Netflix']) {
    const summary = page.getByRole('link', { name: title, exact: true }).locator('p').first();
    await expect(summary).toHaveText(/Design/);
    expect(await summary.innerText()).not.toMatch(FIGURE);
  }
  await openProblem(page, 'Design a URL shortener like bit.ly');
  const statement = page.getByRole('complementary', { name: 'Problem statement' });
  const scope = statement.getByRole('heading', { name: 'In scope' }).locator('xpath=following-sibling::ul[1]');
  await expect(scope).toContainText('Creating a short link');
  expect(await scope.innerText()).not.toMatch(FIGURE);
  // The options are the interviewer's to tell, when asked.
  expect(await scope.innerText()).not.toMatch(/alias|expiry|click count/i);
});
