/**
 * Parsing of the files only a design problem has (the format is in problems/README.md, "Design problems"):
 * rubric.md, notes-template.md, reference-answer.md, and a static check of scratchpad.ts (clarifications.md,
 * which coding problems may have too, is parsed in clarifications.ts).
 *
 * Pure: no Node or DOM APIs, so the app and scripts/check-problems.ts can share it.
 * Errors are ProblemFormatError and name the problem (when `source` is given), the file and what is wrong.
 */
import { takeFills, type ScratchpadFill } from './clarifications';
import { lines, sections, tidy, where } from './markdownSections';
import { ProblemFormatError } from './parseProblem';

/** One section of reference-answer.md: what a strong answer says in that part of the interview. */
export interface ReferenceSection {
  heading: string;
  /** Markdown. */
  body: string;
}

/** What a strong answer contains, shown only in the review and the replay. */
export interface ReferenceAnswer {
  sections: ReferenceSection[];
  /** The inputs a strong answer assumes (its `Scratchpad:` lines), so every input has a worked value. */
  fills: ScratchpadFill[];
}

export type RubricLevel = 'excellent' | 'good' | 'needsWork';

/** One part of the evaluation rubric, e.g. Communication (25%). */
export interface RubricPart {
  /** Heading text without the weight, e.g. "Problem solving". */
  part: string;
  /** Percentage of the overall score, e.g. 25. */
  weight: number;
  /** What each level looks like for this problem (Markdown). */
  levels: Record<RubricLevel, string>;
}

/** One section of the notes editor's starting text: a protocol phase and a line of guidance. */
export interface NotesSection {
  phase: string;
  guidance: string;
}

/** The four rubric parts, in the order rubric.md must list them. */
export const RUBRIC_PARTS: readonly string[] = ['Communication', 'Problem solving', 'Technical design', 'Depth of knowledge'];

/** The `### ` headings each rubric part must have, in this order. */
export const RUBRIC_LEVEL_HEADINGS: ReadonlyArray<readonly [RubricLevel, string]> = [
  ['excellent', 'Excellent'],
  ['good', 'Good'],
  ['needsWork', 'Needs work'],
];

/** Parses reference-answer.md: `## ` sections of what a strong answer says, and its `Scratchpad:` lines. */
export function parseReferenceAnswer(md: string, source?: string): ReferenceAnswer {
  const at = where(source, 'reference-answer.md');
  const found = sections(lines(md), 2);
  if (found.length === 0) throw new ProblemFormatError(`${at} has no "## " sections`);
  const fills: ScratchpadFill[] = [];
  const result = found.map((s) => {
    const taken = takeFills(s.body, at, s.line);
    fills.push(...taken.fills);
    const body = tidy(taken.rest);
    if (body === '') throw new ProblemFormatError(`${at} line ${s.line}: the section "${s.heading}" is empty`);
    return { heading: s.heading, body };
  });
  return { sections: result, fills };
}

/** The `const inputs = { … }` block of a scratchpad: each named input and the value it holds (text). */
export function scratchpadInputs(code: string): Array<{ input: string; value: string }> {
  const block = /const inputs\b[^=]*=\s*\{([\s\S]*?)\n\};/.exec(code);
  if (!block) return [];
  const result: Array<{ input: string; value: string }> = [];
  for (const line of block[1]!.split('\n')) {
    const m = /^\s*([A-Za-z_$][\w$]*)\s*:\s*([^,]*?)\s*,?\s*(\/\/.*)?$/.exec(line);
    if (m) result.push({ input: m[1]!, value: m[2]! });
  }
  return result;
}

/**
 * The scratchpad with `input` set to `value` in its inputs block (the rest of the text untouched), or
 * null when it has no such input (the candidate renamed or deleted it).
 */
export function fillScratchpadInput(code: string, input: string, value: string): string | null {
  const block = /const inputs\b[^=]*=\s*\{([\s\S]*?)\n\};/.exec(code);
  if (!block) return null;
  const body = block[1]!;
  const start = block.index + block[0].length - '\n};'.length - body.length;
  const line = new RegExp(`^(\\s*${input.replace(/\$/g, '\\$')}\\s*:\\s*)([^,\\n]*?)(\\s*,?\\s*(?://.*)?)$`, 'm');
  const m = line.exec(body);
  if (!m) return null;
  const at = start + m.index + m[1]!.length;
  return code.slice(0, at) + value + code.slice(at + m[2]!.length);
}

/**
 * Parses rubric.md: exactly the four RUBRIC_PARTS, in order, each as `## <part> (<weight>%)`, with the
 * weights adding up to 100; under each, `### Excellent`, `### Good` and `### Needs work`, in order, each
 * followed by a non-empty description.
 */
export function parseRubric(md: string, source?: string): RubricPart[] {
  const at = where(source, 'rubric.md');
  const text = lines(md);
  const parts = sections(text, 2);
  const names = parts.map((p) => p.heading.replace(/\s*\(.*\)\s*$/, ''));
  const expected = RUBRIC_PARTS.join(', ');
  if (parts.length !== RUBRIC_PARTS.length || names.some((n, i) => n.toLowerCase() !== RUBRIC_PARTS[i]!.toLowerCase())) {
    throw new ProblemFormatError(
      `${at} must have exactly these "## " parts, in this order: ${expected}; found: ${names.join(', ') || 'none'}`,
    );
  }

  const result = parts.map((p, i): RubricPart => {
    const m = /^(.*?)\s*\((\d+(?:\.\d+)?)\s*%\)$/.exec(p.heading);
    if (!m) {
      throw new ProblemFormatError(
        `${at} line ${p.line}: the heading "${p.heading}" must end with its weight, e.g. "## ${RUBRIC_PARTS[i]} (25%)"`,
      );
    }
    const weight = Number(m[2]);
    if (!(weight > 0)) {
      throw new ProblemFormatError(`${at} line ${p.line}: the weight of "${m[1]}" must be more than 0%`);
    }
    const levelSections = sections(p.body, 3, p.line + 1);
    const levelNames = levelSections.map((s) => s.heading);
    const wanted = RUBRIC_LEVEL_HEADINGS.map(([, h]) => h);
    if (
      levelNames.length !== wanted.length ||
      levelNames.some((n, j) => n.toLowerCase() !== wanted[j]!.toLowerCase())
    ) {
      throw new ProblemFormatError(
        `${at} line ${p.line}: "${m[1]}" must have "### " levels ${wanted.join(', ')} in this order; found: ${
          levelNames.join(', ') || 'none'
        }`,
      );
    }
    const levels = {} as Record<RubricLevel, string>;
    levelSections.forEach((s, j) => {
      const description = tidy(s.body);
      if (description === '') {
        throw new ProblemFormatError(`${at} line ${s.line}: "${m[1]}" level "${s.heading}" has no description`);
      }
      levels[RUBRIC_LEVEL_HEADINGS[j]![0]] = description;
    });
    return { part: RUBRIC_PARTS[i]!, weight, levels };
  });

  const total = result.reduce((sum, p) => sum + p.weight, 0);
  if (Math.abs(total - 100) > 1e-9) {
    throw new ProblemFormatError(`${at}: the weights must add up to 100%, but they add up to ${total}%`);
  }
  return result;
}

/**
 * Parses notes-template.md: one `## <phase>` section per phase, each with a line (or more) of guidance.
 * @param phases when given (the names of the problem's protocol phases, in order), the headings must
 *   be exactly these, in this order (compared without regard to case).
 */
export function parseNotesTemplate(md: string, phases?: readonly string[], source?: string): NotesSection[] {
  const at = where(source, 'notes-template.md');
  const found = sections(lines(md), 2);
  if (found.length === 0) throw new ProblemFormatError(`${at} has no "## " phase sections`);
  if (phases) {
    const names = found.map((s) => s.heading);
    if (names.length !== phases.length || names.some((n, i) => n.toLowerCase() !== phases[i]!.toLowerCase())) {
      throw new ProblemFormatError(
        `${at} must have one "## " section per phase, in order: ${phases.join(', ')}; found: ${names.join(', ')}`,
      );
    }
  }
  return found.map((s) => {
    const guidance = tidy(s.body);
    if (guidance === '') {
      throw new ProblemFormatError(`${at} line ${s.line}: the phase "${s.heading}" has no guidance line`);
    }
    return { phase: s.heading, guidance };
  });
}

/**
 * Static check of scratchpad.ts: it must be a plain script (no `import`/`export`, no `require`) that
 * prints something with console.log. Running it is the caller's job (e.g. `npx tsx` in the check script).
 */
export function checkScratchpad(code: string, source?: string): void {
  const at = where(source, 'scratchpad.ts');
  const text = lines(code);
  text.forEach((raw, i) => {
    if (/^\s*(import|export)\b/.test(raw)) {
      throw new ProblemFormatError(`${at} line ${i + 1}: a scratchpad is a plain script; "import"/"export" are not allowed`);
    }
    if (/\brequire\s*\(/.test(raw) && !/^\s*\/\//.test(raw)) {
      throw new ProblemFormatError(`${at} line ${i + 1}: a scratchpad cannot load modules with require()`);
    }
  });
  if (!/\bconsole\.log\s*\(/.test(code)) {
    throw new ProblemFormatError(`${at} never calls console.log, so running it would print nothing`);
  }
}
