/**
 * The rule × entry point map of a coding problem (problems/README.md, "Rule × entry point").
 *
 * A rule that governs several public methods (the same validation in `allow`, `remaining` and
 * `retryAfterMs`) is a classic gap: the tests pin it through one method and a solution that forgets the
 * others passes. So the statement lists, right after the rule id, the entry points the rule governs —
 * ``- `R18` (applies to: allow, remaining, retryAfterMs) …`` — in the statement's (TypeScript) names, and
 * a hidden test names the pair it pins in its title: `[R18 remaining]`, or several `[R18 allow, remaining]`.
 * The pair is named in the title rather than inferred from the calls a test makes, because tests call
 * methods for set-up too (a test of `remaining` calls `allow` first): only the author knows which call
 * the assertion is about. Python titles use the Python names (python.md's table, else snake_case).
 * A rule without an `(applies to: …)` list is one pair, covered by any test naming the rule (ruleMap.ts).
 */

const RULE_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+`(R\d+)`\s*(?:\(applies to:\s*([^)]*)\))?/;
const FENCE = /^\s*(```|~~~)/;
/** `[R3]`, `[R3 allow]`, `[R3 allow, remaining]`. */
const TEST_TAG = /\[(R\d+)(?:\s+([A-Za-z_$][\w$]*(?:\s*,\s*[A-Za-z_$][\w$]*)*))?\s*\]/g;
const ENTRY_NAME = /^[A-Za-z_$][\w$]*$/;

export type Language = 'typescript' | 'python';

export interface RuleEntries {
  /** Rule id → the entry points its `(applies to: …)` list names, in the statement's names. */
  entries: Map<string, string[]>;
  violations: string[];
}

/** The `(applies to: …)` lists of a statement's rules (only the rules that have one). */
export function parseRuleEntries(markdown: string): RuleEntries {
  const entries = new Map<string, string[]>();
  const violations: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    const m = inFence ? null : RULE_ITEM.exec(line);
    if (!m?.[2]) {
      if (m && /^\s*\(applies/i.test(line.slice(m[0].length)))
        violations.push(`${m[1]}: write the list exactly as \`(applies to: a, b)\` right after the id`);
      continue;
    }
    const names = m[2].split(',').map((s) => s.trim());
    const bad = names.filter((n) => !ENTRY_NAME.test(n));
    if (bad.length || names.length === 0) {
      violations.push(`${m[1]}: "(applies to: ${m[2]}…" must list method, getter or \`constructor\` names separated by commas`);
      continue;
    }
    const unique = [...new Set(names)];
    if (unique.length !== names.length) violations.push(`${m[1]}: (applies to: …) lists a name twice`);
    entries.set(m[1]!, unique);
  }
  return { entries, violations };
}

/** camelCase → snake_case (`retryAfterMs` → `retry_after_ms`); `constructor` stays. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

function leadingIdentifier(code: string): string | null {
  return /^(?:new\s+|async\s+def\s+|def\s+)?(?:[\w$]+\.)?([A-Za-z_$][\w$]*)/.exec(code.trim())?.[1] ?? null;
}

/**
 * TypeScript name → Python name, from python.md's tables: a row whose first cell starts with a code span
 * (`retryAfterMs(userId)`) and whose second cell starts with one (`retry_after_ms(user_id)`) maps the two
 * leading identifiers. Names not in a table are snake_cased (pythonName).
 */
export function pythonNames(pythonMd: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of pythonMd.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4) continue;
    const ts = /^`([^`]+)`/.exec(cells[1]!)?.[1];
    const py = /^`([^`]+)`/.exec(cells[2]!)?.[1];
    if (!ts || !py) continue;
    const a = leadingIdentifier(ts);
    const b = leadingIdentifier(py);
    if (a && b && !names.has(a)) names.set(a, b);
  }
  return names;
}

export function pythonName(name: string, table: ReadonlyMap<string, string>): string {
  if (name === 'constructor') return name;
  return table.get(name) ?? snakeCase(name);
}

/** The (rule, entry points) tags of a title: `[R3 allow, remaining]` → { id: 'R3', entries: [...] }. */
export function entryTagsOfTitle(fullTitle: string): { id: string; entries: string[] }[] {
  return [...fullTitle.matchAll(TEST_TAG)].map((m) => ({
    id: m[1]!,
    entries: m[2] ? m[2].split(',').map((s) => s.trim()) : [],
  }));
}

export interface EntryPair {
  rule: string;
  /** The entry point in the language's names. */
  entry: string;
  tests: string[];
}

export interface EntryMap {
  language: Language;
  pairs: EntryPair[];
  /** Rules without an (applies to: …) list: covered by any test naming them (ruleMap.ts). */
  plainRules: number;
  violations: string[];
}

/**
 * Every (rule, entry point) pair of the statement against the hidden tests' titles of one language:
 * a pair without a test, a tag naming an entry point its rule does not list, or an entry point on a
 * rule without a list, is a violation.
 */
export function buildEntryMap(
  language: Language,
  ruleIds: readonly string[],
  entries: ReadonlyMap<string, string[]>,
  hiddenTestTitles: readonly string[],
  pyTable: ReadonlyMap<string, string> = new Map(),
): EntryMap {
  const label = language === 'python' ? 'Python' : 'TypeScript';
  const local = (n: string) => (language === 'python' ? pythonName(n, pyTable) : n);
  const pairs: EntryPair[] = [];
  const byKey = new Map<string, EntryPair>();
  for (const id of ruleIds) {
    for (const entry of entries.get(id) ?? []) {
      const pair = { rule: id, entry: local(entry), tests: [] as string[] };
      pairs.push(pair);
      byKey.set(`${id} ${pair.entry}`, pair);
    }
  }
  const violations: string[] = [];
  const reported = new Set<string>();
  const once = (msg: string) => {
    if (!reported.has(msg)) violations.push(msg);
    reported.add(msg);
  };
  for (const title of hiddenTestTitles) {
    for (const tag of entryTagsOfTitle(title)) {
      for (const entry of tag.entries) {
        const pair = byKey.get(`${tag.id} ${entry}`);
        if (pair) {
          if (!pair.tests.includes(title)) pair.tests.push(title);
        } else if (!entries.has(tag.id)) {
          once(`${label} hidden test "${title}" names [${tag.id} ${entry}], but ${tag.id} has no "(applies to: …)" list in problem.md; add one, or tag the test [${tag.id}]`);
        } else {
          const allowed = entries.get(tag.id)!.map(local).join(', ');
          once(`${label} hidden test "${title}" names [${tag.id} ${entry}]; ${tag.id} applies to ${allowed} (problem.md)`);
        }
      }
    }
  }
  for (const p of pairs) {
    if (p.tests.length === 0)
      violations.push(`${label}: no hidden test pins ${p.rule} through ${p.entry}: add one with [${p.rule} ${p.entry}] in its title`);
  }
  const plainRules = ruleIds.filter((id) => !entries.has(id)).length;
  return { language, pairs, plainRules, violations };
}

/** Console lines: a count line, then one line per rule with a list (`R18  allow 2 · remaining 1 · retryAfterMs ✗`). */
export function formatEntryMap(map: EntryMap): string[] {
  const tested = map.pairs.filter((p) => p.tests.length > 0).length;
  const label = map.language === 'python' ? 'Python    ' : 'TypeScript';
  const lines = [`${label} ${tested}/${map.pairs.length} rule × entry point pairs tested; ${map.plainRules} rules without a list`];
  const rules = [...new Set(map.pairs.map((p) => p.rule))];
  for (const rule of rules) {
    const cells = map.pairs.filter((p) => p.rule === rule).map((p) => `${p.entry} ${p.tests.length || '✗'}`);
    lines.push(`  ${rule.padEnd(4)} ${cells.join(' · ')}`);
  }
  return lines;
}
