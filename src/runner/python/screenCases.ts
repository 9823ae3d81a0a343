/**
 * What the screen's test files (screen*.test.ts) share: screen.py run under CPython over every source of a
 * file in one python3 process, and a test per attack (its source has a finding of its rule) or per ordinary
 * source (no finding at all).
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, expect, it } from 'vitest';

interface Finding {
  line: number;
  col: number;
  rule: string;
  message: string;
}

/** [rule, what the attack does, source] */
export type Attack = [rule: string, what: string, source: string];
/** [what the code does, source] */
export type Ordinary = [what: string, source: string];

// Reads a JSON list of sources on stdin; prints the findings of each, and screen_json of the first.
const DRIVER = `
import json, sys
sys.path.insert(0, sys.argv[1])
import screen
sources = json.load(sys.stdin)
print(json.dumps({"findings": [screen.screen(s) for s in sources], "json": screen.screen_json(sources[0])}))
`;

/** Python source from an indented template literal: the common indentation and the first newline go. */
export function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const lines = text.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export const describeFindings = (findings: Finding[]) => findings.map((f) => `${f.line}:${f.col} ${f.rule}`).join(', ') || 'none';

/**
 * Screens `sources` once, before the calling file's tests run: `findings(i)` is the screen's answer for
 * `sources[i]`, `json()` screen_json's for the first.
 */
export function screened(sources: readonly string[]): { findings: (index: number) => Finding[]; json: () => string } {
  let results: Finding[][] = [];
  let firstJson = '';
  beforeAll(() => {
    const run = spawnSync('python3', ['-c', DRIVER, import.meta.dirname], {
      input: JSON.stringify(sources),
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (run.status !== 0) throw new Error(`the screen driver failed: ${run.stderr || String(run.error)}`);
    const parsed = JSON.parse(run.stdout) as { findings: Finding[][]; json: string };
    results = parsed.findings;
    firstJson = parsed.json;
  });
  return { findings: (index) => results[index]!, json: () => firstJson };
}

/** A test per attack: the screen finds its rule in its source (among any other findings). */
export function findsEachAttack(attacks: readonly Attack[]): void {
  const { findings } = screened(attacks.map(([, , source]) => source));
  it.each(attacks.map(([rule, what, source], index) => ({ rule, what, source, index })))('$rule: $what', ({ rule, index, source }) => {
    const found = findings(index);
    expect(
      found.map((f) => f.rule),
      `${source}\n→ ${describeFindings(found)}`,
    ).toContain(rule);
  });
}

/** A test per source: the screen finds nothing in it. */
export function leavesAlone(sources: readonly Ordinary[]): void {
  const { findings } = screened(sources.map(([, source]) => source));
  it.each(sources.map(([what], index) => ({ what, index })))('$what', ({ index }) => {
    expect(describeFindings(findings(index))).toBe('none');
  });
}
