import { describe, expect, it } from 'vitest';
import { catalogQueryToSearch, DEFAULT_CATALOG_QUERY, MAX_SEARCH_LENGTH, parseCatalogQuery } from './catalogQuery';

const known = { tags: ['cache', 'time'], languages: ['typescript', 'python'] as const };

describe('the catalog query in the URL', () => {
  it('reads every part', () => {
    expect(parseCatalogQuery('kind=coding&difficulty=hard&tag=cache&language=python&sort=due&q=rate', known)).toEqual({
      kind: 'coding',
      difficulty: 'hard',
      tag: 'cache',
      language: 'python',
      order: 'due',
      text: 'rate',
    });
  });
  it('ignores values it does not know, keeping the rest', () => {
    expect(parseCatalogQuery('kind=quiz&difficulty=impossible&tag=nope&language=cobol&sort=random&q=lru', known)).toEqual({
      ...DEFAULT_CATALOG_QUERY,
      text: 'lru',
    });
    expect(parseCatalogQuery('%E0%A4%A&&&=&kind', known)).toEqual(DEFAULT_CATALOG_QUERY);
    expect(parseCatalogQuery('', known)).toEqual(DEFAULT_CATALOG_QUERY);
  });
  it('cuts a very long search', () => {
    expect(parseCatalogQuery(`q=${'a'.repeat(500)}`, known).text).toHaveLength(MAX_SEARCH_LENGTH);
  });
  it('writes only what differs from the default, and reads back what it wrote', () => {
    expect(catalogQueryToSearch(DEFAULT_CATALOG_QUERY)).toBe('');
    const query = { ...DEFAULT_CATALOG_QUERY, kind: 'design' as const, order: 'least-recent' as const, text: 'rate & limit?' };
    const search = catalogQueryToSearch(query);
    expect(search).toBe('kind=design&sort=least-recent&q=rate+%26+limit%3F');
    expect(parseCatalogQuery(search, known)).toEqual(query);
  });
});
