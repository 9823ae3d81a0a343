/**
 * npm run check:problems [-- [--root <problems dir>] [--work <dir under the repo>] <id> ...]
 *
 * For every problems/<id>/ folder:
 *  - the required files exist, the front matter and followups.md parse (src/core/problems/parseProblem.ts),
 *    tests import nothing but chai, fast-check and the project (./solution, or a codebase problem's files
 *    by relative path), and every mutant carries its "// Mutant:" comment (scripts/problems/folderChecks.ts);
 *  - for coding problems: the reference, the starter and each mutant type-check (strict) against both test
 *    files (a codebase problem's: every file of the project); the
 *    reference passes every example and hidden test; the starter and every mutant fail at least one
 *    hidden test; there are at least 8 mutants;
 *  - the Python files (scripts/problems/pycheck.py, CPython): the same rules, and no finding of the screen
 *    the browser runs before importing code (src/runner/python/screen.py);
 *  - the rule map (scripts/problems/ruleMap.ts): every rule id of problem.md is named by a hidden test, every
 *    id a hidden test names exists, and a [model] test exists. The hidden tests' titles come from the
 *    reference's mocha run (describe titles included). The map and the hidden tests' run time are printed;
 *  - a codebase problem (problems/README.md, "Codebase problems"; scripts/problems/codebase.ts), per
 *    language: the starter, the reference (starter + reference/) and each mutant (reference +
 *    mutants/<name>/) assembled with src/core/problems/assembleCode.ts; every hidden test is in a group
 *    (`Requirement 1` or a feature title), every feature has tests, the starter fails at least one hidden
 *    test of every group; both languages have the same groups and name the same rule ids.
 *
 * Variants are written to <work>/<id>/<variant>/ (a codebase problem: <work>/<id>/<language>/<variant>/),
 * <work> being .tmp/check. mocha runs each problem's variants in one process (scripts/problems/mocha.ts);
 * tsc, the Python check and the mocha processes share two slots. Exits 1 on any violation.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { ProblemFeature } from '../src/core/problems/types';
import { languageAgreementViolations, type LanguageSummary } from './problems/codebase';
import { judgePythonGroups, judgeTsGroups, prepareCodebase, type PythonCodebasePlan } from './problems/codebaseCheck';
import { buildEntryMap, formatEntryMap, parseRuleEntries, pythonNames, type EntryMap } from './problems/entryMap';
import { CODING_FILES, checkFolder, prepareSingleFile } from './problems/folderChecks';
import { rawMessageChecks } from './problems/messageScan';
import { runVariants, TEST_FILES, type Variant, type VariantOutcome } from './problems/mocha';
import { formatPythonMutants, measurePythonMutants, type PythonMutationRow } from './problems/pythonMutants';
import { checkPython, type PythonReport } from './problems/pythonCheck';
import { buildRuleMap, formatRuleMap, parseRuleIds, type RuleMap } from './problems/ruleMap';
import { listProblemIds, pool, PROBLEMS_DIR, ROOT, TMP_DIR } from './problems/shared';
import { writeTestkitPackage } from './problems/testkitPackage';
import { typeCheck, type TypeCheckEntry } from './problems/typeCheck';

const PARALLEL = 2;
/** The Python mutation score each problem aims for (printed, not enforced: see problems/README.md). */
const PY_MUTANT_TARGET = 97;

interface ProblemReport {
  id: string;
  tested: boolean;
  codebase: boolean;
  violations: string[];
  reference?: string;
  starter?: string;
  mutants?: string;
  ruleMap?: RuleMap;
  /** The rule × entry point maps (entryMap.ts), TypeScript's and Python's. */
  entryMaps: EntryMap[];
  /** Hidden test titles of the TypeScript reference run. */
  tsTitles?: string[];
  /** Sum of the reference's hidden test durations in Node (mocha), ms. */
  hiddenMs?: number;
  slowestHidden?: { fullTitle: string; durationMs: number };
}

interface Prepared {
  report: ProblemReport;
  problemsDir: string;
  variants: Variant[];
  /** Where the problem's shared mocha report goes. */
  workDir: string;
  typeCheck: TypeCheckEntry[];
}

function parseArgs(argv: string[]): { problemsDir: string; workDir: string; ids: string[] } {
  let problemsDir = PROBLEMS_DIR;
  let workDir = path.join(TMP_DIR, 'check');
  const ids: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') problemsDir = path.resolve(argv[++i] ?? '');
    else if (argv[i] === '--work') workDir = path.resolve(argv[++i] ?? '');
    else ids.push(argv[i]!);
  }
  // mocha and tsc resolve chai, fast-check and @types from the repository's node_modules.
  if (!workDir.startsWith(ROOT + path.sep)) throw new Error(`--work must be a folder inside ${ROOT}`);
  return { problemsDir, workDir, ids };
}

function judge(report: ProblemReport, prepared: Prepared, outcomes: Map<string, VariantOutcome>, types: Map<string, string[]>): void {
  const v = report.violations;
  for (const variant of prepared.variants) {
    const errors = types.get(variant.dir);
    if (errors?.length) v.push(`${variant.label} does not type-check (strict): ${errors.slice(0, 3).join(' | ')}`);
  }
  const where = report.codebase ? 'project/typescript/' : '';
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
        v.push(`${where}${file} ran no tests against the reference`);
        ok = false;
      } else if (c.failed > 0) {
        v.push(`reference fails ${c.failed} of ${c.passed + c.failed} tests in ${where}${file}; it must pass them all`);
        ok = false;
      }
      parts.push(`${c?.passed ?? 0}/${(c?.passed ?? 0) + (c?.failed ?? 0)}`);
    }
    report.reference = `${ok ? '✓' : '✗'} ${parts.join(' + ')}`;
    judgeRuleMap(report, prepared.problemsDir, ref);
  }

  const killedBy = (o: VariantOutcome) => (o.crash ? Infinity : (o.files['hidden.test.ts']?.failed ?? 0));
  const starter = outcomes.get('starter')!;
  const starterFails = killedBy(starter);
  if (starterFails === 0) v.push('starter passes every hidden test; it must fail at least one');
  report.starter = starter.crash ? `✓ (crashes)` : `${starterFails > 0 ? '✓' : '✗'} (${starterFails} failing)`;

  const mutants = prepared.variants.filter((x) => x.name.startsWith('mutant:'));
  let killed = 0;
  let crashed = 0;
  for (const mutant of mutants) {
    const o = outcomes.get(mutant.name)!;
    if (o.crash) crashed++;
    if (killedBy(o) > 0) killed++;
    else v.push(`${mutant.label} survives: it passes every hidden test`);
  }
  report.mutants = `${killed}/${mutants.length} killed${crashed ? ` (${crashed} by crash or hang)` : ''}`;
}

/** The rule map from problem.md and the reference's hidden test titles, and the hidden tests' run time. */
function judgeRuleMap(report: ProblemReport, problemsDir: string, reference: VariantOutcome): void {
  const statement = parseRuleIds(readFileSync(path.join(problemsDir, report.id, 'problem.md'), 'utf8'));
  report.ruleMap = buildRuleMap(
    statement,
    reference.hiddenTests.map((t) => t.fullTitle),
  );
  report.violations.push(...report.ruleMap.violations);
  report.tsTitles = reference.hiddenTests.map((t) => t.fullTitle);
  report.hiddenMs = reference.hiddenTests.reduce((sum, t) => sum + t.durationMs, 0);
  report.slowestHidden = [...reference.hiddenTests].sort((a, b) => b.durationMs - a.durationMs)[0];
}

/**
 * The rule × entry point map in each language (entryMap.ts): every entry point a rule's `(applies to: …)`
 * list names has a hidden test tagged with the pair.
 */
function judgeEntryMaps(report: ProblemReport, problemsDir: string, python: PythonReport | null): void {
  if (!report.ruleMap) return;
  const folder = path.join(problemsDir, report.id);
  const { entries, violations } = parseRuleEntries(readFileSync(path.join(folder, 'problem.md'), 'utf8'));
  report.violations.push(...violations.map((v) => `problem.md: ${v}`));
  const ids = report.ruleMap.rules.map((r) => r.id);
  const maps: EntryMap[] = [buildEntryMap('typescript', ids, entries, report.tsTitles ?? [])];
  const pyTitles = python?.hiddenTitles.get(report.id);
  if (pyTitles) {
    const pythonMd = path.join(folder, 'python.md');
    const table = existsSync(pythonMd) ? pythonNames(readFileSync(pythonMd, 'utf8')) : new Map<string, string>();
    maps.push(buildEntryMap('python', ids, entries, pyTitles, table));
  }
  report.entryMaps = maps;
  for (const m of maps) report.violations.push(...m.violations);
}

/** Hidden tests check messages only through the helpers (messageScan.ts): a raw regex or assertIn fails the problem. */
function judgeMessageChecks(report: ProblemReport, problemsDir: string): void {
  const folder = path.join(problemsDir, report.id);
  const files = report.codebase
    ? [['project/typescript/hidden.test.ts', 'typescript'] as const, ['project/python/hidden_test.py', 'python'] as const]
    : [['hidden.test.ts', 'typescript'] as const, ['hidden_test.py', 'python'] as const];
  for (const [file, language] of files) {
    const full = path.join(folder, file);
    if (!existsSync(full)) continue;
    for (const found of rawMessageChecks(readFileSync(full, 'utf8'), language)) {
      report.violations.push(
        `${file}:${found.line}: raw message check \`${found.text}\`: ${found.why} (problems/README.md, "Message checks")`,
      );
    }
  }
}

/** A codebase problem's groups in each language, and the languages against each other. */
function judgeCodebase(
  report: ProblemReport,
  features: readonly ProblemFeature[],
  outcomes: Map<string, VariantOutcome> | undefined,
  python: PythonReport | null,
): void {
  const summaries: LanguageSummary[] = [];
  const ts = outcomes ? judgeTsGroups(features, outcomes) : null;
  if (ts) {
    report.violations.push(...ts.violations);
    if (ts.summary) summaries.push(ts.summary);
    if (ts.starterGroups && !outcomes?.get('starter')?.crash)
      report.starter = `${report.starter?.split(' ')[0] ?? ''} (${ts.starterGroups})`;
  }
  const lists = python?.lists.get(report.id);
  if (lists) {
    const py = judgePythonGroups(features, lists.hidden, lists.starterPassed);
    report.violations.push(...py.violations);
    summaries.push(py.summary);
  }
  if (summaries.length === 2) report.violations.push(...languageAgreementViolations(summaries));
}

function printRuleMaps(reports: ProblemReport[]): void {
  for (const r of reports) {
    if (!r.ruleMap) continue;
    console.log(`\n${r.id}: rule → hidden tests`);
    for (const line of formatRuleMap(r.ruleMap)) console.log(`  ${line}`);
    console.log(`${r.id}: rule × entry point (problem.md's "(applies to: …)" lists; tests tag [R<n> <entry>])`);
    for (const map of r.entryMaps) for (const line of formatEntryMap(map)) console.log(`  ${line}`);
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
      r.codebase ? `${r.id} (codebase)` : r.id,
      r.tested ? (r.reference ?? '–') : r.codebase ? 'not run' : 'design (no tests)',
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
  const { problemsDir, workDir, ids: only } = parseArgs(process.argv.slice(2));
  const ids = listProblemIds(only, problemsDir);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  writeTestkitPackage(workDir);

  const reports: ProblemReport[] = [];
  const prepared: Prepared[] = [];
  const features = new Map<string, ProblemFeature[]>();
  const pythonIds: string[] = [];
  const codebasePlans: Record<string, PythonCodebasePlan> = {};
  for (const id of ids) {
    const report: ProblemReport = { id, tested: false, codebase: false, violations: [], entryMaps: [] };
    reports.push(report);
    const facts = checkFolder(problemsDir, id, report.violations);
    report.codebase = facts.codebase;
    if (!facts.coding) continue;
    judgeMessageChecks(report, problemsDir);
    if (facts.codebase) {
      features.set(id, facts.meta?.features ?? []);
      const codebase = prepareCodebase(problemsDir, id, workDir);
      report.violations.push(...codebase.violations);
      if (codebase.python) {
        codebasePlans[id] = codebase.python;
        pythonIds.push(id);
      }
      const ts = codebase.typescript;
      if (!ts) continue;
      report.tested = true;
      prepared.push({ report, problemsDir, variants: ts.variants, workDir: ts.workDir, typeCheck: ts.typeCheck });
    } else if (CODING_FILES.every((f) => existsSync(path.join(problemsDir, id, f)))) {
      report.tested = true;
      const variants = prepareSingleFile(problemsDir, workDir, id, facts.mutantFiles);
      const typeEntries = variants.map((v) => ({ dir: v.dir, include: ['*.ts'] }));
      prepared.push({ report, problemsDir, variants, workDir: path.join(workDir, id), typeCheck: typeEntries });
      // Coding problems have Python files too (problems/README.md, "Python"); CPython checks them.
      pythonIds.push(id);
    }
  }

  const singleFilePython = pythonIds.filter((id) => !codebasePlans[id]);
  // tsc, the Python check and the mocha processes share the pool of PARALLEL slots; the long ones go first.
  type Job = { kind: 'tsc' } | { kind: 'python' } | { kind: 'pymutants' } | { kind: 'mocha'; index: number };
  const jobs: Job[] = [
    ...(prepared.length ? [{ kind: 'tsc' } as const] : []),
    ...(pythonIds.length ? [{ kind: 'python' } as const] : []),
    ...(singleFilePython.length ? [{ kind: 'pymutants' } as const] : []),
    ...prepared.map((_, index) => ({ kind: 'mocha' as const, index })),
  ];
  let pythonReport: PythonReport | null = null;
  let pyMutants: { rows: PythonMutationRow[]; error?: string } = { rows: [] };
  let types = new Map<string, string[]>();
  const outcomes: Map<string, VariantOutcome>[] = [];
  await pool(jobs, PARALLEL, async (job) => {
    if (job.kind === 'tsc') {
      types = await typeCheck(
        workDir,
        prepared.flatMap((p) => p.typeCheck),
      );
    } else if (job.kind === 'python') {
      pythonReport = await checkPython(problemsDir, pythonIds, codebasePlans);
    } else if (job.kind === 'pymutants') {
      pyMutants = await measurePythonMutants(problemsDir, singleFilePython);
    } else {
      const { variants, workDir: dir } = prepared[job.index]!;
      outcomes[job.index] = await runVariants(dir, variants);
    }
  });
  const python = pythonReport as PythonReport | null;
  prepared.forEach((p, i) => judge(p.report, p, outcomes[i]!, types));
  for (const [id, list] of features) {
    const index = prepared.findIndex((p) => p.report.id === id);
    judgeCodebase(
      reports.find((r) => r.id === id)!,
      list,
      index >= 0 ? outcomes[index] : undefined,
      python,
    );
  }
  if (python) {
    console.log(python.output.trimEnd());
    console.log(`screen: ${python.screened} Python files (references, starters, mutants) screened; a finding fails its problem`);
    for (const report of reports) report.violations.push(...(python.violations.get(report.id) ?? []));
  }

  for (const report of reports) judgeEntryMaps(report, problemsDir, python);
  printRuleMaps(reports);
  console.log('');
  if (pyMutants.error) console.log(`Python mutants: could not run scripts/problems/pymutants.py (${pyMutants.error})`);
  for (const line of formatPythonMutants(pyMutants.rows, PY_MUTANT_TARGET)) console.log(line);
  for (const row of pyMutants.rows) {
    const report = reports.find((r) => r.id === row.id);
    if (report && !row.referencePasses)
      report.violations.push('Python mutants: reference.py fails hidden_test.py in pymutants.py, so its score means nothing');
    for (const id of row.stale)
      report?.violations.push(`Python mutants: ${id} is listed in equivalent-python-mutants.json but is killed or no longer generated`);
  }
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
    `${reports.length - failed.length} passed, ${failed.length} failed  (${((Date.now() - started) / 1000).toFixed(1)} s; variants in ${path.relative(ROOT, workDir)}/)`,
  );
  process.exitCode = failed.length ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
