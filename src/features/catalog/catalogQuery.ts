/**
 * The catalog's filters, order and search as the URL's query (`#/?kind=coding&difficulty=hard&sort=due&q=rate`),
 * so "← Problems", a reload and a shared link all show the same list. Read back defensively: a value the
 * catalog does not know (an old link, a typo, a tag no problem has any more) is dropped, never a crash.
 */
import type { Language } from '../../core/problems/language';
import type { Difficulty, ProblemKind } from '../../core/problems/types';
import type { CatalogFilter } from './catalogFilter';

export type CatalogOrder = 'catalog' | 'least-recent' | 'due';

export interface CatalogQuery {
  kind: ProblemKind | 'all';
  difficulty: Difficulty | 'all';
  tag: string | 'all';
  language: Language | 'all';
  order: CatalogOrder;
  /** The search box's text as typed (the filter splits it into words). */
  text: string;
}

export const DEFAULT_CATALOG_QUERY: CatalogQuery = {
  kind: 'all',
  difficulty: 'all',
  tag: 'all',
  language: 'all',
  order: 'catalog',
  text: '',
};

const KINDS: readonly ProblemKind[] = ['coding', 'design'];
const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];
const ORDERS: readonly CatalogOrder[] = ['catalog', 'least-recent', 'due'];
/** Longer than any title: a pasted essay is cut, not kept in every link. */
export const MAX_SEARCH_LENGTH = 100;

/** What the URL may name: the tags and languages the catalog has. */
export interface KnownValues {
  tags: readonly string[];
  languages: readonly Language[];
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | 'all' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : 'all';
}

export function parseCatalogQuery(search: string, known: KnownValues): CatalogQuery {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return DEFAULT_CATALOG_QUERY;
  }
  const order = params.get('sort');
  return {
    kind: oneOf(params.get('kind'), KINDS),
    difficulty: oneOf(params.get('difficulty'), DIFFICULTIES),
    tag: oneOf(params.get('tag'), known.tags),
    language: oneOf(params.get('language'), known.languages),
    order: order !== null && (ORDERS as readonly string[]).includes(order) ? (order as CatalogOrder) : 'catalog',
    text: (params.get('q') ?? '').slice(0, MAX_SEARCH_LENGTH),
  };
}

/** The query string for a catalog query: only what differs from the default, in a fixed order. */
export function catalogQueryToSearch(query: CatalogQuery): string {
  const params = new URLSearchParams();
  if (query.kind !== 'all') params.set('kind', query.kind);
  if (query.difficulty !== 'all') params.set('difficulty', query.difficulty);
  if (query.tag !== 'all') params.set('tag', query.tag);
  if (query.language !== 'all') params.set('language', query.language);
  if (query.order !== 'catalog') params.set('sort', query.order);
  if (query.text !== '') params.set('q', query.text.slice(0, MAX_SEARCH_LENGTH));
  return params.toString();
}

export function catalogFilterOf(query: CatalogQuery): CatalogFilter {
  return { kind: query.kind, difficulty: query.difficulty, tag: query.tag, language: query.language, text: query.text };
}

/** Whether a filter (not the search, not the order) narrows the list. */
export function hasNarrowingFilter(query: CatalogQuery): boolean {
  return query.kind !== 'all' || query.difficulty !== 'all' || query.tag !== 'all' || query.language !== 'all';
}
