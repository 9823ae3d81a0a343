import { test } from '@playwright/test';
import { openProblem } from '../e2e/helpers';
test('shot', async ({ page }) => {
  await openProblem(page, 'LRU cache with TTL');
  await page.screenshot({ path: '.tmp-c/before.png' });
  await page.getByRole('button', { name: 'Start' }).click();
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '.tmp-c/after.png' });
  const boxes = await page.evaluate(() => [...document.querySelectorAll('header, [aria-label="Recording"], [role=alert], [data-testid=phase-banner], [data-testid=editor], main')].map(e => [e.tagName + (e.getAttribute('aria-label') ?? e.getAttribute('data-testid') ?? ''), Math.round(e.getBoundingClientRect().height)]));
  console.log(JSON.stringify(boxes));
});
