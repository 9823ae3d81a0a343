/**
 * Node's verdict on a problem's hidden tests, for the parity journey: runs mocha's CLI (with tsx) over a
 * copy of the hidden tests and a given solution, and returns each test's full title → passed or not.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { editorLines, openProblem, results } from './helpers';
import { hasTests, listProblemIds } from '../scripts/problems/shared';
import { writeTestkitPackage } from '../scripts/problems/testkitPackage';
import { parseFrontMatter } from '../src/core/problems/parseProblem';

const ROOT = join(import.meta.dirname, '..');

interface MochaJsonTest {
  fullTitle: string;
  err: Record<string, unknown>;
}

export function nodeVerdicts(problemId: string, solutionFile: string): Map<string, boolean> {
  const dir = join(ROOT, '.tmp', 'parity', problemId, solutionFile.replace(/[/.]/g, '_'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The hidden tests import their message helpers from `rehearse-test`, which the browser's worker provides.
  writeTestkitPackage(dir);
  writeFileSync(join(dir, 'solution.ts'), readFileSync(join(ROOT, 'problems', problemId, solutionFile)));
  writeFileSync(join(dir, 'hidden.test.ts'), readFileSync(join(ROOT, 'problems', problemId, 'hidden.test.ts')));
  const report = join(dir, 'report.json');
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/mocha/bin/mocha.js'),
        '--import=tsx',
        '--timeout',
        '2000',
        '--reporter',
        'json',
        '--reporter-option',
        `output=${report}`,
        join(dir, 'hidden.test.ts'),
      ],
      { cwd: ROOT, stdio: 'ignore' },
    );
  } catch {
    // mocha exits non-zero when tests fail; the report is still written.
  }
  const json = JSON.parse(readFileSync(report, 'utf8')) as { tests: MochaJsonTest[] };
  return new Map(json.tests.map((t) => [t.fullTitle, Object.keys(t.err).length === 0]));
}

export function codingProblemIds(): string[] {
  return listProblemIds().filter(hasTests);
}

export function firstMutant(problemId: string): string {
  const mutants = readdirSync(join(ROOT, 'problems', problemId, 'mutants'))
    .filter((f) => f.endsWith('.ts'))
    .sort();
  return `mutants/${mutants[0]}`;
}

export function problemTitle(problemId: string): string {
  return parseFrontMatter(readFileSync(join(ROOT, 'problems', problemId, 'problem.md'), 'utf8'), problemId).meta.title;
}

/** Each test's verdict as the Test results list shows it: full title → passed or not. */
export async function browserVerdicts(page: Page): Promise<Map<string, boolean>> {
  const items = await results(page)
    .locator('li[data-full-title]')
    .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-full-title')!, li.getAttribute('data-status') === 'passed'] as const));
  return new Map(items);
}

/**
 * Opens each problem in turn inside the app as a person would (the first from the catalog, the next ones
 * back through "← Problems", no reload, so Monaco and the runners start once) and runs `check` on it.
 */
export async function forEachProblemInApp(page: Page, ids: readonly string[], check: (id: string) => Promise<void>): Promise<void> {
  for (const [i, id] of ids.entries()) {
    await test.step(id, async () => {
      if (i === 0) await openProblem(page, problemTitle(id));
      else {
        await page.getByRole('link', { name: '← Problems' }).click();
        await page.getByRole('link', { name: problemTitle(id), exact: true }).click();
        await expect(page.getByRole('banner').getByRole('heading', { name: problemTitle(id) })).toBeVisible({ timeout: 20_000 });
        await expect(editorLines(page)).toBeVisible({ timeout: 45_000 });
      }
      await check(id);
    });
  }
}

/** The problems in two halves, one journey each (the suite runs two workers). */
export function twoHalves<T>(items: readonly T[]): T[][] {
  const middle = Math.ceil(items.length / 2);
  return [items.slice(0, middle), items.slice(middle)];
}
