/**
 * The rule → test map of a coding problem (problems/README.md, "Rule ids").
 *
 * problem.md states each rule as a list item starting with its id in inline code (- `R3` …); a hidden test
 * pins a rule by naming the id in square brackets in its title or in an enclosing describe title ([R3]).
 * The map is what makes a rule without a test visible before a candidate finds the gap. Pure functions, so
 * the check's logic is unit-tested without running mocha.
 */

const RULE_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+`(R\d+)`/;
const FENCE = /^\s*(```|~~~)/;
/** `[R3]`, or with the entry points it pins (entryMap.ts): `[R3 allow, remaining]`. */
const TEST_TAG = /\[(R\d+)(?:\s[^\]]*)?\]/g;
export const MODEL_TAG = '[model]';

export interface RuleIds {
  /** Rule ids in the order the statement lists them, each once. */
  ids: string[];
  /** Ids listed more than once. */
  duplicates: string[];
}

/** The rule ids of a statement: list items outside code fences that start with `R<n>`. */
export function parseRuleIds(markdown: string): RuleIds {
  const ids: string[] = [];
  const duplicates: string[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const id = RULE_ITEM.exec(line)?.[1];
    if (!id) continue;
    if (ids.includes(id)) {
      if (!duplicates.includes(id)) duplicates.push(id);
    } else ids.push(id);
  }
  return { ids, duplicates };
}

/** The rule ids a test names, from its full title (its describe titles and its own, joined). */
export function ruleIdsOfTitle(fullTitle: string): string[] {
  return [...new Set([...fullTitle.matchAll(TEST_TAG)].map((m) => m[1]!))];
}

export interface RuleMap {
  /** Every rule of the statement, in order, with the hidden tests that name it. */
  rules: { id: string; tests: string[] }[];
  modelTests: string[];
  violations: string[];
}

/**
 * Checks the hidden tests' titles against the statement's rules: every rule has a test, every id a test
 * names exists, ids are unique, and there is a model-based test.
 */
export function buildRuleMap(statement: RuleIds, hiddenTestTitles: readonly string[]): RuleMap {
  const violations: string[] = [];
  if (statement.ids.length === 0) {
    violations.push('problem.md lists no rule ids (list items starting with `R1`, `R2`, …)');
  }
  for (const id of statement.duplicates) violations.push(`problem.md lists rule ${id} more than once`);
  const rules = statement.ids.map((id) => ({ id, tests: [] as string[] }));
  const byId = new Map(rules.map((r) => [r.id, r]));
  const unknown = new Map<string, string>();
  for (const title of hiddenTestTitles) {
    for (const id of ruleIdsOfTitle(title)) {
      const rule = byId.get(id);
      if (rule) rule.tests.push(title);
      else if (!unknown.has(id)) unknown.set(id, title);
    }
  }
  for (const [id, title] of unknown) violations.push(`hidden test "${title}" names ${id}, which problem.md does not list`);
  for (const rule of rules) {
    if (rule.tests.length === 0) violations.push(`rule ${rule.id} has no hidden test naming [${rule.id}]`);
  }
  const modelTests = hiddenTestTitles.filter((t) => t.includes(MODEL_TAG));
  if (modelTests.length === 0) violations.push(`no hidden test is tagged ${MODEL_TAG} (the model-based property test)`);
  return { rules, modelTests, violations };
}

/** One line per rule for the console: `R3 (2): title | title`, cut to `width` characters. */
export function formatRuleMap(map: RuleMap, width = 150): string[] {
  const cut = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s);
  return [
    ...map.rules.map((r) => cut(`${r.id.padEnd(4)} (${r.tests.length}): ${r.tests.join(' | ') || '— no test —'}`)),
    cut(`${MODEL_TAG} (${map.modelTests.length}): ${map.modelTests.join(' | ') || '— no test —'}`),
  ];
}
