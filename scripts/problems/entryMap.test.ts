import { describe, expect, it } from 'vitest';
import { buildEntryMap, entryTagsOfTitle, formatEntryMap, parseRuleEntries, pythonName, pythonNames, snakeCase } from './entryMap';

const STATEMENT = `## Rules

- \`R1\` A new user starts full.
- \`R2\` (applies to: allow, remaining, retryAfterMs) \`userId\` must be a non-empty string.
- \`R3\` (applies to: constructor) capacity is positive.
- \`R4\` (applies to: allow, allow) twice.
- \`R5\` (applies to: allow(x)) not a name.
- \`R6\` (applies allow) malformed.

\`\`\`ts
- \`R7\` (applies to: inFence) is an example.
\`\`\`
`;

const PYTHON_MD = `| TypeScript | Python |
|---|---|
| \`new RateLimiter(capacity, windowMs)\` | \`RateLimiter(capacity, window_ms)\` |
| \`retryAfterMs(userId)\` | \`retry_after_ms(user_id)\` returns an int |
| \`trackedUsers\` (getter) | \`tracked_users\` (a property) |
| \`pop()\` | \`take()\` |
| \`put(item): Promise<void>\` | \`async def put(item) -> None\` |
| \`close()\` | \`def shut()\` |
| plain words | \`x\` |
`;

describe('parseRuleEntries', () => {
  it('reads the (applies to: …) lists after rule ids, outside fences, and reports malformed lists', () => {
    const { entries, violations } = parseRuleEntries(STATEMENT);
    expect([...entries]).toEqual([
      ['R2', ['allow', 'remaining', 'retryAfterMs']],
      ['R3', ['constructor']],
      ['R4', ['allow']],
    ]);
    expect(violations).toEqual([
      'R4: (applies to: …) lists a name twice',
      'R5: "(applies to: allow(x…" must list method, getter or `constructor` names separated by commas',
      'R6: write the list exactly as `(applies to: a, b)` right after the id',
    ]);
  });
});

describe('Python names', () => {
  it('maps the leading identifiers of python.md table rows, else snake_cases', () => {
    const table = pythonNames(PYTHON_MD);
    expect(table.get('retryAfterMs')).toBe('retry_after_ms');
    expect(table.get('trackedUsers')).toBe('tracked_users');
    expect(table.get('pop')).toBe('take');
    expect(pythonName('pop', table)).toBe('take');
    expect(table.get('put')).toBe('put');
    expect(table.get('close')).toBe('shut');
    expect(pythonName('maxPending', table)).toBe('max_pending');
    expect(pythonName('constructor', table)).toBe('constructor');
    expect(snakeCase('getHTTPStatus')).toBe('get_http_status');
  });
});

describe('entryTagsOfTitle', () => {
  it('reads plain tags and tags with one or several entry points', () => {
    expect(entryTagsOfTitle('RateLimiter › [R2 allow, retryAfterMs][R1] x [R3 constructor] [model]')).toEqual([
      { id: 'R2', entries: ['allow', 'retryAfterMs'] },
      { id: 'R1', entries: [] },
      { id: 'R3', entries: ['constructor'] },
    ]);
  });
});

describe('buildEntryMap', () => {
  const entries = new Map([['R2', ['allow', 'remaining', 'retryAfterMs']]]);

  it('accepts a map where every pair has a test, whatever plain tags there are', () => {
    const map = buildEntryMap('typescript', ['R1', 'R2'], entries, ['[R1] a', '[R2 allow, remaining] b', '[R2 retryAfterMs] c', '[R2] d']);
    expect(map.violations).toEqual([]);
    expect(map.pairs.map((p) => [p.entry, p.tests])).toEqual([
      ['allow', ['[R2 allow, remaining] b']],
      ['remaining', ['[R2 allow, remaining] b']],
      ['retryAfterMs', ['[R2 retryAfterMs] c']],
    ]);
    expect(map.plainRules).toBe(1);
  });

  it('fails a pair without a test, an unknown entry point and an entry point on a rule without a list', () => {
    const map = buildEntryMap('typescript', ['R1', 'R2'], entries, ['[R2 allow] a', '[R2 cleanup] b', '[R1 allow] c']);
    expect(map.violations).toEqual([
      'TypeScript hidden test "[R2 cleanup] b" names [R2 cleanup]; R2 applies to allow, remaining, retryAfterMs (problem.md)',
      'TypeScript hidden test "[R1 allow] c" names [R1 allow], but R1 has no "(applies to: …)" list in problem.md; add one, or tag the test [R1]',
      'TypeScript: no hidden test pins R2 through remaining: add one with [R2 remaining] in its title',
      'TypeScript: no hidden test pins R2 through retryAfterMs: add one with [R2 retryAfterMs] in its title',
    ]);
  });

  it('uses the Python names in Python titles', () => {
    const table = new Map([['retryAfterMs', 'retry_after_ms']]);
    const map = buildEntryMap('python', ['R2'], entries, ['[R2 allow, remaining] a', '[R2 retryAfterMs] b'], table);
    expect(map.violations).toEqual([
      'Python hidden test "[R2 retryAfterMs] b" names [R2 retryAfterMs]; R2 applies to allow, remaining, retry_after_ms (problem.md)',
      'Python: no hidden test pins R2 through retry_after_ms: add one with [R2 retry_after_ms] in its title',
    ]);
    expect(formatEntryMap(map)).toEqual([
      'Python     2/3 rule × entry point pairs tested; 0 rules without a list',
      '  R2   allow 1 · remaining 1 · retry_after_ms ✗',
    ]);
  });
});
