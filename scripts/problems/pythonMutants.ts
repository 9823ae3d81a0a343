/**
 * The Python mutation score of each single-file problem's reference.py (scripts/problems/pymutants.py: our
 * own `ast` mutants, run against hidden_test.py), for check:problems to print beside the TypeScript checks.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const PYMUTANTS = path.join(import.meta.dirname, 'pymutants.py');
/** A mutant that wedges the interpreter beyond its own 5 s alarm must not hang check:problems. */
const TIME_LIMIT_MS = 15 * 60_000;

export interface PythonMutationRow {
  id: string;
  total: number;
  killed: number;
  excluded: number;
  adjusted: number;
  seconds: number;
  referencePasses: boolean;
  survivors: [string, string][];
  stale: string[];
}

/** Runs pymutants.py on `ids` (single-file problems with a reference.py); `error` when it cannot run or finish. */
export function measurePythonMutants(problemsDir: string, ids: string[]): Promise<{ rows: PythonMutationRow[]; error?: string }> {
  if (ids.length === 0) return Promise.resolve({ rows: [] });
  return new Promise((resolve) => {
    const child = spawn('python3', [PYMUTANTS, '--root', problemsDir, '--json', ...ids], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
    child.on('error', (e) => resolve({ rows: [], error: e.message }));
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ rows: [], error: `did not finish within ${TIME_LIMIT_MS / 60_000} minutes` });
      try {
        resolve({ rows: JSON.parse(stdout) as PythonMutationRow[] });
      } catch {
        resolve({ rows: [], error: stderr.trim().split('\n').slice(-3).join(' ') || 'no output' });
      }
    });
  });
}

/** The console table and the survivors, one line each. */
export function formatPythonMutants(rows: readonly PythonMutationRow[], threshold: number): string[] {
  const lines = [`Python mutants of reference.py (scripts/problems/pymutants.py; target ${threshold}% adjusted):`];
  for (const r of rows) {
    const mark = r.adjusted >= threshold ? '✓' : '·';
    lines.push(
      `  ${mark} ${r.id.padEnd(20)} ${String(r.killed).padStart(4)}/${String(r.total - r.excluded).padEnd(4)} killed  ${r.adjusted.toFixed(1).padStart(5)}% adjusted` +
        `${r.excluded ? ` (${r.excluded} equivalent left out)` : ''}  ${r.seconds.toFixed(1)} s`,
    );
  }
  for (const r of rows) for (const [id, what] of r.survivors) lines.push(`    ${r.id}: survives ${id} ${what}`);
  return lines;
}
