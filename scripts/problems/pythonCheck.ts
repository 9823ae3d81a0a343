/**
 * The Python half of `npm run check:problems`: runs scripts/problems/pycheck.py (CPython: reference passes,
 * starter and mutants fail, the rule map, titles, imports) and then checks that the build's static list of
 * each Python test file (scripts/vite/enumeratePythonTests.ts, what the runner's manifest holds) equals the
 * tests unittest finds, so a verdict is never refused or accepted for a list the two disagree on.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { enumeratePythonTests } from '../vite/enumeratePythonTests.ts';
import type { PythonCodebasePlan } from './codebaseCheck.ts';

const PYCHECK = path.join(import.meta.dirname, 'pycheck.py');

interface PycheckDetail {
  problems: string[];
  hidden?: [string, string][];
  examples?: [string, string][];
  hiddenMs?: number;
  /** reference.py, starter.py and mutants/*.py run through the screen (src/runner/python/screen.py). */
  screened?: number;
  /** A codebase problem: the hidden tests the starter passed. */
  starterPassed?: [string, string][];
}

/** A codebase problem's lists, for judging its groups (codebaseCheck.ts): [group, title] each. */
export interface PythonLists {
  hidden: [string, string][];
  starterPassed: [string, string][];
}

export interface PythonReport {
  /** Violations per problem id (empty when it passed). */
  violations: Map<string, string[]>;
  /** CPython's time for the reference's hidden tests, per problem. */
  hiddenMs: Map<string, number>;
  /** pycheck's own lines (per variant), printed as they are. */
  output: string;
  /** How many of the problems' Python files the screen read (a finding is a violation of its problem). */
  screened: number;
  /** Codebase problems' test lists. */
  lists: Map<string, PythonLists>;
  /** Every problem's hidden test titles (`group › title`), for the rule × entry point map (entryMap.ts). */
  hiddenTitles: Map<string, string[]>;
}

/**
 * Checks the Python of `ids`; a codebase problem's variants are already assembled (`codebase[id]`, written
 * by codebaseCheck.ts) and pycheck reads them from the plan it is handed.
 */
export async function checkPython(problemsDir: string, ids: string[], codebase: Record<string, PythonCodebasePlan> = {}): Promise<PythonReport> {
  const violations = new Map<string, string[]>(ids.map((id) => [id, []]));
  const hiddenMs = new Map<string, number>();
  const lists = new Map<string, PythonLists>();
  const hiddenTitles = new Map<string, string[]>();
  const empty = { violations, hiddenMs, output: '', screened: 0, lists, hiddenTitles };
  if (ids.length === 0) return empty;
  let run: { code: number | null; stdout: string; stderr: string };
  const planDir = mkdtempSync(path.join(tmpdir(), 'rehearse-pycheck-'));
  try {
    const planFile = path.join(planDir, 'codebase.json');
    writeFileSync(planFile, JSON.stringify(codebase));
    run = await python(['--root', problemsDir, '--json', '--codebase', planFile, ...ids]);
  } catch (e) {
    for (const id of ids) violations.get(id)!.push(`could not run python3 for the Python check (${e instanceof Error ? e.message : String(e)}); install python3`);
    return empty;
  } finally {
    rmSync(planDir, { recursive: true, force: true });
  }
  let details: Record<string, PycheckDetail>;
  try {
    details = JSON.parse(run.stdout) as Record<string, PycheckDetail>;
  } catch {
    for (const id of ids) violations.get(id)!.push(`the Python check failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`);
    return { ...empty, output: run.stderr };
  }
  let screened = 0;
  for (const id of ids) {
    const detail = details[id];
    const list = violations.get(id)!;
    if (!detail) {
      list.push('the Python check did not report on this problem');
      continue;
    }
    list.push(...detail.problems.map((p) => `Python: ${p}`));
    screened += detail.screened ?? 0;
    if (detail.hiddenMs !== undefined) hiddenMs.set(id, detail.hiddenMs);
    const testsDir = codebase[id] ? path.join(problemsDir, id, 'project', 'python') : path.join(problemsDir, id);
    if (detail.hidden) hiddenTitles.set(id, detail.hidden.map(([group, title]) => `${group} › ${title}`));
    if (codebase[id] && detail.hidden) lists.set(id, { hidden: detail.hidden, starterPassed: detail.starterPassed ?? [] });
    for (const [file, found] of [
      ['hidden_test.py', detail.hidden],
      ['examples_test.py', detail.examples],
    ] as const) {
      if (!found) continue;
      const source = readFileSync(path.join(testsDir, file), 'utf8');
      const listed = enumeratePythonTests(source).map((t) => `${t.path.join(' › ')} › ${t.title}`);
      const actual = found.map(([group, title]) => `${group} › ${title}`);
      if (JSON.stringify(listed) !== JSON.stringify(actual)) {
        const first = listed.findIndex((t, i) => t !== actual[i]);
        list.push(
          `Python: ${file}: the build lists ${listed.length} tests but unittest finds ${actual.length}` +
            (first >= 0 ? ` (first difference: "${listed[first] ?? '—'}" vs "${actual[first] ?? '—'}")` : ''),
        );
      }
    }
  }
  return { violations, hiddenMs, output: run.stderr, screened, lists, hiddenTitles };
}

function python(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [PYCHECK, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
