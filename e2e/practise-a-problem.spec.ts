import { expect, test } from '@playwright/test';
import { clickIntoEditor, openProblem, pasteCode, problemFile, results, runAndWait, submitAndWait } from './helpers';

const TITLE = 'Token-bucket rate limiter';

test('the catalog lists problems with kind, difficulty and status, and filters by kind and tag', async ({ page }) => {
  await page.goto('./');
  const card = page.getByRole('link', { name: TITLE, exact: true });
  await expect(card).toContainText('coding');
  await expect(card).toContainText('medium');
  await expect(card.getByTestId('problem-status')).toHaveText('Not started');

  await page.getByLabel('Kind').selectOption('design');
  await expect(card).toHaveCount(0);
  await page.getByLabel('Kind').selectOption('coding');
  await expect(card).toBeVisible();
  await page.getByLabel('Tag').selectOption('rate-limiting');
  await expect(card).toBeVisible();
  await expect(page.getByRole('link', { name: 'LRU cache with TTL', exact: true })).toHaveCount(0);
});

test('pasting the reference and submitting passes every hidden test and marks the problem solved', async ({ page }) => {
  await openProblem(page, TITLE);
  await expect(page.getByLabel('Problem statement')).toContainText('token bucket');
  await pasteCode(page, problemFile('token-bucket', 'reference.ts'));
  await submitAndWait(page);

  const items = results(page).getByRole('listitem');
  const total = await items.count();
  expect(total).toBeGreaterThan(10);
  await expect(results(page).getByTestId('results-summary')).toContainText(`${total}/${total} passed`);
  await expect(results(page).locator('li[data-status="passed"]')).toHaveCount(total);

  await page.getByRole('link', { name: '← Problems' }).click();
  await expect(page.getByRole('link', { name: TITLE, exact: true }).getByTestId('problem-status')).toHaveText('Solved');
});

test('a wrong solution shows which tests fail, with the assertion message and expected vs actual', async ({ page }) => {
  await openProblem(page, TITLE);
  // No refill cap: a user who waits long gets more than `capacity` tokens.
  await pasteCode(page, problemFile('token-bucket', 'mutants/no-refill-cap.ts'));
  await submitAndWait(page);
  const failed = results(page).locator('li[data-status="failed"]');
  await expect(failed.first()).toBeVisible();
  await expect(failed.first()).toContainText('expected');
  await expect(results(page).locator('li[data-status="passed"]').first()).toBeVisible();
  const summary = await results(page).getByTestId('results-summary').textContent();
  expect(summary).toMatch(/(\d+)\/(\d+) passed/);
  const [, passed, total] = summary!.match(/(\d+)\/(\d+) passed/)!;
  expect(Number(passed)).toBeLessThan(Number(total));
});

test('Run executes the file and the visible examples, and shows console.log output', async ({ page }) => {
  await openProblem(page, TITLE);
  const reference = problemFile('token-bucket', 'reference.ts');
  await pasteCode(page, `${reference}\nconsole.log('limiter ready', { capacity: 5 });\n`);
  await runAndWait(page);
  await expect(page.getByRole('region', { name: 'Console' })).toContainText('limiter ready { capacity: 5 }');
  await expect(results(page).getByTestId('results-summary')).toContainText('Examples');
  await expect(results(page).locator('li[data-status="failed"]')).toHaveCount(0);
});

test('Ctrl+Enter runs and Ctrl+Shift+Enter submits from inside the editor', async ({ page }) => {
  await openProblem(page, TITLE);
  await pasteCode(page, problemFile('token-bucket', 'reference.ts'));
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(results(page).getByTestId('results-summary')).toContainText('Examples');
  await page.keyboard.press('ControlOrMeta+Shift+Enter');
  await expect(results(page).getByTestId('results-summary')).toContainText('Hidden tests');
});

test('a compile error is shown with its line and column, and marked in the editor', async ({ page }) => {
  await openProblem(page, TITLE);
  await pasteCode(page, 'export const a = 1;\nexport const b = 2;\nexport const c = (;\n');
  await submitAndWait(page);
  await expect(results(page).getByRole('list', { name: 'Compile errors' })).toContainText('solution.ts:3:');
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeVisible();
});

test('a runtime error points at the line of the solution that threw', async ({ page }) => {
  await openProblem(page, TITLE);
  const throwing = `export class RateLimiter {
  constructor(_capacity: number, _windowMs: number, _clock?: () => number) {}
  allow(userId: string): boolean {
    const bucket = (undefined as unknown as { tokens: number });
    return bucket.tokens > 0; // line 5 throws a TypeError
  }
  remaining(_userId: string): number { return 0; }
  retryAfterMs(_userId: string): number { return 0; }
  cleanup(): number { return 0; }
  get trackedUsers(): number { return 0; }
}
`;
  await pasteCode(page, throwing);
  await submitAndWait(page);
  const failed = results(page).locator('li', { hasText: 'at solution.ts line 5' }).first();
  await expect(failed).toContainText("Cannot read properties of undefined (reading 'tokens')");
  await expect(page.locator('.monaco-editor .squiggly-warning').first()).toBeVisible();
});

test('an infinite loop times out, the page stays responsive, and the next run passes', async ({ page }) => {
  await openProblem(page, TITLE);
  const looping = `export class RateLimiter {
  constructor(_capacity: number, _windowMs: number, _clock?: () => number) {}
  allow(_userId: string): boolean { while (true) {} }
  remaining(_userId: string): number { return 0; }
  retryAfterMs(_userId: string): number { return 0; }
  cleanup(): number { return 0; }
  get trackedUsers(): number { return 0; }
}
`;
  await pasteCode(page, looping);
  await page.getByRole('button', { name: 'Submit' }).click();
  // While user code spins in its worker, the page still answers: the timer can be started.
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('timer', { name: 'Phase timer' })).toContainText('Plan');
  // Start began a recorded session: the Submit shows the count and the first failing test, as in an interview.
  await expect(results(page).getByTestId('first-failing-title')).toBeVisible({ timeout: 30_000 });
  await expect(results(page)).toContainText(/timed out/i);

  await pasteCode(page, problemFile('token-bucket', 'reference.ts'));
  await submitAndWait(page);
  await expect(results(page).getByTestId('results-summary')).toContainText(/Hidden tests: (\d+)\/\1 passed/);
  await expect(results(page).getByTestId('first-failing-title')).toHaveCount(0);
});
