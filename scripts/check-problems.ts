/**
 * npm run check:problems [-- <id> ...]
 *
 * For every problems/<id>/ folder:
 *  - the required files exist, the front matter and followups.md parse (src/core/problems/parseProblem.ts),
 *    tests import nothing but chai, fast-check and ./solution, and every mutant starts with a "// Mutant:" comment;
 *  - for problems with hidden.test.ts: reference.ts, starter.ts and each mutants/*.ts type-check (strict)
 *    against both test files; the reference passes every example and hidden test; the starter and every
 *    mutant fail at least one hidden test; there are at least 8 mutants;
 *  - the Python reference.py, starter.py and mutants/*.py have no finding of the screen the browser runs before
 *    importing a solution (src/runner/python/screen.py; scripts/problems/pycheck.py);
 *  - the rule map (scripts/problems/ruleMap.ts): every rule id of problem.md is named by a hidden test, every
 *    id a hidden test names exists, and a [model] test exists. The hidden tests' titles come from the
 *    reference's mocha run (describe titles included). The map and the hidden tests' run time are printed.
 *
 * Variants are copied to .tmp/check/<id>/<variant>/ as solution.ts beside the tests. Each problem's variants
 * run in ONE mocha process (each variant resolves its own ./solution); if that process crashes or hangs, the
 * problem falls back to one process per variant so the culprit is named. Two processes run at a time.
 * Exits 1 on any violation.
 */
import { checkPython, type PythonReport } from './problems/pythonCheck.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { checkScratchpad, parseClarifications, parseNotesTemplate, parseRubric } from '../src/core/problems/parseDesign';
import { checkDesignMaterials } from './problems/designMaterials';
import { findProtocol } from '../src/core/timer/protocols';
import { parseFollowUps, parseFrontMatter } from '../src/core/problems/parseProblem';
import type { ProblemMeta } from '../src/core/problems/types';
import { buildRuleMap, formatRuleMap, parseRuleIds, type RuleMap } from './problems/ruleMap';
import { hasTests, listProblemIds, MOCHA_BIN, pool, PROBLEMS_DIR, ROOT, run, TMP_DIR, TSC_BIN } from './problems/shared';

const CHECK_DIR = path.join(TMP_DIR, 'check');
const MIN_MUTANTS = 8;
const PARALLEL = 2;
const TEST_TIMEOUT_MS = 2000;
// A problem's shared mocha process gets a base plus a share per variant: every failing variant now also
// shrinks a model-based counterexample (~0.1–0.3 s), and a busy machine makes start-up alone take seconds.
const PROBLEM_TIMEOUT_BASE_MS = 30_000;
const PROBLEM_TIMEOUT_PER_VARIANT_MS = 2_000;
const VARIANT_TIMEOUT_MS = 20_000;
const TSC_TIMEOUT_MS = 300_000;
const TEST_FILES = ['examples.test.ts', 'hidden.test.ts'] as const;
const CODING_FILES = ['starter.ts', 'reference.ts', ...TEST_FILES];
const ALLOWED_IMPORTS = new Set(['chai', 'fast-check', './solution']);

interface Variant {
  /** "reference", "starter" or "mutant:<file stem>". */
  name: string;
  dir: string;
  source: string;
}

interface FileCounts {
  passed: number;
  failed: number;
}

interface VariantOutcome {
  /** Per test file; missing when the run produced no report for it. */
  files: Partial<Record<(typeof TEST_FILES)[number], FileCounts>>;
  /** Set when the variant could not be run to completion (crash on load, hang). */
  crash?: string;
  /** Full titles and durations (ms) of the hidden tests this variant ran. */
  hiddenTests: { fullTitle: string; durationMs: number }[];
}

interface ProblemReport {
  id: string;
  tested: boolean;
  violations: string[];
  reference?: string;
  starter?: string;
  mutants?: string;
  ruleMap?: RuleMap;
  /** Sum of the reference's hidden test durations in Node (mocha), ms. */
  hiddenMs?: number;
  slowestHidden?: { fullTitle: string; durationMs: number };
}

function rel(p: string): string {
  return path.relative(ROOT, p);
}

/** Static checks that need no process: files, front matter, follow-ups, imports, mutant headers. */
function checkFiles(id: string, report: ProblemReport): { meta?: ProblemMeta; mutantFiles: string[] } {
  const dir = path.join(PROBLEMS_DIR, id);
  const v = report.violations;
  let meta: ProblemMeta | undefined;
  for (const file of ['problem.md', 'followups.md']) {
    if (!existsSync(path.join(dir, file))) v.push(`missing ${file}`);
  }
  if (existsSync(path.join(dir, 'problem.md'))) {
    try {
      meta = parseFrontMatter(readFileSync(path.join(dir, 'problem.md'), 'utf8'), id).meta;
    } catch (err) {
      v.push(`problem.md: ${(err as Error).message}`);
    }
  }
  if (existsSync(path.join(dir, 'followups.md'))) {
    try {
      parseFollowUps(readFileSync(path.join(dir, 'followups.md'), 'utf8'), id);
    } catch (err) {
      v.push(`followups.md: ${(err as Error).message}`);
    }
  }
  const mutantsDir = path.join(dir, 'mutants');
  const mutantFiles = existsSync(mutantsDir)
    ? readdirSync(mutantsDir)
        .filter((f) => f.endsWith('.ts'))
        .sort()
    : [];
  if (meta?.kind === 'coding' || hasTests(id)) {
    for (const file of CODING_FILES) {
      if (!existsSync(path.join(dir, file))) v.push(`missing ${file} (required for a coding problem)`);
    }
    if (mutantFiles.length < MIN_MUTANTS) {
      v.push(`has ${mutantFiles.length} mutants in mutants/; at least ${MIN_MUTANTS} are required`);
    }
    for (const file of mutantFiles) {
      const first = readFileSync(path.join(mutantsDir, file), 'utf8').split('\n', 1)[0] ?? '';
      if (!/^\/\/ Mutant: \S/.test(first)) v.push(`mutants/${file}: first line must be "// Mutant: <the bug>"`);
    }
    for (const file of TEST_FILES) {
      const full = path.join(dir, file);
      if (!existsSync(full)) continue;
      const text = readFileSync(full, 'utf8');
      const patterns = [
        /^\s*(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm, // import { x } from '…' (may span lines)
        /^\s*import\s*['"]([^'"]+)['"]/gm, // import '…'
        /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…'), require('…')
      ];
      const specifiers = patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
      for (const spec of specifiers) {
        if (!ALLOWED_IMPORTS.has(spec)) v.push(`${file} imports "${spec}"; tests may import only chai, fast-check and ./solution`);
      }
    }
  }
  if (meta?.kind === 'design') checkDesignFiles(id, meta, report);
  return { meta, mutantFiles };
}

/** A design problem's own files parse, its notes follow its protocol's phases, and its scratchpad runs. */
function checkDesignFiles(id: string, meta: ProblemMeta, report: ProblemReport): void {
  const dir = path.join(PROBLEMS_DIR, id);
  const v = report.violations;
  const phases = findProtocol(meta.protocol)?.phases.map((p) => p.name);
  const checks: [string, (text: string) => unknown][] = [
    ['clarifications.md', (t) => parseClarifications(t, id)],
    ['rubric.md', (t) => parseRubric(t, id)],
    ['notes-template.md', (t) => parseNotesTemplate(t, phases, id)],
    ['scratchpad.ts', (t) => checkScratchpad(t, id)],
  ];
  for (const [file, check] of checks) {
    const full = path.join(dir, file);
    if (!existsSync(full)) {
      v.push(`missing ${file} (required for a design problem)`);
      continue;
    }
    try {
      check(readFileSync(full, 'utf8'));
    } catch (err) {
      v.push(`${file}: ${(err as Error).message}`);
    }
  }
  v.push(...checkDesignMaterials(dir, phases));
  const scratchpad = path.join(dir, 'scratchpad.ts');
  if (!existsSync(scratchpad)) return;
  const result = spawnSync(process.execPath, ['--import', 'tsx', scratchpad], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  if (result.status !== 0)
    v.push(`scratchpad.ts does not run: ${(result.stderr || result.stdout || String(result.error)).trim().split('\n')[0]}`);
  else if (!/\d/.test(result.stdout)) v.push('scratchpad.ts runs but prints no number');
}

function prepareVariants(id: string, mutantFiles: string[]): Variant[] {
  const src = path.join(PROBLEMS_DIR, id);
  const base = path.join(CHECK_DIR, id);
  const variants: Variant[] = [
    { name: 'reference', dir: path.join(base, 'reference'), source: path.join(src, 'reference.ts') },
    { name: 'starter', dir: path.join(base, 'starter'), source: path.join(src, 'starter.ts') },
    ...mutantFiles.map((file) => ({
      name: `mutant:${file.replace(/\.ts$/, '')}`,
      dir: path.join(base, `mutant-${file.replace(/\.ts$/, '')}`),
      source: path.join(src, 'mutants', file),
    })),
  ];
  for (const variant of variants) {
    mkdirSync(variant.dir, { recursive: true });
    copyFileSync(variant.source, path.join(variant.dir, 'solution.ts'));
    for (const file of TEST_FILES) copyFileSync(path.join(src, file), path.join(variant.dir, file));
  }
  return variants;
}

/** The test files a variant runs: the reference runs everything, the others only the hidden tests. */
function testFilesOf(variant: Variant): string[] {
  return variant.name === 'reference' ? TEST_FILES.map((f) => path.join(variant.dir, f)) : [path.join(variant.dir, 'hidden.test.ts')];
}

interface MochaJsonTest {
  file?: string;
  fullTitle: string;
  duration?: number;
  err?: { message?: string };
}
interface MochaJson {
  passes: MochaJsonTest[];
  failures: MochaJsonTest[];
}

/** Runs mocha over `files`; returns the parsed report, or a reason it has none. */
async function runMocha(files: string[], reportFile: string, timeoutMs: number): Promise<MochaJson | string> {
  rmSync(reportFile, { force: true });
  const result = await run(
    process.execPath,
    [
      '--import=tsx',
      MOCHA_BIN,
      '--reporter',
      'json',
      '--reporter-option',
      `output=${reportFile}`,
      '--timeout',
      String(TEST_TIMEOUT_MS),
      '--forbid-only',
      '--no-config',
      '--no-package',
      ...files,
    ],
    { timeoutMs },
  );
  if (result.timedOut) return `did not finish within ${timeoutMs / 1000} s (an infinite loop?)`;
  if (!existsSync(reportFile)) {
    const firstError = (result.stderr + result.stdout)
      .split('\n')
      .find((line) => /Error|error/.test(line))
      ?.trim();
    return `crashed before reporting (exit ${result.code}${firstError ? `: ${firstError.slice(0, 200)}` : ''})`;
  }
  return JSON.parse(readFileSync(reportFile, 'utf8')) as MochaJson;
}

function tally(report: MochaJson, variants: Variant[]): Map<string, VariantOutcome> {
  const outcomes = new Map<string, VariantOutcome>(variants.map((v) => [v.name, { files: {}, hiddenTests: [] }]));
  const add = (test: MochaJsonTest, key: keyof FileCounts) => {
    if (!test.file) return;
    const variant = variants.find((v) => path.dirname(test.file!) === v.dir);
    const fileName = path.basename(test.file) as (typeof TEST_FILES)[number];
    if (!variant) return;
    const outcome = outcomes.get(variant.name)!;
    const counts = (outcome.files[fileName] ??= { passed: 0, failed: 0 });
    counts[key]++;
    if (fileName === 'hidden.test.ts') outcome.hiddenTests.push({ fullTitle: test.fullTitle, durationMs: test.duration ?? 0 });
  };
  report.passes.forEach((t) => add(t, 'passed'));
  report.failures.forEach((t) => add(t, 'failed'));
  return outcomes;
}

async function runProblem(id: string, variants: Variant[]): Promise<Map<string, VariantOutcome>> {
  const report = await runMocha(
    variants.flatMap(testFilesOf),
    path.join(CHECK_DIR, id, 'report.json'),
    PROBLEM_TIMEOUT_BASE_MS + PROBLEM_TIMEOUT_PER_VARIANT_MS * variants.length,
  );
  // A variant with no test reported at all was cut off (an uncaught error or a dangling promise of an
  // earlier variant can end mocha's run early and still leave a report): it is run again alone, never
  // counted as passing. When the shared process broke outright, every variant is run alone.
  const shared = typeof report === 'string' ? null : tally(report, variants);
  const hiddenCount = (o: VariantOutcome | undefined) =>
    (o?.files['hidden.test.ts']?.passed ?? 0) + (o?.files['hidden.test.ts']?.failed ?? 0);
  const mostHidden = Math.max(0, ...variants.map((v) => hiddenCount(shared?.get(v.name))));
  const outcomes = new Map<string, VariantOutcome>();
  for (const variant of variants) {
    const seen = shared?.get(variant.name);
    if (seen && hiddenCount(seen) === mostHidden && mostHidden > 0) {
      outcomes.set(variant.name, seen);
      continue;
    }
    const alone = await runMocha(testFilesOf(variant), path.join(variant.dir, 'report.json'), VARIANT_TIMEOUT_MS);
    outcomes.set(
      variant.name,
      typeof alone === 'string' ? { files: {}, hiddenTests: [], crash: alone } : tally(alone, [variant]).get(variant.name)!,
    );
  }
  return outcomes;
}

/** Type-checks every prepared variant in one tsc run; returns diagnostics keyed by variant directory. */
async function typeCheck(dirs: string[]): Promise<Map<string, string[]>> {
  const tsconfig = path.join(CHECK_DIR, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          strict: true,
          noEmit: true,
          isolatedModules: true,
          skipLibCheck: true,
          types: ['mocha'],
          typeRoots: [path.join(ROOT, 'node_modules', '@types')],
        },
        include: dirs.map((d) => `${path.relative(CHECK_DIR, d)}/*.ts`),
      },
      null,
      2,
    ),
  );
  // One tsc over every variant of every checked problem: on a busy machine that alone can take minutes.
  const result = await run(process.execPath, [TSC_BIN, '-p', tsconfig, '--pretty', 'false'], { timeoutMs: TSC_TIMEOUT_MS });
  const byDir = new Map<string, string[]>();
  if (result.timedOut) {
    for (const d of dirs) byDir.set(d, [`tsc did not finish within ${TSC_TIMEOUT_MS / 1000} s`]);
    return byDir;
  }
  for (const line of result.stdout.split('\n')) {
    const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+: .*)$/.exec(line.trim());
    if (!m) continue;
    const file = path.resolve(CHECK_DIR, m[1]!);
    const dir = path.dirname(file);
    const list = byDir.get(dir) ?? [];
    list.push(`${path.basename(file)}:${m[2]}:${m[3]} ${m[4]}`);
    byDir.set(dir, list);
  }
  if (result.code !== 0 && byDir.size === 0) {
    for (const d of dirs) byDir.set(d, [`tsc failed: ${(result.stdout + result.stderr).trim().slice(0, 300)}`]);
  }
  return byDir;
}

function judge(report: ProblemReport, variants: Variant[], outcomes: Map<string, VariantOutcome>, types: Map<string, string[]>): void {
  const v = report.violations;
  for (const variant of variants) {
    const errors = types.get(variant.dir);
    if (errors?.length) {
      v.push(`${variant.name} does not type-check against the tests (strict): ${errors.slice(0, 3).join(' | ')}`);
    }
  }

  const ref = outcomes.get('reference')!;
  if (ref.crash) {
    v.push(`reference ${ref.crash}`);
    report.reference = '✗ crashed';
  } else {
    const parts: string[] = [];
    let ok = true;
    for (const file of TEST_FILES) {
      const c = ref.files[file];
      if (!c || c.passed + c.failed === 0) {
        v.push(`${file} ran no tests against the reference`);
        ok = false;
      } else if (c.failed > 0) {
        v.push(`reference fails ${c.failed} of ${c.passed + c.failed} tests in ${file}; it must pass them all`);
        ok = false;
      }
      parts.push(`${c?.passed ?? 0}/${(c?.passed ?? 0) + (c?.failed ?? 0)}`);
    }
    report.reference = `${ok ? '✓' : '✗'} ${parts.join(' + ')}`;
  }

  if (!ref.crash) judgeRuleMap(report, ref);

  const killedBy = (o: VariantOutcome) => (o.crash ? Infinity : (o.files['hidden.test.ts']?.failed ?? 0));
  const starter = outcomes.get('starter')!;
  const starterFails = killedBy(starter);
  if (starterFails === 0) v.push('starter passes every hidden test; it must fail at least one');
  report.starter = starter.crash ? `✓ (crashes)` : `${starterFails > 0 ? '✓' : '✗'} (${starterFails} failing)`;

  const mutants = variants.filter((x) => x.name.startsWith('mutant:'));
  let killed = 0;
  let crashed = 0;
  for (const mutant of mutants) {
    const o = outcomes.get(mutant.name)!;
    if (o.crash) crashed++;
    if (killedBy(o) > 0) killed++;
    else v.push(`${mutant.name.replace('mutant:', 'mutants/')}.ts survives: it passes every hidden test`);
  }
  report.mutants = `${killed}/${mutants.length} killed${crashed ? ` (${crashed} by crash or hang)` : ''}`;
}

/** The rule map from problem.md and the reference's hidden test titles, and the hidden tests' run time. */
function judgeRuleMap(report: ProblemReport, reference: VariantOutcome): void {
  const statement = parseRuleIds(readFileSync(path.join(PROBLEMS_DIR, report.id, 'problem.md'), 'utf8'));
  report.ruleMap = buildRuleMap(
    statement,
    reference.hiddenTests.map((t) => t.fullTitle),
  );
  report.violations.push(...report.ruleMap.violations);
  report.hiddenMs = reference.hiddenTests.reduce((sum, t) => sum + t.durationMs, 0);
  report.slowestHidden = [...reference.hiddenTests].sort((a, b) => b.durationMs - a.durationMs)[0];
}

function printRuleMaps(reports: ProblemReport[]): void {
  for (const r of reports) {
    if (!r.ruleMap) continue;
    console.log(`\n${r.id}: rule → hidden tests`);
    for (const line of formatRuleMap(r.ruleMap)) console.log(`  ${line}`);
  }
}

function printHiddenTimes(reports: ProblemReport[]): void {
  const timed = reports.filter((r) => r.hiddenMs !== undefined);
  if (timed.length === 0) return;
  console.log('\nhidden tests, reference, Node (sum of mocha test durations; the browser adds the compile):');
  for (const r of timed) {
    const slowest = r.slowestHidden ? `  slowest ${r.slowestHidden.durationMs} ms: ${r.slowestHidden.fullTitle.slice(0, 90)}` : '';
    console.log(`  ${r.id.padEnd(22)} ${String(r.hiddenMs).padStart(5)} ms${slowest}`);
  }
}

function printTable(reports: ProblemReport[]): void {
  const rows = [
    ['problem', 'reference (examples + hidden)', 'starter', 'mutants', 'result'],
    ...reports.map((r) => [
      r.id,
      r.tested ? (r.reference ?? '–') : 'design (no tests)',
      r.tested ? (r.starter ?? '–') : '',
      r.tested ? (r.mutants ?? '–') : '',
      r.violations.length === 0 ? 'ok' : `FAIL (${r.violations.length})`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => [...row[i]!].length)));
  const line = (row: string[]) => row.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join('  ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

async function main(): Promise<void> {
  const started = Date.now();
  const ids = listProblemIds(process.argv.slice(2));
  rmSync(CHECK_DIR, { recursive: true, force: true });
  mkdirSync(CHECK_DIR, { recursive: true });

  const reports: ProblemReport[] = [];
  const prepared: { report: ProblemReport; variants: Variant[] }[] = [];
  for (const id of ids) {
    const report: ProblemReport = { id, tested: false, violations: [] };
    reports.push(report);
    const { mutantFiles } = checkFiles(id, report);
    const runnable = CODING_FILES.every((f) => existsSync(path.join(PROBLEMS_DIR, id, f)));
    if (hasTests(id) && runnable) {
      report.tested = true;
      prepared.push({ report, variants: prepareVariants(id, mutantFiles) });
    }
  }

  // Coding problems have Python files too (problems/README.md, "Python"); CPython checks them.
  const pythonIds = prepared.map((p) => p.report.id);

  // tsc, the Python check and the mocha processes share the pool of PARALLEL slots; the long ones go first.
  type Job = { kind: 'tsc' } | { kind: 'python' } | { kind: 'mocha'; index: number };
  const jobs: Job[] = [
    ...(prepared.length ? [{ kind: 'tsc' } as const] : []),
    ...(pythonIds.length ? [{ kind: 'python' } as const] : []),
    ...prepared.map((_, index) => ({ kind: 'mocha' as const, index })),
  ];
  let pythonReport: PythonReport | null = null;
  let types = new Map<string, string[]>();
  const outcomes: Map<string, VariantOutcome>[] = [];
  await pool(jobs, PARALLEL, async (job) => {
    if (job.kind === 'tsc') {
      types = await typeCheck(prepared.flatMap((p) => p.variants.map((v) => v.dir)));
    } else if (job.kind === 'python') {
      pythonReport = await checkPython(PROBLEMS_DIR, pythonIds);
    } else {
      const { report, variants } = prepared[job.index]!;
      outcomes[job.index] = await runProblem(report.id, variants);
    }
  });
  prepared.forEach(({ report, variants }, i) => judge(report, variants, outcomes[i]!, types));
  const python = pythonReport as PythonReport | null;
  if (python) {
    console.log(python.output.trimEnd());
    console.log(`screen: ${python.screened} Python files (references, starters, mutants) screened; a finding fails its problem`);
    for (const report of reports) report.violations.push(...(python.violations.get(report.id) ?? []));
  }

  printRuleMaps(reports);
  console.log('');
  printTable(reports);
  printHiddenTimes(reports);
  const failed = reports.filter((r) => r.violations.length > 0);
  if (failed.length) {
    console.log('');
    for (const r of failed) for (const msg of r.violations) console.log(`✗ ${r.id}: ${msg}`);
  }
  console.log('');
  console.log(
    `${reports.length - failed.length} passed, ${failed.length} failed  (${((Date.now() - started) / 1000).toFixed(1)} s; variants in ${rel(CHECK_DIR)}/)`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
