/**
 * Helpers shared by scripts/check-problems.ts and scripts/mutation.ts: where things are, which problems
 * exist, and a small process pool.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIBRARIES_FOLDER } from '../../src/core/problems/assembleCode';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROBLEMS_DIR = path.join(ROOT, 'problems');
export const TMP_DIR = path.join(ROOT, '.tmp');
export const MOCHA_BIN = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
export const TSC_BIN = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** A folder under problems/ that is not a problem: a dot-folder, or one starting with "_" (problems/_libraries/). */
export function isProblemFolderName(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('_');
}

/** Problem folder names, sorted; restricted to `only` when it is non-empty. */
export function listProblemIds(only: string[] = [], problemsDir = PROBLEMS_DIR): string[] {
  const ids = readdirSync(problemsDir)
    .filter((name) => isProblemFolderName(name) && statSync(path.join(problemsDir, name)).isDirectory())
    .sort();
  if (only.length === 0) return ids;
  for (const id of only) {
    if (!ids.includes(id)) throw new Error(`No problem folder problems/${id}/`);
  }
  return ids.filter((id) => only.includes(id));
}

/** A single-file problem with TypeScript hidden tests (hidden.test.ts at the folder's root). */
export function hasTests(id: string): boolean {
  return existsSync(path.join(PROBLEMS_DIR, id, 'hidden.test.ts'));
}

/** The folder has TypeScript hidden tests: hidden.test.ts, or project/typescript/hidden.test.ts (a codebase problem). */
export function hasTestsIn(problemsDir: string, id: string): boolean {
  return (
    existsSync(path.join(problemsDir, id, 'hidden.test.ts')) || existsSync(path.join(problemsDir, id, 'project', 'typescript', 'hidden.test.ts'))
  );
}

/** A codebase problem keeps its code under project/ (problems/README.md, "Codebase problems"). */
export function isCodebase(problemsDir: string, id: string): boolean {
  return existsSync(path.join(problemsDir, id, 'project'));
}

/** Every file under `dir` (dot-files and dot-folders left out): '/'-separated path relative to `dir` → text. */
export function readFolder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) files.set(rel, readFileSync(path.join(dir, rel), 'utf8'));
    }
  };
  walk('');
  return files;
}

/** The shared libraries problems mount (path under problems/_libraries/ → text); empty when there are none. */
export function readLibraries(problemsDir: string): Map<string, string> {
  const dir = path.join(problemsDir, LIBRARIES_FOLDER);
  return existsSync(dir) ? readFolder(dir) : new Map();
}

/** Writes `files` (relative path → text) under `dir`, creating folders as needed. */
export function writeFolder(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, ...rel.split('/'));
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
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
