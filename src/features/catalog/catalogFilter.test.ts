import { describe, expect, it } from 'vitest';
import { allTags, filterProblems, matchesSearch } from './catalogFilter';

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

describe('filterProblems by difficulty and search', () => {
  const problems = [
    {
      id: 'rate',
      kind: 'coding' as const,
      difficulty: 'medium' as const,
      title: 'Token-bucket rate limiter',
      summary: 'Limit how often a caller may call.',
      tags: ['time'],
    },
    {
      id: 'lru',
      kind: 'coding' as const,
      difficulty: 'hard' as const,
      title: 'LRU cache',
      summary: 'Evict the least recent.',
      tags: ['cache', 'ttl'],
    },
    {
      id: 'chat',
      kind: 'design' as const,
      difficulty: 'hard' as const,
      title: 'Chat',
      summary: 'Messages at scale, rate of delivery.',
      tags: [],
    },
  ];
  const ids = (filter: Parameters<typeof filterProblems>[1]) => filterProblems(problems, filter).map((p) => p.id);

  it('keeps the chosen difficulty only', () => {
    expect(ids({ kind: 'all', tag: 'all', difficulty: 'hard' })).toEqual(['lru', 'chat']);
    expect(ids({ kind: 'coding', tag: 'all', difficulty: 'hard' })).toEqual(['lru']);
  });
  it('searches title, summary and tags, case-insensitively, every word', () => {
    expect(ids({ kind: 'all', tag: 'all', text: 'RATE' })).toEqual(['rate', 'chat']);
    expect(ids({ kind: 'all', tag: 'all', text: 'ttl' })).toEqual(['lru']);
    expect(ids({ kind: 'all', tag: 'all', text: 'rate   limiter' })).toEqual(['rate']);
    expect(ids({ kind: 'all', tag: 'all', text: 'xyz' })).toEqual([]);
  });
  it('a blank search keeps everything', () => {
    expect(matchesSearch(problems[0]!, '   ')).toBe(true);
    expect(ids({ kind: 'all', tag: 'all', text: '' })).toEqual(['rate', 'lru', 'chat']);
  });
});
