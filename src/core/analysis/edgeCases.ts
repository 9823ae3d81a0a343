/**
 * Counting the edge cases a candidate wrote down before coding. People list them in two places: the plan
 * notes (a Markdown list) and, as in CoderPad, comment lines at the top of the editor. Both count, and only
 * until the first real line of code: a change to a line that is not a comment.
 *
 * The rule, as the replay page states it next to the figure (EDGE_CASE_RULE): every non-empty list item
 * in the plan notes plus every non-empty comment line above the editor's first line of code, counted when
 * the first line of code is typed; comment lines that were already in the starter do not count.
 */
import { countListItems } from './planNotes';

export const EDGE_CASE_RULE =
  'Counted when you first typed code (a change to a line that is not a comment): each non-empty list item in the plan notes ' +
  '(a line starting with -, *, + or 1.) plus each non-empty comment line (// or /* */) above the first line of code in the editor. ' +
  'Comment lines the starter already had do not count.';

interface ScannedLine {
  /** Code on the line outside comments and with whitespace removed ('' for a blank or comment-only line). */
  code: string;
  /** The line's comment text, markers (`//`, `/*`, `*`, `*\/`) and surrounding space removed. */
  comment: string;
}

type Mode = 'code' | 'line-comment' | 'block-comment' | "'" | '"' | '`';

/**
 * Splits TypeScript source into code and comments per line. A small scanner, not a parser: strings and
 * template literals are skipped so a `//` inside one is not a comment (template `${}` nesting is not
 * followed, which only matters for comment markers inside such an expression).
 */
function scanLines(source: string): ScannedLine[] {
  const lines: ScannedLine[] = [];
  let mode: Mode = 'code';
  let code = '';
  let comment = '';
  const endLine = () => {
    lines.push({ code, comment: cleanComment(comment) });
    code = '';
    comment = '';
    if (mode === 'line-comment') mode = 'code';
  };
  const text = source.replace(/\r\n?/g, '\n');
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\n') {
      // A plain string cannot span lines; an unterminated one ends here, as TypeScript would report it.
      if (mode === "'" || mode === '"') mode = 'code';
      endLine();
      continue;
    }
    switch (mode) {
      case 'code':
        if (c === '/' && next === '/') {
          mode = 'line-comment';
          i++;
        } else if (c === '/' && next === '*') {
          mode = 'block-comment';
          i++;
        } else {
          if (c === "'" || c === '"' || c === '`') mode = c;
          if (!/\s/.test(c)) code += c;
        }
        break;
      case 'line-comment':
        comment += c;
        break;
      case 'block-comment':
        if (c === '*' && next === '/') {
          mode = 'code';
          i++;
        } else comment += c;
        break;
      default:
        code += c;
        if (c === '\\') {
          if (next !== undefined && next !== '\n') code += next;
          i++;
        } else if (c === mode) mode = 'code';
    }
  }
  endLine();
  return lines;
}

function cleanComment(raw: string): string {
  return raw.replace(/^\s*\*+(?!\/)/, '').trim();
}

/** The source's code with comments and whitespace removed: two texts with the same signature differ only in comments or layout. */
export function codeSignature(source: string): string {
  return (
    scanLines(source)
      // A lone "/" is a comment being typed ("//" is one keystroke away), not a first line of code.
      .map((l) => (l.code === '/' ? '' : l.code))
      .join('')
  );
}

/** True when an edit from `before` to `after` changed code, not just comments or whitespace. */
export function isCodeChange(before: string, after: string): boolean {
  return codeSignature(before) !== codeSignature(after);
}

/** Non-empty comment lines above the first line that holds code. */
export function leadingCommentLines(source: string): string[] {
  const out: string[] = [];
  for (const line of scanLines(source)) {
    if (line.code !== '' && line.code !== '/') break;
    if (line.comment !== '') out.push(line.comment);
  }
  return out;
}

/** The candidate's own leading comment lines: those of `code` minus (as a multiset) those of the starter. */
export function editorEdgeCases(code: string, starter: string): number {
  const fromStarter = new Map<string, number>();
  for (const line of leadingCommentLines(starter)) fromStarter.set(line, (fromStarter.get(line) ?? 0) + 1);
  let count = 0;
  for (const line of leadingCommentLines(code)) {
    const left = fromStarter.get(line) ?? 0;
    if (left > 0) fromStarter.set(line, left - 1);
    else count++;
  }
  return count;
}

/** Edge cases written down so far: plan-note list items plus the candidate's leading comment lines in the editor. */
export function countEdgeCases(input: { notes: string; code: string; starter: string }): number {
  return countListItems(input.notes) + editorEdgeCases(input.code, input.starter);
}
