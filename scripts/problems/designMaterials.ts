/**
 * The design-materials check of `npm run check:problems` (issue 15): a design problem's notes template and
 * scratchpad must not give its answers away. The template holds only section headings and the question
 * each section answers; the scratchpad's inputs start empty, and no number in it is a figure from the
 * interviewer's answers or the reference answer. With every input filled (from the clarifications and the
 * reference answer's assumptions) the scratchpad must run and print its estimates.
 *
 * `designMaterialViolations` is pure (unit-tested); `checkDesignMaterials` reads the files and runs the
 * filled scratchpad.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseClarifications } from '../../src/core/problems/clarifications';
import { fillScratchpadInput, parseNotesTemplate, parseReferenceAnswer, scratchpadInputs } from '../../src/core/problems/parseDesign';

export interface DesignMaterials {
  notesTemplate: string;
  scratchpad: string;
  clarifications: string;
  referenceAnswer: string;
}

const MULTIPLIERS: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, billion: 1e9, b: 1e9, trillion: 1e12 };

/**
 * Numbers a scratchpad needs whatever the problem (unit conversions, percentages, small counts): they are
 * never taken as giving an answer away.
 */
const UNIT_CONSTANTS = new Set([...Array.from({ length: 11 }, (_, i) => i), 24, 60, 100, 365, 1e3, 1e6, 1e9, 1e12, 1e15]);

/** Every figure written in a text: "500 million" gives 500 and 5e8; "10,000" gives 10000; "62^7" gives 62 and 7. */
export function figuresIn(text: string): Set<number> {
  const figures = new Set<number>();
  for (const m of text.matchAll(/(\d[\d,_]*(?:\.\d+)?(?:e[+-]?\d+)?)\s*(thousand|million|billion|trillion|k|m|b)?\b/gi)) {
    const value = Number(m[1]!.replace(/[,_]/g, ''));
    if (!Number.isFinite(value)) continue;
    figures.add(value);
    const unit = m[2]?.toLowerCase();
    if (unit && MULTIPLIERS[unit]) figures.add(value * MULTIPLIERS[unit]);
  }
  return figures;
}

/** Numeric literals of TypeScript code, comments included (a comment can give a figure away too). */
function literalsIn(code: string): Array<{ value: number; line: number; text: string }> {
  const found: Array<{ value: number; line: number; text: string }> = [];
  code.split('\n').forEach((raw, i) => {
    for (const m of raw.matchAll(/(?<![\w.])(\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?)(?![\w.])/gi)) {
      found.push({ value: Number(m[1]!.replace(/_/g, '')), line: i + 1, text: m[1]! });
    }
  });
  return found;
}

export function designMaterialViolations(m: DesignMaterials, phases?: readonly string[]): string[] {
  const v: string[] = [];
  const clarifications = parseClarifications(m.clarifications);
  const reference = parseReferenceAnswer(m.referenceAnswer);
  const answerText = [
    ...clarifications.map((c) => c.answer),
    ...clarifications.flatMap((c) => c.fills.map((f) => f.value)),
    ...reference.sections.map((s) => s.body),
    ...reference.fills.map((f) => f.value),
  ].join('\n');
  const figures = figuresIn(answerText);

  m.notesTemplate.split('\n').forEach((line, i) => {
    if (/\d/.test(line)) v.push(`notes-template.md line ${i + 1} holds a number ("${line.trim()}"): a template asks questions and gives no figures`);
  });
  for (const section of parseNotesTemplate(m.notesTemplate, phases)) {
    if (section.guidance.includes('\n') || !section.guidance.trim().endsWith('?')) {
      v.push(`notes-template.md: the "${section.phase}" section must be one question (ending with "?"), not an answer: "${section.guidance.split('\n')[0]}"`);
    }
  }

  const inputs = scratchpadInputs(m.scratchpad);
  if (inputs.length === 0) v.push('scratchpad.ts has no "const inputs = { … }" block of named inputs');
  for (const input of inputs) {
    if (input.value !== 'null') v.push(`scratchpad.ts: the input "${input.input}" starts as ${input.value}; every input starts empty (null)`);
  }
  for (const literal of literalsIn(m.scratchpad)) {
    if (!UNIT_CONSTANTS.has(literal.value) && figures.has(literal.value)) {
      v.push(`scratchpad.ts line ${literal.line}: ${literal.text} is a figure from the interviewer's or the reference answer`);
    }
  }
  const fillable = new Set([...clarifications, reference].flatMap((x) => x.fills.map((f) => f.input)));
  for (const input of inputs) {
    if (!fillable.has(input.input)) v.push(`scratchpad.ts: no clarification or reference-answer "Scratchpad:" line gives a value for "${input.input}"`);
  }
  for (const name of fillable) {
    if (!inputs.some((i) => i.input === name)) v.push(`a "Scratchpad:" line fills "${name}", which scratchpad.ts has no input for`);
  }
  return v;
}

/** The scratchpad with every input filled from the clarifications and the reference answer. */
export function filledScratchpad(m: DesignMaterials): string {
  const fills = [...parseClarifications(m.clarifications).flatMap((c) => c.fills), ...parseReferenceAnswer(m.referenceAnswer).fills];
  return fills.reduce((code, f) => fillScratchpadInput(code, f.input, f.value) ?? code, m.scratchpad);
}

/** Reads a design problem's files, checks them, and runs its filled scratchpad; returns the violations. */
export function checkDesignMaterials(dir: string, phases?: readonly string[]): string[] {
  const files = { notesTemplate: 'notes-template.md', scratchpad: 'scratchpad.ts', clarifications: 'clarifications.md', referenceAnswer: 'reference-answer.md' };
  const missing = Object.values(files).filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length > 0) return missing.map((f) => `missing ${f} (required for a design problem)`);
  const m = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, readFileSync(path.join(dir, f), 'utf8')])) as unknown as DesignMaterials;
  let violations: string[];
  try {
    violations = designMaterialViolations(m, phases);
  } catch (err) {
    return [(err as Error).message];
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'rehearse-scratchpad-'));
  try {
    const file = path.join(tmp, 'scratchpad.ts');
    writeFileSync(file, filledScratchpad(m));
    const result = spawnSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8', timeout: 20_000 });
    if (result.status !== 0) violations.push(`scratchpad.ts with every input filled does not run: ${(result.stderr || String(result.error)).trim().split('\n')[0]}`);
    else if (/still empty/.test(result.stdout) || !/\d/.test(result.stdout)) violations.push('scratchpad.ts with every input filled prints no estimates');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return violations;
}
