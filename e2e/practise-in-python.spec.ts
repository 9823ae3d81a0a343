/**
 * Practising in Python: the Language control switches token-bucket to its Python starter; Run and Submit
 * go through Pyodide in the sandbox with results, expected/actual and time-outs like TypeScript's; the
 * choice and the Python draft survive a reload, and the TypeScript draft is untouched.
 */
import { expect, test } from '@playwright/test';
import { editorText, openProblem, pasteCode, problemFile, results, runAndWait, submitAndWait } from './helpers';

const TITLE = 'Token-bucket rate limiter';

test('Python on token-bucket: starter fails, reference passes, a mutant shows expected/actual, a loop times out, a reload keeps it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openProblem(page, TITLE);
  const language = page.getByRole('combobox', { name: 'Language' });
  await expect(language).toHaveValue('typescript');
  await language.selectOption('python');
  await expect.poll(() => editorText(page)).toBe(problemFile('token-bucket', 'starter.py'));
  // The statement's names in Python, above the statement.
  await expect(page.getByRole('region', { name: 'In Python' })).toContainText('retry_after_ms');

  // Run the starter: the examples fail, each with its reason.
  await runAndWait(page);
  const summary = results(page).getByTestId('results-summary');
  await expect(summary).toContainText(/0\/\d+ passed/);
  await expect(results(page).locator('li:not([data-status="passed"])').first()).toContainText('NotImplementedError');

  // The reference passes every hidden test.
  await pasteCode(page, problemFile('token-bucket', 'reference.py'));
  await submitAndWait(page);
  await expect(summary).toContainText(/Hidden tests: (\d+)\/\1 passed/);

  // A mutant fails, with the expected and the actual value side by side.
  await pasteCode(page, problemFile('token-bucket', 'mutants/remaining-consumes.py'));
  await submitAndWait(page);
  await expect(summary).not.toContainText(/Hidden tests: (\d+)\/\1 passed/);
  const failed = results(page)
    .locator('li[data-status="failed"]')
    .filter({ has: page.locator('dt', { hasText: 'expected' }) });
  await expect(failed.first()).toBeVisible();
  await expect(failed.first().locator('dd').first()).not.toBeEmpty();

  // An endless loop times out; the next Submit works.
  const looping = problemFile('token-bucket', 'reference.py').replace(
    /def allow\(self, user_id[^\n]*\n/,
    (line) => `${line}        while True:\n            pass\n`,
  );
  expect(looping).toContain('while True');
  await pasteCode(page, looping);
  await submitAndWait(page);
  await expect(summary).toContainText('timed out');
  await expect(results(page).locator('li[data-status="timedout"]').first()).toBeVisible();
  const reference = problemFile('token-bucket', 'reference.py');
  await pasteCode(page, reference);
  await submitAndWait(page);
  await expect(summary).toContainText(/Hidden tests: (\d+)\/\1 passed/);

  // A reload keeps Python and its draft; the TypeScript draft is still the starter.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('python', { timeout: 45_000 });
  await expect.poll(() => editorText(page), { timeout: 45_000 }).toBe(reference);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('typescript');
  await expect.poll(() => editorText(page)).toBe(problemFile('token-bucket', 'starter.ts'));
});

test('Python code that rewrites the test framework does not pass: the run says why, and the next run is clean', async ({ page }) => {
  test.setTimeout(120_000);
  await openProblem(page, TITLE);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  const forged = `import unittest\nunittest.TestCase.assertEqual = lambda self, *args, **kwargs: None\n\n${problemFile('token-bucket', 'mutants/remaining-consumes.py')}`;
  await pasteCode(page, forged);
  await submitAndWait(page);
  const summary = results(page).getByTestId('results-summary');
  await expect(summary).not.toContainText(/Hidden tests: (\d+)\/\1 passed/);
  await expect(results(page).getByTestId('run-message')).toContainText('cannot count');

  // The same wrong solution without the trick fails honestly, and the reference still passes.
  await pasteCode(page, problemFile('token-bucket', 'mutants/remaining-consumes.py'));
  await submitAndWait(page);
  await expect(summary).not.toContainText(/Hidden tests: (\d+)\/\1 passed/);
  await pasteCode(page, problemFile('token-bucket', 'reference.py'));
  await submitAndWait(page);
  await expect(summary).toContainText(/Hidden tests: (\d+)\/\1 passed/);
});
