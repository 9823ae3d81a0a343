/**
 * Python's messages: the console says how Python prints, an error names solution.py and the line that
 * raised (never solution.ts), and a wrong answer shows the expected and the actual value in labelled blocks,
 * as TypeScript failures do.
 */
import { expect, test } from '@playwright/test';
import { editorText, openProblem, pasteCode, problemFile, results, runAndWait, submitAndWait } from './helpers';

const TITLE = 'Token-bucket rate limiter';

test('Python on token-bucket: the console mentions print(), errors name solution.py and their line, a wrong answer shows Expected and Actual', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openProblem(page, TITLE);
  expect(page.url()).toContain('#/problems/token-bucket');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
  const starter = problemFile('token-bucket', 'starter.py');
  await expect.poll(() => editorText(page)).toBe(starter);

  // The empty console says how Python prints.
  const consolePanel = page.getByRole('region', { name: 'Console' });
  await expect(consolePanel).toContainText('print()');
  await expect(consolePanel).not.toContainText('console.log');

  // A method that raises: each failing example names solution.py and the line of the raise.
  const allowRaises = starter.split('\n').findIndex((line) => line.includes('def allow(')) + 3;
  expect(starter.split('\n')[allowRaises - 1]).toContain('raise NotImplementedError');
  await runAndWait(page);
  const firstFailing = results(page).locator('li:not([data-status="passed"])').first();
  await expect(firstFailing).toContainText('NotImplementedError');
  await expect(firstFailing).toContainText(`at solution.py line ${allowRaises}`);
  await expect(results(page)).not.toContainText('solution.ts');

  // Code that raises while loading: the load error names solution.py and the line.
  const raisingAtLoad = `${starter.trimEnd()}\n\n\nraise ValueError("broken while loading")\n`;
  const loadLine = raisingAtLoad.trimEnd().split('\n').length;
  await pasteCode(page, raisingAtLoad);
  await runAndWait(page);
  await expect(results(page).getByTestId('load-error')).toContainText('broken while loading');
  await expect(results(page).getByTestId('load-error')).toContainText(`at solution.py line ${loadLine}`);
  await expect(results(page).getByTestId('run-message')).toContainText(`(solution.py:${loadLine})`);
  await expect(results(page)).not.toContainText('solution.ts');

  // A wrong answer: the failure shows the expected and the actual value in labelled blocks.
  await pasteCode(page, problemFile('token-bucket', 'mutants/remaining-consumes.py'));
  await submitAndWait(page);
  await expect(results(page).getByTestId('results-summary')).not.toContainText(/Hidden tests: (\d+)\/\1 passed/);
  const compared = results(page)
    .locator('li[data-status="failed"]')
    .filter({ has: page.getByTestId('expected-actual') })
    .first();
  await expect(compared.locator('dt').nth(0)).toHaveText('Expected');
  await expect(compared.locator('dt').nth(1)).toHaveText('Actual');
  await expect(compared.getByTestId('expected')).not.toBeEmpty();
  await expect(compared.getByTestId('actual')).not.toBeEmpty();
  const expected = await compared.getByTestId('expected').textContent();
  const actual = await compared.getByTestId('actual').textContent();
  expect(expected).not.toBe(actual);
});
