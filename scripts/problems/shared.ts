/**
 * Helpers shared by scripts/check-problems.ts and scripts/mutation.ts: where things are, which problems
 * exist, and a small process pool.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROBLEMS_DIR = path.join(ROOT, 'problems');
export const TMP_DIR = path.join(ROOT, '.tmp');
export const MOCHA_BIN = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
export const TSC_BIN = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** Problem folder names, sorted; restricted to `only` when it is non-empty. */
export function listProblemIds(only: string[] = []): string[] {
  const ids = readdirSync(PROBLEMS_DIR)
    .filter((name) => !name.startsWith('.') && statSync(path.join(PROBLEMS_DIR, name)).isDirectory())
    .sort();
  if (only.length === 0) return ids;
  for (const id of only) {
    if (!ids.includes(id)) throw new Error(`No problem folder problems/${id}/`);
  }
  return ids.filter((id) => only.includes(id));
}

export function hasTests(id: string): boolean {
  return existsSync(path.join(PROBLEMS_DIR, id, 'hidden.test.ts'));
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
}

/** Runs a command, killing it (and reporting `timedOut`) after `timeoutMs`. Never rejects. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<ProcessResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (err) => {
      stderr += String(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut, durationMs: Date.now() - started });
    });
  });
}

/** Maps `items` through `fn` with at most `limit` in flight; results keep the input order. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
