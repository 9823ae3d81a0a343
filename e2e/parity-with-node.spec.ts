import { expect, test, type Page } from '@playwright/test';
import { pasteCode, problemFile, results, submitAndWait } from './helpers';
import { browserVerdicts, codingProblemIds, firstMutant, forEachProblemInApp, nodeVerdicts, twoHalves } from './parity';

/** The reference and one mutant of a problem get the same pass/fail per test in the app as in Node. */
async function checkProblem(page: Page, id: string): Promise<void> {
  for (const file of ['reference.ts', firstMutant(id)]) {
    const expected = nodeVerdicts(id, file);
    await pasteCode(page, problemFile(id, file));
    await submitAndWait(page);
    await expect(results(page).locator('li[data-full-title]')).toHaveCount(expected.size);
    const actual = await browserVerdicts(page);
    expect(Object.fromEntries(actual), `${id}/${file}: per-test verdicts`).toEqual(Object.fromEntries(expected));
    if (file === 'reference.ts') {
      expect([...actual.values()].every(Boolean), `${id}: reference passes`).toBe(true);
      // The Submit's run time as the results summary shows it (compile + tests), printed, not asserted.
      const summary = (await results(page).getByTestId('results-summary').textContent()) ?? '';
      console.log(`${id}: reference Submit ${/(\d+) ms/.exec(summary)?.[1] ?? '?'} ms in the browser`);
    } else
      expect(
        [...actual.values()].some((passed) => !passed),
        `${id}: ${file} fails a test`,
      ).toBe(true);
  }
}

// Every problem, in two journeys of half the problems each that move between problems inside the app as a
// person would (Monaco and the compiler start once per journey).
for (const half of twoHalves(codingProblemIds())) {
  test(`the browser runner agrees with mocha in Node, test by test: ${half.join(', ')}`, async ({ page }) => {
    test.setTimeout(60_000 + half.length * 45_000);
    await forEachProblemInApp(page, half, (id) => checkProblem(page, id));
  });
}
