/**
 * Counting the edge cases a candidate wrote down before coding. People list them in two places: the plan
 * notes (a Markdown list) and, as in CoderPad, comment lines at the top of the editor. Both count, and only
 * until the first real line of code: a change to a line that is not a comment.
 *
 * The rule, as the replay page states it next to the figure (EDGE_CASE_RULE): every non-empty list item
 * in the plan notes plus every non-empty comment line above the editor's first line of code, counted when
 * code is first typed (an inserted character outside comments); comment lines already in the starter do not count.
 */
import { countListItems } from './planNotes';
import { diffAsChange } from '../session/textDiff';

export const EDGE_CASE_RULE =
  'Counted when you first typed code (anything typed outside a comment): each non-empty list item in the plan notes ' +
  '(a line starting with -, *, + or 1.) plus each non-empty comment line (// or /* */) above the first line of code in the editor. ' +
  'Comment lines the starter already had do not count.';

/** Per character of the text: true where it is code (outside comments and comment markers, not whitespace). */
function codeMask(source: string): boolean[] {
  const mask: boolean[] = new Array<boolean>(source.length).fill(false);
  let mode: Mode = 'code';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '\n') {
      if (mode === 'line-comment' || mode === "'" || mode === '"') mode = 'code';
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
          mask[i] = !/\s/.test(c);
        }
        break;
      case 'line-comment':
        break;
      case 'block-comment':
        if (c === '*' && next === '/') {
          mode = 'code';
          i++;
        }
        break;
      default:
        mask[i] = true;
        if (c === '\\') {
          mask[i + 1] = next !== undefined && next !== '\n';
          i++;
        } else if (c === mode) mode = 'code';
    }
  }
  return mask;
}

/**
 * True when going from `before` to `after` typed code: some inserted character sits in code, not in a
 * comment. A lone "/" never counts (it is how every comment starts), and neither does deleting: typing
 * "/" in front of a starter's "/**" turns the rest of that comment into code for a keystroke, which is not
 * the candidate writing code.
 */
export function typedCode(before: string, after: string): boolean {
  const change = diffAsChange(before, after);
  if (!change || change.insert.length === 0) return false;
  const mask = codeMask(after);
  for (let i = change.offset; i < change.offset + change.insert.length; i++) {
    if (mask[i] && after[i] !== '/') return true;
  }
  return false;
}

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
