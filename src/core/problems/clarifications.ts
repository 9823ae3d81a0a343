/**
 * clarifications.md, shared by design and coding problems (problems/README.md, "Clarifying questions"):
 * each `## ` heading is a question a strong candidate asks, the Markdown under it the interviewer's answer,
 * revealed only when asked. A design problem's answer may end with `Scratchpad:` lines (values for its
 * estimation scratchpad); a coding problem has no scratchpad, so `npm run check:problems` refuses them there.
 */
import { lines, sections, tidy, where } from './markdownSections';
import { ProblemFormatError } from './parseProblem';

/** One clarifying question and the interviewer's sample answer (Markdown, revealed on request). */
export interface Clarification {
  question: string;
  answer: string;
  /** Scratchpad inputs the answer gives a value for (its `Scratchpad:` line), offered when it is revealed. */
  fills: ScratchpadFill[];
}

/** A value for one of the scratchpad's named inputs, e.g. newLinksPerDay = 500_000_000. */
export interface ScratchpadFill {
  input: string;
  /** A TypeScript number literal, as written in the file. */
  value: string;
}

/**
 * Parses clarifications.md: each `## ` heading is a question a strong candidate asks; the text under it
 * (one or more paragraphs, up to the next `## `) is the interviewer's answer.
 */
export function parseClarifications(md: string, source?: string): Clarification[] {
  const at = where(source, 'clarifications.md');
  const found = sections(lines(md), 2);
  if (found.length === 0) {
    throw new ProblemFormatError(`${at} has no "## " questions`);
  }
  const seen = new Set<string>();
  return found.map((s) => {
    if (s.heading === '') throw new ProblemFormatError(`${at} line ${s.line}: a "## " question is empty`);
    const key = s.heading.toLowerCase();
    if (seen.has(key)) throw new ProblemFormatError(`${at} line ${s.line}: the question "${s.heading}" appears twice`);
    seen.add(key);
    const { rest, fills } = takeFills(s.body, at, s.line);
    const answer = tidy(rest);
    if (answer === '') {
      throw new ProblemFormatError(`${at} line ${s.line}: the question "${s.heading}" has no answer under it`);
    }
    return { question: s.heading, answer, fills };
  });
}

const FILL_LINE = /^Scratchpad:\s*(.*)$/;
const FILL = /^([A-Za-z_$][\w$]*)\s*=\s*(-?(?:\d[\d_]*)?(?:\.\d+)?(?:e[+-]?\d+)?)$/;

/** Splits `Scratchpad: a = 1; b = 2` lines off a section body; a malformed one is an error, never ignored. */
export function takeFills(body: string[], at: string, headingLine: number): { rest: string[]; fills: ScratchpadFill[] } {
  const rest: string[] = [];
  const fills: ScratchpadFill[] = [];
  body.forEach((raw, i) => {
    const m = FILL_LINE.exec(raw.trim());
    if (!m) {
      rest.push(raw);
      return;
    }
    for (const part of m[1]!.split(';').map((p) => p.trim()).filter(Boolean)) {
      const f = FILL.exec(part);
      if (!f || !/\d/.test(f[2]!)) {
        throw new ProblemFormatError(`${at} line ${headingLine + 1 + i}: "${part}" is not "name = number" (a Scratchpad: line lists inputs like "newLinksPerDay = 500_000_000; codeLength = 7")`);
      }
      fills.push({ input: f[1]!, value: f[2]! });
    }
  });
  return { rest, fills };
}

