import { expect, test, type Page } from '@playwright/test';
import { openProblem, pasteCode, problemFile, results, submitAndWait } from './helpers';
import { codingProblemIds, firstMutant, nodeVerdicts, problemTitle } from './parity';

/** The browser's verdict per test, read from the Test results list as the user sees it. */
async function browserVerdicts(page: Page): Promise<Map<string, boolean>> {
  const items = await results(page)
    .locator('li[data-full-title]')
    .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-full-title')!, li.getAttribute('data-status') === 'passed'] as const));
  return new Map(items);
}

// Every reference and one mutant per problem give the same pass/fail per test in the app as in Node.
for (const id of codingProblemIds()) {
  test(`${id}: the browser runner agrees with mocha in Node, test by test`, async ({ page }) => {
    await openProblem(page, problemTitle(id));
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
  });
}
