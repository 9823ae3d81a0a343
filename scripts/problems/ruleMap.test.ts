import { describe, expect, it } from 'vitest';
import { buildRuleMap, formatRuleMap, parseRuleIds, ruleIdsOfTitle } from './ruleMap';

const STATEMENT = `# Limiter

Intro mentions \`R9\` in prose, which is not a rule.

## Rules

- \`R1\` A new user starts with a full bucket.
- \`R2\` Refill is proportional,
  continued on the next line.
* \`R3\` A query never adds a user.
1. \`R4\` Numbered items count too.
- Not a rule: no id.
-  \`R5\` Extra spaces are fine.
- R6 without backticks is not a rule id.

\`\`\`ts
- \`R7\` inside a code fence is an example, not a rule.
\`\`\`
`;

describe('parseRuleIds', () => {
  it('takes the ids of list items that start with an inline-code id, in order, outside code fences', () => {
    expect(parseRuleIds(STATEMENT)).toEqual({ ids: ['R1', 'R2', 'R3', 'R4', 'R5'], duplicates: [] });
  });

  it('reports an id listed twice', () => {
    expect(parseRuleIds('- `R1` a\n- `R2` b\n- `R1` c\n- `R1` d\n')).toEqual({ ids: ['R1', 'R2'], duplicates: ['R1'] });
  });
});

describe('ruleIdsOfTitle', () => {
  it('finds every bracketed id once, in describe or it titles, and ignores other brackets', () => {
    expect(ruleIdsOfTitle('RateLimiter [R2] refill allows after [R3][R5] waiting [model] [R2] [x]')).toEqual(['R2', 'R3', 'R5']);
    expect(ruleIdsOfTitle('mentions R3 without brackets')).toEqual([]);
  });
});

describe('buildRuleMap', () => {
  const ids = { ids: ['R1', 'R2', 'R3'], duplicates: [] };

  it('maps every rule to the tests that name it and accepts a complete map', () => {
    const map = buildRuleMap(ids, ['s [R1] a', 's [R1][R2] b', 'model [R3] [model] random ops']);
    expect(map.violations).toEqual([]);
    expect(map.rules).toEqual([
      { id: 'R1', tests: ['s [R1] a', 's [R1][R2] b'] },
      { id: 'R2', tests: ['s [R1][R2] b'] },
      { id: 'R3', tests: ['model [R3] [model] random ops'] },
    ]);
    expect(map.modelTests).toEqual(['model [R3] [model] random ops']);
  });

  it('fails a rule without a test, an unknown id and a missing model test', () => {
    const map = buildRuleMap(ids, ['[R1] a', '[R2][R7] b', '[R7] c']);
    expect(map.violations).toEqual([
      'hidden test "[R2][R7] b" names R7, which problem.md does not list',
      'rule R3 has no hidden test naming [R3]',
      'no hidden test is tagged [model] (the model-based property test)',
    ]);
  });

  it('fails a statement without rule ids, and duplicate ids', () => {
    expect(buildRuleMap({ ids: [], duplicates: [] }, ['[model] x']).violations).toEqual([
      'problem.md lists no rule ids (list items starting with `R1`, `R2`, …)',
    ]);
    expect(buildRuleMap({ ids: ['R1'], duplicates: ['R1'] }, ['[R1][model] x']).violations).toEqual(['problem.md lists rule R1 more than once']);
  });

  it('formats one line per rule plus the model tests, cut to a width', () => {
    const map = buildRuleMap({ ids: ['R1', 'R2'], duplicates: [] }, ['[R1] a', '[model] m']);
    expect(formatRuleMap(map)).toEqual(['R1   (1): [R1] a', 'R2   (0): — no test —', '[model] (1): [model] m']);
    expect(formatRuleMap(buildRuleMap({ ids: ['R1'], duplicates: [] }, ['[R1] ' + 'x'.repeat(50), '[model]']), 20)[0]).toBe('R1   (1): [R1] xxxx…');
  });
});
