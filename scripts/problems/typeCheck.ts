/**
 * The strict type-check of `npm run check:problems`: every prepared variant of every checked problem in
 * ONE tsc run (strict, `lib` ES2023 + DOM, mocha globals), diagnostics handed back per variant folder.
 * Every file is a module (`moduleDetection: force`), so a codebase's script-like file (a demo with no
 * import) does not clash with its copies in the other variants.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, run, TSC_BIN } from './shared';

const TSC_TIMEOUT_MS = 300_000;

export interface TypeCheckEntry {
  dir: string;
  /** Glob patterns relative to `dir`: what is checked ("*.ts"; "**\/*.ts" for a project). */
  include: string[];
}

/** Diagnostics keyed by entry directory ("file:line:col TSxxxx: message", the file relative to it). */
export async function typeCheck(workDir: string, entries: TypeCheckEntry[]): Promise<Map<string, string[]>> {
  const tsconfig = path.join(workDir, 'tsconfig.json');
  const relative = (e: TypeCheckEntry, pattern: string) => `${path.relative(workDir, e.dir)}/${pattern}`;
  writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          moduleDetection: 'force',
          strict: true,
          noEmit: true,
          isolatedModules: true,
          skipLibCheck: true,
          types: ['mocha'],
          typeRoots: [path.join(ROOT, 'node_modules', '@types')],
        },
        include: entries.flatMap((e) => e.include.map((p) => relative(e, p))),
      },
      null,
      2,
    ),
  );
  // One tsc over every variant of every checked problem: on a busy machine that alone can take minutes.
  const result = await run(process.execPath, [TSC_BIN, '-p', tsconfig, '--pretty', 'false'], { cwd: ROOT, timeoutMs: TSC_TIMEOUT_MS });
  const byDir = new Map<string, string[]>();
  if (result.timedOut) {
    for (const e of entries) byDir.set(e.dir, [`tsc did not finish within ${TSC_TIMEOUT_MS / 1000} s`]);
    return byDir;
  }
  // Longest directory first: a file belongs to the innermost entry that holds it.
  const dirs = entries.map((e) => e.dir).sort((a, b) => b.length - a.length);
  for (const line of result.stdout.split('\n')) {
    const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/.exec(line.trim());
    if (!m) continue;
    const file = path.resolve(ROOT, m[1]!); // tsc names files relative to its working directory
    const dir = dirs.find((d) => file.startsWith(d + path.sep));
    if (!dir) continue;
    const list = byDir.get(dir) ?? [];
    list.push(`${path.relative(dir, file).split(path.sep).join('/')}:${m[2]}:${m[3]} ${m[4]}`);
    byDir.set(dir, list);
  }
  if (result.code !== 0 && byDir.size === 0) {
    for (const e of entries) byDir.set(e.dir, [`tsc failed: ${(result.stdout + result.stderr).trim().slice(0, 300)}`]);
  }
  return byDir;
}
