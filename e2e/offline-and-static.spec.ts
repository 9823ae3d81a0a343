import { expect, test } from '@playwright/test';
import { openProblem, pasteCode, problemFile, results, runAndWait, submitAndWait } from './helpers';

test('the built site requests nothing from any host but its own', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (['blob:', 'data:', 'about:'].includes(url.protocol)) return;
    if (url.origin !== origin) foreign.push(req.url());
  });
  await openProblem(page, 'Token-bucket rate limiter');
  await pasteCode(page, problemFile('token-bucket', 'reference.ts'));
  await runAndWait(page);
  await submitAndWait(page);
  await page.getByRole('link', { name: '← Problems' }).click();
  await openProblem(page, 'LRU cache with TTL');
  expect(foreign).toEqual([]);
});

test('a deep link to a problem loads directly and survives a reload', async ({ page }) => {
  await page.goto('./#/problems/lru-ttl');
  await expect(page.getByRole('banner').getByRole('heading', { name: 'LRU cache with TTL' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('banner').getByRole('heading', { name: 'LRU cache with TTL' })).toBeVisible();
  await page.goto('./#/problems/no-such-problem');
  await expect(page.getByText('There is no problem called “no-such-problem”.')).toBeVisible();
});

test('after the first visit the app works with no network at all', async ({ page, context }) => {
  // The whole precache (Monaco, esbuild, Pyodide and the interpreter's snapshot) downloads first: on a
  // busy machine that alone can take most of a minute.
  test.setTimeout(150_000);
  await page.goto('./');
  // Wait until the service worker has precached the build and controls the page.
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
    return reg.active?.state;
  });
  await context.setOffline(true);
  await page.reload();
  await openProblem(page, 'Token-bucket rate limiter');
  await pasteCode(page, problemFile('token-bucket', 'reference.ts'));
  await submitAndWait(page);
  await expect(results(page).locator('li[data-status="failed"]')).toHaveCount(0);
  await expect(results(page).locator('li[data-status="passed"]').first()).toBeVisible();

  // Python too: Pyodide and its standard library were precached, though Python was never chosen online.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  await pasteCode(page, problemFile('token-bucket', 'reference.py'));
  await submitAndWait(page);
  await expect(results(page).getByTestId('results-summary')).toContainText(/Hidden tests: (\d+)\/\1 passed/);
});
