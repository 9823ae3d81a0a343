/**
 * Counting the edge cases a candidate wrote down before coding. People list them in two places: the plan
 * notes (a Markdown list) and, as in CoderPad, comment lines at the top of the editor. Both count, and only
 * until the first real line of code: a change to a line that is not a comment.
 *
 * The rule, as the replay page states it next to the figure (EDGE_CASE_RULE): every non-empty list item
 * in the plan notes plus every non-empty comment line above the first line of code of each code file,
 * counted when code is first typed (an inserted character outside comments, in any code file); comment
 * lines already in the starter do not count. Comments are read in the file's language (the registry's
 * comment markers: `//` and `/* *\/` in TypeScript, `#` in Python); a file of no language has none.
 */
import { LANGUAGE_SPECS, languageOfPath } from '../languages/registry';
import { countListItems } from './planNotes';
import { diffAsChange } from '../session/textDiff';

export const EDGE_CASE_RULE =
  'Counted when you first typed code (anything typed outside a comment, in any file of your code): each non-empty list item in the plan notes ' +
  '(a line starting with -, *, + or 1.) plus each non-empty comment line (// or /* */ in TypeScript, # in Python) above the first line of code ' +
  'in each file. Comment lines the starter already had do not count.';

/** How a language writes comments and strings, as the scanner below needs it (from the language registry). */
export interface CommentSyntax {
  line: string;
  block: readonly [open: string, close: string] | null;
  /** Characters that open a string; ' and " end at the line's end, any other may span lines. */
  quotes: string;
}

function syntaxOf(language: keyof typeof LANGUAGE_SPECS): CommentSyntax {
  const spec = LANGUAGE_SPECS[language];
  return { line: spec.lineComment, block: spec.blockComment, quotes: spec.stringQuotes };
}

export const TYPESCRIPT_COMMENTS: CommentSyntax = syntaxOf('typescript');

/** The comment syntax of a project file by its path; null for a file of no known language (a README). */
export function commentSyntaxOfPath(path: string): CommentSyntax | null {
  const language = languageOfPath(path);
  return language ? syntaxOf(language) : null;
}

/**
 * The first character of a line-comment marker of more than one ('/' of '//'): typed alone it is a
 * comment being started, not code.
 */
const commentStart = (syntax: CommentSyntax): string | null => (syntax.line.length > 1 ? syntax.line[0]! : null);

interface ScannedLine {
  /** Code on the line outside comments and with whitespace removed ('' for a blank or comment-only line). */
  code: string;
  /** The line's comment text, markers (`//`, `/*`, `*`, `*\/`) and surrounding space removed. */
  comment: string;
}

interface Scan {
  /** Per character: true where it is code (outside comments and comment markers, not whitespace; strings are code). */
  mask: boolean[];
  lines: ScannedLine[];
}

/**
 * Splits source into code and comments, per character and per line. A small scanner, not a parser: strings
 * are skipped so a comment marker inside one is not a comment (a template's `${}` nesting is not followed,
 * which only matters for comment markers inside such an expression).
 */
function scan(source: string, syntax: CommentSyntax): Scan {
  const mask: boolean[] = new Array<boolean>(source.length).fill(false);
  const lines: ScannedLine[] = [];
  const [blockOpen, blockClose] = syntax.block ?? [null, null];
  let mode: 'code' | 'line-comment' | 'block-comment' | 'string' = 'code';
  let quote = '';
  let code = '';
  let comment = '';
  const endLine = () => {
    lines.push({ code, comment: cleanComment(comment) });
    code = '';
    comment = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '\n') {
      // A plain string cannot span lines; an unterminated one ends here, as the compiler would report it.
      if (mode === 'line-comment' || (mode === 'string' && (quote === "'" || quote === '"'))) mode = 'code';
      endLine();
      continue;
    }
    switch (mode) {
      case 'code':
        if (source.startsWith(syntax.line, i)) {
          mode = 'line-comment';
          i += syntax.line.length - 1;
        } else if (blockOpen !== null && source.startsWith(blockOpen, i)) {
          mode = 'block-comment';
          i += blockOpen.length - 1;
        } else {
          if (syntax.quotes.includes(c)) {
            mode = 'string';
            quote = c;
          }
          if (!/\s/.test(c)) {
            mask[i] = true;
            code += c;
          }
        }
        break;
      case 'line-comment':
        comment += c;
        break;
      case 'block-comment':
        if (blockClose !== null && source.startsWith(blockClose, i)) {
          mode = 'code';
          i += blockClose.length - 1;
        } else comment += c;
        break;
      case 'string':
        mask[i] = true;
        code += c;
        if (c === '\\') {
          if (next !== undefined && next !== '\n') {
            mask[i + 1] = true;
            code += next;
          }
          i++;
        } else if (c === quote) mode = 'code';
    }
  }
  endLine();
  return { mask, lines };
}

/**
 * True when going from `before` to `after` typed code: some inserted character sits in code, not in a
 * comment. A lone "/" never counts (it is how every TypeScript comment starts), and neither does deleting:
 * typing "/" in front of a starter's "/**" turns the rest of that comment into code for a keystroke, which
 * is not the candidate writing code.
 */
export function typedCode(before: string, after: string, syntax: CommentSyntax = TYPESCRIPT_COMMENTS): boolean {
  const change = diffAsChange(before, after);
  if (!change || change.insert.length === 0) return false;
  const { mask } = scan(after, syntax);
  const start = commentStart(syntax);
  for (let i = change.offset; i < change.offset + change.insert.length; i++) {
    if (mask[i] && after[i] !== start) return true;
  }
  return false;
}

function cleanComment(raw: string): string {
  return raw.replace(/^\s*\*+(?!\/)/, '').trim();
}

/** Non-empty comment lines above the first line that holds code. */
export function leadingCommentLines(source: string, syntax: CommentSyntax = TYPESCRIPT_COMMENTS): string[] {
  const out: string[] = [];
  const start = commentStart(syntax);
  for (const line of scan(source.replace(/\r\n?/g, '\n'), syntax).lines) {
    if (line.code !== '' && line.code !== start) break;
    if (line.comment !== '') out.push(line.comment);
  }
  return out;
}

/** The candidate's own leading comment lines: those of `code` minus (as a multiset) those of the starter. */
export function editorEdgeCases(code: string, starter: string, syntax: CommentSyntax = TYPESCRIPT_COMMENTS): number {
  const fromStarter = new Map<string, number>();
  for (const line of leadingCommentLines(starter, syntax)) fromStarter.set(line, (fromStarter.get(line) ?? 0) + 1);
  let count = 0;
  for (const line of leadingCommentLines(code, syntax)) {
    const left = fromStarter.get(line) ?? 0;
    if (left > 0) fromStarter.set(line, left - 1);
    else count++;
  }
  return count;
}

/** Edge cases written down so far: plan-note list items plus the candidate's leading comment lines in the editor. */
export function countEdgeCases(input: { notes: string; code: string; starter: string; syntax?: CommentSyntax }): number {
  return countListItems(input.notes) + editorEdgeCases(input.code, input.starter, input.syntax);
}
