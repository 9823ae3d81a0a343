import { describe, expect, it } from 'vitest';
import { assembleProblem, buildCatalog } from './catalog';

const md = (id: string, kind: string, difficulty: string, title: string) => `---
id: ${id}
title: ${title}
kind: ${kind}
difficulty: ${difficulty}
tags: [x]
protocol: ${kind === 'design' ? 'design-45' : 'coding-45'}
summary: s
---
Body of ${id}
`;

describe('catalog', () => {
  it('parses every problem.md and orders coding before design, then by difficulty and title', () => {
    const entries = buildCatalog({
      '/problems/b/problem.md': md('b', 'coding', 'hard', 'B'),
      '/problems/a/problem.md': md('a', 'coding', 'medium', 'A'),
      '/problems/d/problem.md': md('d', 'design', 'easy', 'D'),
      '/problems/c/problem.md': md('c', 'coding', 'medium', 'C'),
    });
    expect(entries.map((e) => e.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(entries[0]!.statement.trim()).toBe('Body of a');
  });

  it('refuses a problem whose id is not its folder name', () => {
    expect(() => buildCatalog({ '/problems/other/problem.md': md('a', 'coding', 'easy', 'A') })).toThrow(/folder name/);
  });

  it('assembles a coding problem from its files', () => {
    const [entry] = buildCatalog({ '/problems/a/problem.md': md('a', 'coding', 'easy', 'A') });
    const p = assembleProblem(entry!, new Map([['starter.ts', 'export {}'], ['followups.md', '## Why?\n- because\n']]));
    expect(p.code.typescript?.files).toEqual([{ path: 'solution.ts', text: 'export {}', readOnly: false }]);
    expect(p.code.python).toBeUndefined();
    expect(p.followUps).toEqual([{ question: 'Why?', points: ['because'] }]);
    expect(p.design).toBeNull();
    expect(p.stages).toEqual([]);
    expect(p.clarifications).toEqual([]);
  });

  it("reads a coding problem's clarifications.md when it has one, and refuses a broken one", () => {
    const [entry] = buildCatalog({ '/problems/a/problem.md': md('a', 'coding', 'easy', 'A') });
    const files = (clarifications: string) =>
      new Map([
        ['starter.ts', 'export {}'],
        ['followups.md', '## Why?\n- because\n'],
        ['clarifications.md', clarifications],
      ]);
    expect(assembleProblem(entry!, files('## Can it be empty?\nYes.\n')).clarifications).toEqual([
      { question: 'Can it be empty?', answer: 'Yes.', fills: [] },
    ]);
    expect(() => assembleProblem(entry!, files('# No questions\n'))).toThrow(/problem "a": clarifications.md has no "## " questions/);
  });
});
