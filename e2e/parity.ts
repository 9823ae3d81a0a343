/**
 * Node's verdict on a problem's hidden tests, for the parity journey: runs mocha's CLI (with tsx) over a
 * copy of the hidden tests and a given solution, and returns each test's full title → passed or not.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasTests, listProblemIds } from '../scripts/problems/shared';
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
