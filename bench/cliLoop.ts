/**
 * The command-line loop a developer would otherwise use: mocha + tsx over token-bucket's hidden tests with
 * the reference as the solution, timed end to end per run (what the browser's Submit is compared with).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './preview.ts';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Milliseconds per run of the CLI loop, `runs` times. */
export function measureCliLoop(runs: number): number[] {
  const dir = join(ROOT, '.tmp/bench-cli');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'problems/token-bucket/reference.ts'), join(dir, 'solution.ts'));
  cpSync(join(ROOT, 'problems/token-bucket/hidden.test.ts'), join(dir, 'hidden.test.ts'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/mocha/bin/mocha.js'), '--import=tsx', '--reporter', 'dot', join(dir, 'hidden.test.ts')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`mocha CLI failed: ${r.stdout}${r.stderr}`);
  }
  return times;
}
