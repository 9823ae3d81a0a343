/**
 * CPython's verdict on a problem's Python hidden tests, for the Python parity journey: runs the same
 * harness the browser runs (scripts/problems/pycheck.py --run, src/runner/python/harness.py) under the
 * machine's python3 and returns each test's full title (group and title, as the results list joins them)
 * → passed or not.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

interface TestEnd {
  type: 'test-end';
  group: string;
  title: string;
  path: string[];
  state: 'passed' | 'failed';
}

export function cpythonVerdicts(problemId: string, solutionFile: string): Map<string, boolean> {
  const dir = join(ROOT, '.tmp', 'parity-python', problemId, solutionFile.replace(/[/.]/g, '_'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(ROOT, 'problems', problemId, solutionFile), join(dir, 'solution.py'));
  copyFileSync(join(ROOT, 'problems', problemId, 'hidden_test.py'), join(dir, 'hidden_test.py'));
  const out = execFileSync('python3', [join(ROOT, 'scripts/problems/pycheck.py'), '--run', dir, 'hidden_test'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  const verdicts = new Map<string, boolean>();
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const event = JSON.parse(line) as { type: string } & Partial<TestEnd>;
    if (event.type === 'test-end' && event.group === 'problem')
      verdicts.set([...event.path!, event.title!].join(' '), event.state === 'passed');
  }
  return verdicts;
}

/**
 * The first Python mutant of a problem that mirrors a TypeScript one (file names sort the same everywhere).
 * Python-only mutants are skipped: one of them uses the built-in hash(), which Python salts per process,
 * so which tests it fails differs from run to run and no two interpreters can agree on it.
 */
export function firstPythonMutant(problemId: string): string {
  const files = readdirSync(join(ROOT, 'problems', problemId, 'mutants'));
  const mutant = files.filter((f) => f.endsWith('.py') && files.includes(f.replace(/\.py$/, '.ts'))).sort()[0];
  if (!mutant) throw new Error(`${problemId} has no Python mutant`);
  return `mutants/${mutant}`;
}
