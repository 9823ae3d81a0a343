import { describe, expect, it } from 'vitest';
import { allTags, filterProblems } from './catalogFilter';

const problems = [
  { id: 'a', kind: 'coding' as const, tags: ['time', 'rate-limiting'] },
  { id: 'b', kind: 'coding' as const, tags: ['cache'] },
  { id: 'c', kind: 'design' as const, tags: ['time'] },
];

describe('catalog filter', () => {
  it('keeps everything with no filter', () => {
    expect(filterProblems(problems, { kind: 'all', tag: 'all' }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
  it('filters by kind and tag together', () => {
    expect(filterProblems(problems, { kind: 'coding', tag: 'all' }).map((p) => p.id)).toEqual(['a', 'b']);
    expect(filterProblems(problems, { kind: 'all', tag: 'time' }).map((p) => p.id)).toEqual(['a', 'c']);
    expect(filterProblems(problems, { kind: 'design', tag: 'cache' })).toEqual([]);
  });
  it('lists every tag once, sorted', () => {
    expect(allTags(problems)).toEqual(['cache', 'rate-limiting', 'time']);
  });
});

describe('filterProblems by language', () => {
  const problems = [
    { id: 'a', kind: 'coding' as const, tags: [], languages: ['typescript', 'python'] as const },
    { id: 'b', kind: 'coding' as const, tags: [], languages: ['typescript'] as const },
    { id: 'c', kind: 'design' as const, tags: [] },
  ];
  it('keeps only problems that have the language (a problem without a list is TypeScript only)', () => {
    expect(filterProblems(problems, { kind: 'all', tag: 'all', language: 'python' }).map((p) => p.id)).toEqual(['a']);
    expect(filterProblems(problems, { kind: 'all', tag: 'all', language: 'typescript' }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(filterProblems(problems, { kind: 'all', tag: 'all', language: 'all' }).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });
});
