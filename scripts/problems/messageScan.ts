/**
 * Finds raw checks of an error message in a hidden test file (problems/README.md, "Message checks").
 * Statements fix the words and ids a message contains, never their order or letter case, so a hidden test
 * checks a message only through the helpers — TypeScript `expectThrow` / `expectRejection` /
 * `expectMessage` from 'rehearse-test', Python `self.assertMessage` — which match words in any order and
 * any case. A regex, `include` or `assertIn` against a message is what let a case-sensitive check reject a
 * correct solution. A small static scan, not a parser: it looks at each assertion's text.
 */

export interface RawMessageCheck {
  line: number;
  /** The offending text, cut to one line. */
  text: string;
  why: string;
}

const TS_FIX = "use expectThrow / expectRejection / expectMessage from 'rehearse-test'";
const PY_FIX = 'use self.assertMessage(error, *parts)';

/** Text that reads an error's message: `.message`, `String(err)`, a variable named message/msg. */
const TS_MESSAGE_SUBJECT = /\.message\b|\bString\(\s*\(?\s*(?:e|err|error|reason|thrown|caught|failure)\b|^\s*(?:message|msg|text\s*of\s*error)\s*$|\b(?:message|errorMessage|msg)\b/;
const TS_MATCHERS = /\.(?:match|include|includes|contain|contains|string)\s*\(/;
/** chai's throw/rejectedWith with a message argument (a regex or a string), which matches the message itself. */
const TS_THROW_WITH_MESSAGE = /\.(?:throw|throws|Throw|rejectedWith)\(\s*(?:[\w$.]+\s*,\s*)?(?:\/(?![/*])|['"`])/g;
/** String methods and RegExp.test called on a message. */
const TS_STRING_OPS = /\.message\b\)?\s*\.(?:match|includes|search|indexOf|startsWith|endsWith|test)\(|\/[^/\n]+\/[a-z]*\.test\(\s*[^)]*\.message\b/g;

const PY_ASSERTS = /\b(assertIn|assertNotIn|assertRegex|assertNotRegex|assertRaisesRegex|assertWarnsRegex|assertTrue|assertFalse)\s*\(/g;
const PY_RE_CALLS = /\bre\.(?:search|match|fullmatch|findall)\s*\(/g;
const PY_MESSAGE_ARG = /\bstr\s*\(|\.exception\b|\.args\b|\bmessage\b|\bmsg_text\b/;

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function firstLine(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 110 ? `${one.slice(0, 109)}…` : one;
}

/** The text between the parenthesis at `open` and its match (strings and comments not understood; bounded). */
function argumentsAt(text: string, open: number, limit = 800): string {
  let depth = 0;
  for (let i = open; i < Math.min(text.length, open + limit); i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return text.slice(open + 1, open + limit);
}

/** Blank out comments so that prose about messages is not read as a check. */
function withoutComments(text: string, language: 'typescript' | 'python'): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  if (language === 'python') return text.replace(/#[^\n]*/g, blank);
  return text.replace(/\/\*[\s\S]*?\*\//g, blank).replace(/(^|[^:'"`\\])\/\/[^\n]*/g, (m, p: string) => p + blank(m.slice(p.length)));
}

export function rawMessageChecks(source: string, language: 'typescript' | 'python'): RawMessageCheck[] {
  const text = withoutComments(source, language);
  const found: RawMessageCheck[] = [];
  const add = (index: number, snippet: string, why: string) => found.push({ line: lineOf(text, index), text: firstLine(snippet), why });
  if (language === 'typescript') {
    for (const m of text.matchAll(TS_THROW_WITH_MESSAGE)) {
      add(m.index, text.slice(m.index, m.index + 90), `chai's ${m[0].replace(/\(.*$/s, '').slice(1)} with a message argument matches the message as written; ${TS_FIX}`);
    }
    for (const m of text.matchAll(TS_STRING_OPS)) add(m.index, text.slice(m.index, m.index + 90), `a string match on a message; ${TS_FIX}`);
    for (const m of text.matchAll(/\bexpect\s*\(/g)) {
      const open = m.index + m[0].length - 1;
      const subject = argumentsAt(text, open);
      const firstArg = subject.split(/,(?![^(]*\))/)[0] ?? subject;
      if (!TS_MESSAGE_SUBJECT.test(firstArg)) continue;
      const rest = text.slice(open + subject.length + 2, open + subject.length + 2 + 200);
      const chain = /^[\s\S]*?(?:;|\n\s*\n|$)/.exec(rest)?.[0] ?? rest;
      if (TS_MATCHERS.test(chain) && !/\.to\.(?:be\.)?(?:a|an)\(\s*['"]string['"]\s*\)/.test(chain)) {
        add(m.index, text.slice(m.index, open + subject.length + 2) + chain, `a chai matcher on a message; ${TS_FIX}`);
      }
    }
  } else {
    for (const m of text.matchAll(PY_ASSERTS)) {
      const args = argumentsAt(text, m.index + m[0].length - 1);
      const name = m[1]!;
      const raw = name.endsWith('Regex') || ((name === 'assertTrue' || name === 'assertFalse') ? /\bin\s+str\s*\(|\bre\./.test(args) && PY_MESSAGE_ARG.test(args) : PY_MESSAGE_ARG.test(args));
      if (raw) add(m.index, `${name}(${args})`, `${name} on a message; ${PY_FIX}`);
    }
    for (const m of text.matchAll(PY_RE_CALLS)) {
      const args = argumentsAt(text, m.index + m[0].length - 1);
      if (PY_MESSAGE_ARG.test(args)) add(m.index, `${m[0]}${args})`, `a regex on a message; ${PY_FIX}`);
    }
  }
  return found.sort((a, b) => a.line - b.line);
}
