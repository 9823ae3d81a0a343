import { expect, test, type Page } from '@playwright/test';
import { pasteCode, problemFile, results, submitAndWait } from './helpers';
import { browserVerdicts, codingProblemIds, forEachProblemInApp, twoHalves } from './parity';
import { cpythonVerdicts, firstPythonMutant } from './pythonParity';

/** The reference and one mutant of a problem, in Python, get CPython's verdict per test. */
async function checkProblem(page: Page, id: string): Promise<void> {
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
}

// Every coding problem in Python: its reference and one mutant get the same verdict per test in the app
// (Pyodide in the sandbox) as in CPython on this machine. Two journeys of half the problems each, moving
// between problems inside the app as a person would, so Monaco and Python start once per journey.
for (const half of twoHalves(codingProblemIds())) {
  test(`Python in the browser agrees with CPython, test by test: ${half.join(', ')}`, async ({ page }) => {
    test.setTimeout(60_000 + half.length * 45_000);
    await forEachProblemInApp(page, half, (id) => checkProblem(page, id));
  });
}
