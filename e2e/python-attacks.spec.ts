import { expect, test, type Page } from '@playwright/test';
import { openProblem, pasteCode, problemFile, results, submitAndWait } from './helpers';

/**
 * A candidate's Python code tries, on purpose or by habit, to make a wrong solution pass or to change a later
 * run. Each attack below worked against an earlier build (issue 24); the families, not the exact lines, are
 * what the design answers (docs/decisions/python-run-isolation.md): none may show a pass or mark the
 * problem solved, and the next honest Submit, here and in another problem, gets its true verdict.
 */
const TOKEN_BUCKET = 'Token-bucket rate limiter';
const JOB_QUEUE = 'Background job queue with retries';
const starter = problemFile('token-bucket', 'starter.py');
const ALL_PASSED = /Hidden tests: (\d+)\/\1 passed/;

/** Wrong solutions (the untouched starter) with one attack each, by family. */
const ATTACKS: Record<string, string> = {
  'imports the hidden tests to read what they expect': `import hidden_test\n${starter}`,
  'replaces the test framework in sys.modules': `import sys, types\nsys.modules["unittest"] = types.ModuleType("unittest")\n${starter}`,
  'patches TestCase.run to report nothing': `import unittest\nunittest.TestCase.run = lambda self, result=None: None\n${starter}`,
  'patches the outcome executor through the class dict': `import unittest.case as c\nsetattr(c, "_Outcome", None)\n${starter}`,
  'walks the garbage collector to the harness': `import gc\nfor o in gc.get_objects():\n    pass\n${starter}`,
  'rewrites the caller through its frame': `import sys\nsys._getframe(1).f_globals["_current"] = None\n${starter}`,
  'installs a tracer': `import sys\nsys.settrace(lambda *a: None)\n${starter}`,
  'adds an import hook': `import sys\nsys.meta_path.insert(0, object())\n${starter}`,
  'reaches built-ins by a built name': `b = __import__("buil" + "tins")\ngetattr(b, "is" + "instance")\n${starter}`,
  'patches the JSON encoder the harness reports with': `import json\njson.dumps = lambda *a, **k: "[]"\n${starter}`,
  'acts from __del__ after the run': `import unittest\nclass Later:\n    def __del__(self):\n        unittest.TestCase.assertEqual = lambda *a, **k: None\nkeep = Later()\n${starter}`,
};

async function chooseProblemInPython(page: Page, title: string): Promise<void> {
  await openProblem(page, title);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('python');
}

async function expectNotAllPassed(page: Page): Promise<void> {
  const summary = results(page).getByTestId('results-summary');
  await expect(summary).toBeVisible();
  await expect(summary).not.toContainText(ALL_PASSED);
}

test('Python attacks on the verdict do not pass, do not mark the problem solved, and leave later runs honest', async ({ page }) => {
  test.setTimeout(300_000);
  await chooseProblemInPython(page, TOKEN_BUCKET);
  for (const [family, code] of Object.entries(ATTACKS)) {
    await test.step(family, async () => {
      await pasteCode(page, code);
      await submitAndWait(page);
      await expectNotAllPassed(page);
      await expect(results(page).getByTestId('run-message')).toContainText(/cannot count/i);
    });
  }
  await test.step('answers every comparison "equal" (an __eq__ that is always True)', async () => {
    const always = [
      'class Yes:',
      '    def __eq__(self, other):',
      '        return len(repr(other)) >= 0',
      '    __hash__ = None',
      '',
      'class RateLimiter:',
      '    def __init__(self, *args, **kwargs):',
      '        pass',
      '    def allow(self, user_id):',
      '        return Yes()',
      '    def remaining(self, user_id):',
      '        return Yes()',
      '    def retry_after_ms(self, user_id):',
      '        return Yes()',
      '    def cleanup(self):',
      '        return Yes()',
      '',
    ].join('\n');
    await pasteCode(page, always);
    await submitAndWait(page);
    await expectNotAllPassed(page);
    await expect(results(page)).toContainText('whose comparison is its own code');
  });
  await test.step('the catalog does not call the problem solved', async () => {
    await page.getByRole('link', { name: '← Problems' }).click();
    await expect(page.getByRole('link', { name: TOKEN_BUCKET, exact: true }).getByTestId('problem-status')).not.toHaveText('Solved');
  });

  await test.step('another problem: its untouched starter fails, its reference passes', async () => {
    await chooseProblemInPython(page, JOB_QUEUE);
    await pasteCode(page, problemFile('job-queue', 'starter.py'));
    await submitAndWait(page);
    await expectNotAllPassed(page);
    await pasteCode(page, problemFile('job-queue', 'reference.py'));
    await submitAndWait(page);
    await expect(results(page).getByTestId('results-summary')).toContainText(ALL_PASSED);
  });
});

test("a candidate's own test that fixes time.time changes neither its verdict nor the next run's clock", async ({ page }) => {
  test.setTimeout(180_000);
  await chooseProblemInPython(page, TOKEN_BUCKET);
  const reference = problemFile('token-bucket', 'reference.py');
  const ownTest = [
    'import time',
    'import unittest',
    reference,
    '',
    'class MyClockTest(unittest.TestCase):',
    '    def test_frozen_clock(self):',
    '        time.time = lambda: 1000',
    '        self.assertEqual(time.time(), 1000)',
    '',
  ].join('\n');
  await pasteCode(page, ownTest);
  await submitAndWait(page);
  await expect(results(page).getByTestId('results-summary')).toContainText(ALL_PASSED);

  // The next run reads the real clock: the patch stayed in the run that made it.
  await pasteCode(page, `import time\nprint("clock", int(time.time()))\n${reference}`);
  await submitAndWait(page);
  await expect(results(page).getByTestId('results-summary')).toContainText(ALL_PASSED);
  const console = page.getByRole('region', { name: 'Console' });
  const line = await console
    .getByText(/^clock \d+$/)
    .first()
    .textContent();
  const seconds = Number(line?.replace('clock ', ''));
  expect(seconds).toBeGreaterThan(1_700_000_000);
});
