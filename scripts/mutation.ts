/**
 * npx tsx scripts/mutation.ts [--threshold 90] [--root <problems dir>] [<id> ...]
 *
 * Measures how strong each coding problem's hidden tests are with StrykerJS: for every problem with a
 * hidden.test.ts it builds .tmp/mutation/<id>/ (solution.ts = reference.ts, plus hidden.test.ts and a
 * generated stryker.conf.json), runs Stryker with the mocha runner (`--import tsx` so mocha can load the
 * TypeScript ESM tests), and reads the JSON report.
 *
 * A codebase problem (problems/<id>/project/typescript/) is measured the same way on its reference project
 * (the starter with reference/ laid over it, scripts/problems/codebase.ts): Stryker mutates the files
 * reference/ changes or adds, against project/typescript/hidden.test.ts.
 *
 * Score = (killed + timeout) / (killed + timeout + survived + no coverage), as Stryker computes it.
 * The adjusted score also leaves out mutants listed in scripts/problems/equivalent-mutants.json (with the
 * reason they cannot be killed). Exits 1 if any adjusted score is below the threshold.
 * Problems run one after another; each Stryker run uses 2 test-runner processes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assembleCodebase } from './problems/codebase';
import { writeTestkitPackage } from './problems/testkitPackage';
import {
  hasTestsIn,
  isCodebase,
  listProblemIds,
  PROBLEMS_DIR,
  readFolder,
  readLibraries,
  ROOT,
  run,
  TMP_DIR,
  writeFolder,
} from './problems/shared';

const MUTATION_DIR = path.join(TMP_DIR, 'mutation');
const STRYKER_BIN = path.join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
/** problems/, or the folder `--root` names (a fixture's). */
let problemsDir = PROBLEMS_DIR;
const EQUIVALENTS_FILE = path.join(ROOT, 'scripts', 'problems', 'equivalent-mutants.json');

interface Equivalent {
  mutator: string;
  line: string;
  replacement: string;
  reason: string;
}

interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
  location: { start: { line: number; column: number } };
}

interface Row {
  id: string;
  total: number;
  killed: number;
  survived: number;
  noCoverage: number;
  errors: number;
  excluded: number;
  raw: number;
  adjusted: number;
  survivors: string[];
  failure?: string;
}

function parseArgs(argv: string[]): { threshold: number; ids: string[] } {
  let threshold = 90;
  const ids: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--threshold') threshold = Number(argv[++i]);
    else if (argv[i] === '--root') problemsDir = path.resolve(argv[++i] ?? '');
    else ids.push(argv[i]!);
  }
  if (!Number.isFinite(threshold)) throw new Error('--threshold needs a number, e.g. --threshold 90');
  return { threshold, ids };
}

/** What one Stryker run works on: the files written to its folder and the ones it mutates. */
interface Workspace {
  files: Record<string, string>;
  /** Paths in `files` Stryker mutates. */
  mutate: string[];
  /** How a report names a mutated file: "reference.ts", "project/typescript/reference/chat/hub.ts". */
  shownAs: (file: string) => string;
}

/** A single-file problem: solution.ts = reference.ts. A codebase problem: the reference project, its changed .ts files mutated. */
function workspaceOf(id: string): Workspace | string {
  const folder = path.join(problemsDir, id);
  if (!isCodebase(problemsDir, id)) {
    const files = {
      'solution.ts': readFileSync(path.join(folder, 'reference.ts'), 'utf8'),
      'hidden.test.ts': readFileSync(path.join(folder, 'hidden.test.ts'), 'utf8'),
    };
    return { files, mutate: ['solution.ts'], shownAs: () => 'reference.ts' };
  }
  const project = assembleCodebase(readFolder(folder), id, readLibraries(problemsDir)).projects.find((p) => p.language === 'typescript');
  if (!project) return 'no TypeScript project to mutate (run npm run check:problems for the reason)';
  const mutate = project.changed.filter((p) => p.endsWith('.ts'));
  if (mutate.length === 0) return 'reference/ changes no .ts file';
  const reference = project.variants.find((v) => v.name === 'reference')!.files;
  return {
    files: { ...reference, 'hidden.test.ts': project.tests.hidden },
    mutate,
    shownAs: (file) => `project/typescript/reference/${file}`,
  };
}

function strykerConfig(mutate: string[]): object {
  const glob = mutate.length === 1 ? mutate[0]! : `{${mutate.join(',')}}`;
  return {
    testRunner: 'mocha',
    plugins: ['@stryker-mutator/mocha-runner'],
    mutate,
    mochaOptions: { spec: ['hidden.test.ts'], 'no-config': true, 'no-package': true },
    // Mocha imports the ESM test files itself; tsx registered as a loader lets it import TypeScript.
    testRunnerNodeArgs: ['--import', 'tsx'],
    coverageAnalysis: 'perTest',
    reporters: ['json'],
    jsonReporter: { fileName: 'mutation.json' },
    concurrency: 2,
    timeoutMS: 5000,
    tempDirName: '.stryker-tmp',
    cleanTempDir: true,
    disableTypeChecks: glob,
  };
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : (100 * part) / whole;
}

async function measure(id: string, equivalents: Equivalent[]): Promise<Row> {
  const dir = path.join(MUTATION_DIR, id);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const empty: Row = { id, total: 0, killed: 0, survived: 0, noCoverage: 0, errors: 0, excluded: 0, raw: 0, adjusted: 0, survivors: [] };
  const workspace = workspaceOf(id);
  if (typeof workspace === 'string') return { ...empty, failure: workspace };
  writeFolder(dir, workspace.files);
  writeTestkitPackage(MUTATION_DIR);
  writeFileSync(path.join(dir, 'stryker.conf.json'), JSON.stringify(strykerConfig(workspace.mutate), null, 2));

  const result = await run(process.execPath, [STRYKER_BIN, 'run', 'stryker.conf.json', '--logLevel', 'warn'], {
    cwd: dir,
    timeoutMs: 600_000,
  });
  const reportFile = path.join(dir, 'mutation.json');
  if (result.timedOut || !existsSync(reportFile)) {
    const why = result.timedOut ? 'Stryker did not finish within 10 minutes' : `Stryker exited ${result.code} without a report`;
    const tail = (result.stderr + result.stdout).trim().split('\n').slice(-5).join(' / ');
    return { ...empty, failure: `${why}: ${tail}` };
  }

  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { files: Record<string, { mutants: ReportMutant[] }> };
  const mutants = workspace.mutate.flatMap((file) => (report.files[file]?.mutants ?? []).map((m) => ({ ...m, file })));
  const lines = new Map(workspace.mutate.map((file) => [file, workspace.files[file]!.split('\n')]));
  const row: Row = { ...empty, total: mutants.length };
  for (const m of mutants) {
    const line = m.location.start.line;
    const sourceLines = lines.get(m.file)!;
    const isEquivalent = equivalents.some(
      (e) => e.mutator === m.mutatorName && e.replacement === m.replacement && sourceLines[line - 1]?.trimEnd() === e.line,
    );
    switch (m.status) {
      case 'Killed':
      case 'Timeout':
        row.killed++;
        break;
      case 'Survived':
      case 'NoCoverage':
        if (isEquivalent) {
          row.excluded++;
        } else {
          if (m.status === 'Survived') row.survived++;
          else row.noCoverage++;
          row.survivors.push(
            `${workspace.shownAs(m.file)}:${line}:${m.location.start.column} ${m.mutatorName} → ${m.replacement ?? ''} (${m.status})`,
          );
        }
        break;
      default:
        row.errors++;
    }
  }
  const undetected = row.survived + row.noCoverage;
  row.raw = percent(row.killed, row.killed + undetected + row.excluded);
  row.adjusted = percent(row.killed, row.killed + undetected);
  return row;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { threshold, ids: only } = parseArgs(process.argv.slice(2));
  const ids = listProblemIds(only, problemsDir).filter((id) => hasTestsIn(problemsDir, id));
  const equivalents = JSON.parse(readFileSync(EQUIVALENTS_FILE, 'utf8')) as Record<string, Equivalent[] | string>;

  const rows: Row[] = [];
  for (const id of ids) {
    process.stdout.write(`mutating ${id} … `);
    const list = equivalents[id];
    const row = await measure(id, Array.isArray(list) ? list : []);
    console.log(row.failure ? 'failed' : `${row.adjusted.toFixed(1)}%`);
    rows.push(row);
  }

  console.log('');
  const header = ['problem', 'mutants', 'killed', 'survived', 'no cov', 'equivalent', 'score', 'adjusted', 'result'];
  const table = [
    header,
    ...rows.map((r) => [
      r.id,
      String(r.total),
      String(r.killed),
      String(r.survived),
      String(r.noCoverage),
      String(r.excluded),
      r.failure ? '–' : `${r.raw.toFixed(1)}%`,
      r.failure ? '–' : `${r.adjusted.toFixed(1)}%`,
      r.failure ? 'ERROR' : r.adjusted >= threshold ? 'ok' : `below ${threshold}%`,
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const [i, row] of table.entries()) {
    console.log(row.map((cell, j) => cell.padEnd(widths[j]!)).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }

  for (const r of rows) {
    if (r.failure) console.log(`\n✗ ${r.id}: ${r.failure}`);
    else if (r.survivors.length) {
      console.log(
        `\n${r.id}: ${r.survivors.length} undetected mutant(s) (report: ${path.relative(ROOT, path.join(MUTATION_DIR, r.id, 'mutation.json'))})`,
      );
      for (const s of r.survivors) console.log(`  ${s}`);
    }
  }
  const bad = rows.filter((r) => r.failure || r.adjusted < threshold);
  console.log(
    `\n${rows.length - bad.length} passed, ${bad.length} failed (threshold ${threshold}%, ${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  process.exitCode = bad.length ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
