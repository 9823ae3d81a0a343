/**
 * Running a problem's TypeScript variants with the mocha CLI for `npm run check:problems`.
 *
 * Each variant is a folder holding the project (solution.ts, or a codebase problem's files) with the test
 * files beside it. A problem's variants run in ONE mocha process (each variant's tests resolve their own
 * project files); a variant marked `alone` (a codebase starter: a module of its that fails on import would
 * stop mocha loading any file) runs in a process of its own. If the shared process
 * crashes or hangs, or leaves a variant short of tests, that variant runs again alone so the culprit is named.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MOCHA_BIN, run } from './shared';

export const TEST_FILES = ['examples.test.ts', 'hidden.test.ts'] as const;
export type TestFile = (typeof TEST_FILES)[number];

const TEST_TIMEOUT_MS = 2000;
// A problem's shared mocha process gets a base plus a share per variant: every failing variant now also
// shrinks a model-based counterexample (~0.1–0.3 s), and a busy machine makes start-up alone take seconds.
const PROBLEM_TIMEOUT_BASE_MS = 30_000;
const PROBLEM_TIMEOUT_PER_VARIANT_MS = 2_000;
const VARIANT_TIMEOUT_MS = 20_000;
const REPORTER = path.join(import.meta.dirname, 'mochaReporter.cjs');

export interface Variant {
  /** "reference", "starter" or "mutant:<name>". */
  name: string;
  /** How messages name it ("mutants/off-by-one.ts", "project/typescript/mutants/off-by-one/"). */
  label: string;
  dir: string;
  /** Run in a mocha process of its own, never in the problem's shared one. */
  alone?: boolean;
}

interface FileCounts {
  passed: number;
  failed: number;
}

export interface HiddenTest {
  fullTitle: string;
  /** Describe titles and the test's own, outermost first. */
  titlePath: string[];
  durationMs: number;
  passed: boolean;
}

export interface VariantOutcome {
  /** Per test file; missing when the run produced no report for it. */
  files: Partial<Record<TestFile, FileCounts>>;
  /** Set when the variant could not be run to completion (crash on load, hang). */
  crash?: string;
  /** The hidden tests this variant ran. */
  hiddenTests: HiddenTest[];
}

interface ReportedTest {
  file?: string;
  fullTitle: string;
  titlePath?: string[];
  duration?: number;
}
interface Report {
  passes: ReportedTest[];
  failures: ReportedTest[];
}

/** The test files a variant runs: the reference runs everything, the others only the hidden tests. */
export function testFilesOf(variant: Variant): string[] {
  return variant.name === 'reference' ? TEST_FILES.map((f) => path.join(variant.dir, f)) : [path.join(variant.dir, 'hidden.test.ts')];
}

/** Runs mocha over `files`; returns the parsed report, or a reason it has none. */
async function runMocha(files: string[], reportFile: string, timeoutMs: number): Promise<Report | string> {
  rmSync(reportFile, { force: true });
  const result = await run(
    process.execPath,
    [
      '--import=tsx',
      MOCHA_BIN,
      '--reporter',
      REPORTER,
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
  return JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
}

function tally(report: Report, variants: Variant[]): Map<string, VariantOutcome> {
  const outcomes = new Map<string, VariantOutcome>(variants.map((v) => [v.name, { files: {}, hiddenTests: [] }]));
  const add = (test: ReportedTest, passed: boolean) => {
    if (!test.file) return;
    const variant = variants.find((v) => path.dirname(test.file!) === v.dir);
    const fileName = path.basename(test.file) as TestFile;
    if (!variant) return;
    const outcome = outcomes.get(variant.name)!;
    const counts = (outcome.files[fileName] ??= { passed: 0, failed: 0 });
    counts[passed ? 'passed' : 'failed']++;
    if (fileName === 'hidden.test.ts') {
      outcome.hiddenTests.push({ fullTitle: test.fullTitle, titlePath: test.titlePath ?? [], durationMs: test.duration ?? 0, passed });
    }
  };
  report.passes.forEach((t) => add(t, true));
  report.failures.forEach((t) => add(t, false));
  return outcomes;
}

function hiddenCount(o: VariantOutcome | undefined): number {
  return (o?.files['hidden.test.ts']?.passed ?? 0) + (o?.files['hidden.test.ts']?.failed ?? 0);
}

/** Runs a problem's variants (see the file comment); `workDir` holds the shared run's report. */
export async function runVariants(workDir: string, variants: Variant[]): Promise<Map<string, VariantOutcome>> {
  const together = variants.filter((v) => !v.alone);
  const report = together.length
    ? await runMocha(
        together.flatMap(testFilesOf),
        path.join(workDir, 'report.json'),
        PROBLEM_TIMEOUT_BASE_MS + PROBLEM_TIMEOUT_PER_VARIANT_MS * together.length,
      )
    : 'not run';
  // A variant with no test reported at all was cut off (an uncaught error or a dangling promise of an
  // earlier variant can end mocha's run early and still leave a report): it is run again alone, never
  // counted as passing. When the shared process broke outright, every variant is run alone.
  const shared = typeof report === 'string' ? null : tally(report, together);
  const mostHidden = Math.max(0, ...together.map((v) => hiddenCount(shared?.get(v.name))));
  const outcomes = new Map<string, VariantOutcome>();
  for (const variant of variants) {
    const seen = variant.alone ? undefined : shared?.get(variant.name);
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
