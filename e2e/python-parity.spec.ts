import { expect, test, type Page } from '@playwright/test';
import { editorLines, openProblem, pasteCode, problemFile, results, submitAndWait } from './helpers';
import { codingProblemIds, problemTitle } from './parity';
import { cpythonVerdicts, firstPythonMutant } from './pythonParity';

async function browserVerdicts(page: Page): Promise<Map<string, boolean>> {
  const items = await results(page)
    .locator('li[data-full-title]')
    .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-full-title')!, li.getAttribute('data-status') === 'passed'] as const));
  return new Map(items);
}

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
const ids = codingProblemIds();
const halves = [ids.slice(0, Math.ceil(ids.length / 2)), ids.slice(Math.ceil(ids.length / 2))];
for (const half of halves) {
  test(`Python in the browser agrees with CPython, test by test: ${half.join(', ')}`, async ({ page }) => {
    test.setTimeout(60_000 + half.length * 45_000);
    for (const [i, id] of half.entries()) {
      await test.step(id, async () => {
        if (i === 0) await openProblem(page, problemTitle(id));
        else {
          // Back to the catalog and into the next problem without reloading the page.
          await page.getByRole('link', { name: '← Problems' }).click();
          await page.getByRole('link', { name: problemTitle(id), exact: true }).click();
          await expect(page.getByRole('banner').getByRole('heading', { name: problemTitle(id) })).toBeVisible({ timeout: 20_000 });
          await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
        }
        await checkProblem(page, id);
      });
    }
  });
}
