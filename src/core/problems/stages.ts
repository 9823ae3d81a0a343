/**
 * Staged problems (problems/README.md, "Stages"): the statement reveals stage n+1 once every hidden
 * test of stages 1…n passes, and results are reported per stage. Pure functions over the statement text
 * and test results.
 */
/** The part of a test result stage logic needs (structurally a runner TestResult). */
export interface StagedTest {
  path: readonly string[];
  status: string;
}

export interface StagedStatement {
  /** Text before the first stage heading, always shown. */
  intro: string;
  /** One Markdown section per stage, in order, each starting with its `## Stage n — title` heading. */
  sections: string[];
}

const STAGE_HEADING = /^## Stage (\d+) — .*$/gm;

export function splitStatementByStage(body: string, stageCount: number): StagedStatement {
  const starts = [...body.matchAll(STAGE_HEADING)];
  if (stageCount <= 1 || starts.length === 0) return { intro: body, sections: [] };
  const intro = body.slice(0, starts[0]!.index);
  const sections = starts.map((m, i) => body.slice(m.index, starts[i + 1]?.index ?? body.length).trimEnd());
  return { intro, sections };
}

/** The statement with only the unlocked stages (1-based count) visible. */
export function visibleStatement(statement: StagedStatement, unlockedStages: number): string {
  if (statement.sections.length === 0) return statement.intro;
  return [statement.intro.trimEnd(), ...statement.sections.slice(0, Math.max(1, unlockedStages))].join('\n\n');
}

/** The stage (1-based) a test belongs to, from its top-level describe title "Stage n: …"; null if none. */
export function stageOfTest(test: Pick<StagedTest, 'path'>): number | null {
  const m = test.path[0]?.match(/^Stage (\d+):/);
  return m ? Number(m[1]) : null;
}

export interface StageSummary {
  stage: number;
  passed: number;
  total: number;
}

export function summariseStages(tests: readonly StagedTest[], stageCount: number): StageSummary[] {
  const summaries = Array.from({ length: stageCount }, (_, i) => ({ stage: i + 1, passed: 0, total: 0 }));
  for (const test of tests) {
    const s = summaries[(stageOfTest(test) ?? 0) - 1];
    if (!s) continue;
    s.total += 1;
    if (test.status === 'passed') s.passed += 1;
  }
  return summaries;
}

/**
 * How many stages are unlocked after a Submit: one more than the longest prefix of stages whose hidden
 * tests all pass, never fewer than before (a later edit that breaks stage 1 does not hide stage 2 again).
 */
export function unlockedAfterSubmit(previouslyUnlocked: number, tests: readonly StagedTest[], stageCount: number): number {
  let allPassingPrefix = 0;
  for (const s of summariseStages(tests, stageCount)) {
    if (s.total === 0 || s.passed !== s.total) break;
    allPassingPrefix = s.stage;
  }
  return Math.min(stageCount, Math.max(previouslyUnlocked, allPassingPrefix + 1, 1));
}
