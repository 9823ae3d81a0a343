import { expect, test, type Page } from '@playwright/test';
import { openProblem, pasteCode, problemFile, results, submitAndWait } from './helpers';
import { codingProblemIds, problemTitle } from './parity';
import { cpythonVerdicts, firstPythonMutant } from './pythonParity';

async function browserVerdicts(page: Page): Promise<Map<string, boolean>> {
  const items = await results(page)
    .locator('li[data-full-title]')
    .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-full-title')!, li.getAttribute('data-status') === 'passed'] as const));
  return new Map(items);
}

// Every coding problem in Python: its reference and one mutant get the same verdict per test in the app
// (Pyodide in the sandbox) as in CPython on this machine.
for (const id of codingProblemIds()) {
  test(`${id}: Python in the browser agrees with CPython, test by test`, async ({ page }) => {
    test.setTimeout(120_000);
    await openProblem(page, problemTitle(id));
    await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
    for (const file of ['reference.py', firstPythonMutant(id)]) {
      const expected = cpythonVerdicts(id, file);
      await pasteCode(page, problemFile(id, file));
      await submitAndWait(page);
      await expect(results(page).locator('li[data-full-title]')).toHaveCount(expected.size);
      const actual = await browserVerdicts(page);
      expect(Object.fromEntries(actual), `${id}/${file}: per-test verdicts`).toEqual(Object.fromEntries(expected));
      if (file === 'reference.py') expect([...actual.values()].every(Boolean), `${id}: reference passes`).toBe(true);
      else
        expect(
          [...actual.values()].some((passed) => !passed),
          `${id}: ${file} fails a test`,
        ).toBe(true);
    }
  });
}
