/**
 * The Markdown reading every problem file parser shares: lines with any line ending, `## `/`### ` sections
 * (never inside a code fence), and tidy section bodies. Pure, so the app and the scripts use the same.
 */

interface Section {
  heading: string;
  /** 1-based line number of the heading. */
  line: number;
  body: string[];
}

/** "problem "<id>": <file>" when the problem is known, else the file name: the start of every parse error. */
export function where(source: string | undefined, file: string): string {
  return source ? `problem "${source}": ${file}` : file;
}

export function lines(md: string): string[] {
  return md.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

/**
 * Splits Markdown into sections at headings of exactly `level` hashes. Text before the first such
 * heading is dropped. Lines inside ``` fences are never taken as headings.
 */
export function sections(text: string[], level: number, firstLine = 1): Section[] {
  const result: Section[] = [];
  const pattern = new RegExp(`^#{${level}}(?!#)\\s*(.*?)\\s*#*\\s*$`);
  let inFence = false;
  text.forEach((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) inFence = !inFence;
    const m = inFence ? null : pattern.exec(raw);
    if (m) {
      result.push({ heading: m[1]!.trim(), line: firstLine + i, body: [] });
    } else if (result.length > 0) {
      result[result.length - 1]!.body.push(raw);
    }
  });
  return result;
}

/** Trims blank lines at both ends and trailing spaces; keeps inner blank lines (paragraphs). */
export function tidy(body: string[]): string {
  const trimmed = body.map((l) => l.trimEnd());
  while (trimmed.length > 0 && trimmed[0] === '') trimmed.shift();
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  return trimmed.join('\n');
}

