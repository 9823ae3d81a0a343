/**
 * The tests a Python test file defines, read from its text without running Python (the build has no
 * interpreter): every top-level `class` with `def test…` methods written in its body, in the order written,
 * titled as the harness titles them (src/runner/python/harness.py): the first line of the method's
 * docstring, else its name in words; the group is the first line of the class's docstring, else its name.
 *
 * problems/README.md requires Python tests to be plain methods with docstrings, and `npm run check:problems`
 * compares this list with what unittest finds in CPython, so the two cannot drift apart silently.
 */
import type { ExpectedTest } from '../../src/runner/testManifest.ts';

const CLASS = /^class\s+([A-Za-z_]\w*)\s*(?:\(|:)/;
const METHOD = /^(\s+)(?:async\s+)?def\s+(test\w*)\s*\(/;
const STRING_START = /^\s*([rRuU]?)("""|'''|"|')/;

export function enumeratePythonTests(source: string): ExpectedTest[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const tests: ExpectedTest[] = [];
  let group: { name: string; title: string; indent: number | null } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\S/.test(line) && !line.startsWith('#') && !line.startsWith('@')) {
      const match = CLASS.exec(line);
      if (match) {
        const doc = docstringAfter(lines, headerEnd(lines, i) + 1);
        group = { name: match[1]!, title: firstLine(doc) || match[1]!, indent: null };
      } else group = null;
      continue;
    }
    if (!group) continue;
    const method = METHOD.exec(line);
    if (!method) continue;
    const indent = method[1]!.length;
    group.indent ??= indent;
    if (indent !== group.indent) continue; // a nested def, not a method of the class
    const name = method[2]!;
    const doc = docstringAfter(lines, headerEnd(lines, i) + 1);
    tests.push({ path: [group.title], title: firstLine(doc) || words(name) });
  }
  return tests;
}

/** The line where a `class`/`def` header ends (its parameters may span lines): the one ending in ':'. */
function headerEnd(lines: string[], start: number): number {
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    const code = lines[i]!.replace(/#.*$/, '');
    for (const ch of code) {
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') depth--;
    }
    if (depth <= 0 && /:\s*$/.test(code)) return i;
  }
  return start;
}

/** The string literal that is the first statement of a body starting at `from`, if there is one. */
function docstringAfter(lines: string[], from: number): string {
  let i = from;
  while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('#'))) i++;
  if (i >= lines.length) return '';
  const start = STRING_START.exec(lines[i]!);
  if (!start) return '';
  const raw = start[1]!.toLowerCase() === 'r';
  const quote = start[2]!;
  let text = lines[i]!.slice(start[0].length);
  const parts: string[] = [];
  for (;;) {
    const end = closingQuote(text, quote);
    if (end >= 0) {
      parts.push(text.slice(0, end));
      break;
    }
    parts.push(text);
    i++;
    if (i >= lines.length || quote.length === 1) break;
    text = lines[i]!;
  }
  const body = parts.join('\n');
  return raw ? body : unescape(body);
}

/** Where `quote` closes the string on this line, skipping backslash-escaped characters; -1 if it does not. */
function closingQuote(text: string, quote: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      i++; // an escaped character (in a raw string the backslash stays, but still protects the quote)
      continue;
    }
    if (text.startsWith(quote, i)) return i;
  }
  return -1;
}

function unescape(text: string): string {
  return text.replace(/\\(["'\\nt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

function firstLine(doc: string): string {
  for (const line of doc.trim().split('\n')) if (line.trim()) return line.trim();
  return '';
}

function words(name: string): string {
  const rest = name.startsWith('test_') ? name.slice('test_'.length) : name;
  return rest.replace(/_/g, ' ').trim() || name;
}
