/**
 * The catalog's filters, order and search are in the URL (issue 26): they survive "← Problems" from a
 * workspace, the Problems link from another page and a reload; the search filters as you type, says what
 * to do when nothing matches, and a link with values the catalog does not know still opens.
 */
import { expect, test, type Page } from '@playwright/test';

const RATE_LIMITERS = ['Sliding-window rate limiter', 'Token-bucket rate limiter'];

/** The titles of the cards shown, in the order shown. */
function cardTitles(page: Page): Promise<string[]> {
  return page.locator('main ul > li > a[aria-label]').evaluateAll((links) => links.map((a) => a.getAttribute('aria-label') ?? ''));
}

async function expectTheFilteredList(page: Page): Promise<void> {
  await expect(page.getByLabel('Search problems')).toHaveValue('rate limiter');
  await expect(page.getByLabel('Kind')).toHaveValue('coding');
  await expect(page.getByLabel('Difficulty')).toHaveValue('medium');
  await expect(page.getByLabel('Order')).toHaveValue('least-recent');
  await expect.poll(async () => (await cardTitles(page)).sort()).toEqual(RATE_LIMITERS);
}

test('filters, order and search stay in the URL: "← Problems", the Problems link and a reload keep them', async ({ page }) => {
  await page.goto('./');
  const all = (await cardTitles(page)).length;
  expect(all).toBeGreaterThan(RATE_LIMITERS.length);

  // The search filters as the person types: title, summary and tags.
  const search = page.getByLabel('Search problems');
  await search.pressSequentially('rate');
  await expect.poll(async () => (await cardTitles(page)).length).toBeLessThan(all);
  await search.pressSequentially(' limiter');
  await expect.poll(async () => (await cardTitles(page)).sort()).toEqual(RATE_LIMITERS);
  await expect(page.getByRole('status').filter({ hasText: 'problems' })).toHaveText(`2 of ${all} problems`);
  await page.getByLabel('Kind').selectOption('coding');
  await page.getByLabel('Difficulty').selectOption('medium');
  await page.getByLabel('Order').selectOption('least-recent');
  await expect(page).toHaveURL(/#\/\?kind=coding&difficulty=medium&sort=least-recent&q=rate\+limiter$/);
  await expectTheFilteredList(page);

  // Open a problem and come back: the same list.
  await page.getByRole('link', { name: 'Token-bucket rate limiter', exact: true }).click();
  await expect(page.getByRole('banner').getByRole('heading', { name: 'Token-bucket rate limiter' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('link', { name: '← Problems' }).click();
  await expectTheFilteredList(page);

  // A reload keeps it, and so does the Problems link from another page.
  await page.reload();
  await expectTheFilteredList(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Sessions' }).click();
  await expect(page.getByRole('heading', { name: 'Sessions', level: 1 })).toBeVisible();
  await nav.getByRole('link', { name: 'Problems' }).click();
  await expectTheFilteredList(page);

  // Nothing matches: the page says so and clears the search in one click, keeping the filters.
  // The caret after the text, where a person's click would put it.
  await search.focus();
  await search.press('End');
  await search.pressSequentially(' xyz');
  await expect(page.getByTestId('catalog-empty')).toHaveText(
    'No problem matches “rate limiter xyz” with these filters — clear the search or the filters.',
  );
  await page.getByRole('button', { name: 'clear the search' }).click();
  await expect(search).toHaveValue('');
  await expect(page).toHaveURL(/#\/\?kind=coding&difficulty=medium&sort=least-recent$/);
  const mediumCoding = await cardTitles(page);
  expect(mediumCoding).toEqual(expect.arrayContaining(RATE_LIMITERS));
  expect(mediumCoding.length).toBeGreaterThan(RATE_LIMITERS.length);
});

test('a link with values the catalog does not know opens the catalog with the rest of it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./#/?kind=quiz&difficulty=impossible&tag=no-such-tag&language=cobol&sort=random&q=lru');
  await expect(page.getByLabel('Search problems')).toHaveValue('lru');
  for (const filter of ['Kind', 'Difficulty', 'Tag', 'Language'])
    await expect(page.getByLabel(new RegExp(`^${filter}`))).toHaveValue('all');
  await expect(page.getByLabel('Order')).toHaveValue('catalog');
  await expect.poll(() => cardTitles(page)).toEqual(['LRU cache with TTL']);

  // Only a search, no filter: the empty state offers the search alone.
  await page.goto('./#/?q=no-such-problem');
  await expect(page.getByTestId('catalog-empty')).toHaveText('No problem matches “no-such-problem” — clear the search.');
  await page.getByRole('button', { name: 'clear the search' }).click();
  await expect.poll(async () => (await cardTitles(page)).length).toBeGreaterThan(RATE_LIMITERS.length);
  expect(errors).toEqual([]);
});
