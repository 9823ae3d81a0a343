/**
 * The checks of `npm run check:problems` that need no test run: a folder's files, front matter, follow-ups,
 * a single-file problem's test imports and mutant headers, a design problem's materials; and the variants
 * of a single-file problem (solution.ts beside the tests). A codebase problem's own checks are in
 * codebase.ts / codebaseCheck.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseClarifications } from '../../src/core/problems/clarifications';
import { checkScratchpad, parseNotesTemplate, parseRubric } from '../../src/core/problems/parseDesign';
import { parseFollowUps, parseFrontMatter } from '../../src/core/problems/parseProblem';
import type { ProblemMeta } from '../../src/core/problems/types';
import { findProtocol } from '../../src/core/timer/protocols';
import { importSpecifiers, MIN_MUTANTS } from './codebase';
import { checkDesignMaterials } from './designMaterials';
import { TEST_FILES, type Variant } from './mocha';
import { hasTestsIn, isCodebase, ROOT } from './shared';
import { TESTKIT_MODULE } from '../../src/runner/compile/testkitShim';

export const CODING_FILES = ['starter.ts', 'reference.ts', ...TEST_FILES];
const ALLOWED_IMPORTS = new Set(['chai', 'fast-check', TESTKIT_MODULE, './solution']);

export interface FolderFacts {
  meta?: ProblemMeta;
  codebase: boolean;
  coding: boolean;
  /** A single-file problem's mutants/*.ts, sorted. */
  mutantFiles: string[];
}

/** Static checks that need no process; violations are appended to `v`. */
export function checkFolder(problemsDir: string, id: string, v: string[]): FolderFacts {
  const dir = path.join(problemsDir, id);
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
  const codebase = isCodebase(problemsDir, id);
  const coding = meta?.kind === 'coding' || hasTestsIn(problemsDir, id);
  if (codebase && meta && meta.format !== 'codebase') v.push('has project/ but its front matter lacks "format: codebase" (and "features:")');
  if (!codebase && meta?.format === 'codebase') v.push('front matter says "format: codebase" but the folder has no project/<language>/');
  const mutantsDir = path.join(dir, 'mutants');
  const mutantFiles =
    !codebase && existsSync(mutantsDir)
      ? readdirSync(mutantsDir)
          .filter((f) => f.endsWith('.ts'))
          .sort()
      : [];
  if (coding && !codebase) checkSingleFile(dir, mutantFiles, v);
  if (coding) checkCodingClarifications(dir, id, v);
  if (meta?.kind === 'design') checkDesignFiles(dir, id, meta, v);
  return { meta, codebase, coding, mutantFiles };
}

function checkSingleFile(dir: string, mutantFiles: string[], v: string[]): void {
  for (const file of CODING_FILES) {
    if (!existsSync(path.join(dir, file))) v.push(`missing ${file} (required for a coding problem)`);
  }
  if (mutantFiles.length < MIN_MUTANTS) {
    v.push(`has ${mutantFiles.length} mutants in mutants/; at least ${MIN_MUTANTS} are required`);
  }
  for (const file of mutantFiles) {
    const first = readFileSync(path.join(dir, 'mutants', file), 'utf8').split('\n', 1)[0] ?? '';
    if (!/^\/\/ Mutant: \S/.test(first)) v.push(`mutants/${file}: first line must be "// Mutant: <the bug>"`);
  }
  for (const file of TEST_FILES) {
    const full = path.join(dir, file);
    if (!existsSync(full)) continue;
    for (const spec of importSpecifiers(readFileSync(full, 'utf8'))) {
      if (!ALLOWED_IMPORTS.has(spec)) v.push(`${file} imports "${spec}"; tests may import only chai, fast-check, ${TESTKIT_MODULE} and ./solution`);
    }
  }
}

/**
 * A coding problem's clarifications.md is optional; when present it parses like a design problem's (at least
 * one question, each with an answer) and gives no scratchpad values: a coding problem has no scratchpad.
 */
function checkCodingClarifications(dir: string, id: string, v: string[]): void {
  const full = path.join(dir, 'clarifications.md');
  if (!existsSync(full)) return;
  try {
    for (const c of parseClarifications(readFileSync(full, 'utf8'), id)) {
      if (c.fills.length > 0) v.push(`clarifications.md: the answer to "${c.question}" has a Scratchpad: line, but a coding problem has no scratchpad`);
    }
  } catch (err) {
    v.push(`clarifications.md: ${(err as Error).message}`);
  }
}

/** A design problem's own files parse, its notes follow its protocol's phases, and its scratchpad runs. */
function checkDesignFiles(dir: string, id: string, meta: ProblemMeta, v: string[]): void {
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

/** A single-file problem's variants, each as solution.ts beside the test files in `<workDir>/<id>/<variant>/`. */
export function prepareSingleFile(problemsDir: string, workDir: string, id: string, mutantFiles: string[]): Variant[] {
  const src = path.join(problemsDir, id);
  const base = path.join(workDir, id);
  const variants: (Variant & { source: string })[] = [
    { name: 'reference', label: 'reference', dir: path.join(base, 'reference'), source: path.join(src, 'reference.ts') },
    { name: 'starter', label: 'starter', dir: path.join(base, 'starter'), source: path.join(src, 'starter.ts') },
    ...mutantFiles.map((file) => ({
      name: `mutant:${file.replace(/\.ts$/, '')}`,
      label: `mutants/${file}`,
      dir: path.join(base, `mutant-${file.replace(/\.ts$/, '')}`),
      source: path.join(src, 'mutants', file),
    })),
  ];
  for (const variant of variants) {
    mkdirSync(variant.dir, { recursive: true });
    copyFileSync(variant.source, path.join(variant.dir, 'solution.ts'));
    for (const file of TEST_FILES) copyFileSync(path.join(src, file), path.join(variant.dir, file));
  }
  return variants.map(({ name, label, dir }) => ({ name, label, dir }));
}
