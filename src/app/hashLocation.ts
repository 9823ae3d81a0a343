/**
 * Hash routing with the query inside the hash: `#/?kind=coding&q=rate`. wouter's own hash hook moves a
 * query out to `location.search`, in front of the `#`, where the catalog's filters would not survive a copied
 * link the same way and the path `/?kind=…` would not match the route `/`. Here the path is the hash up to
 * its `?`, and the search is what follows it, so every deep link is still the one index.html on any static
 * server.
 */
import { useSyncExternalStore } from 'react';

type Listener = () => void;
const listeners = new Set<Listener>();
const notify = () => listeners.forEach((listener) => listener());

function subscribe(listener: Listener): () => void {
  if (listeners.size === 0) addEventListener('hashchange', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) removeEventListener('hashchange', notify);
  };
}

/** The hash without its `#` and leading `/`, e.g. `problems/lru?x=1`. */
const rawHash = () => location.hash.replace(/^#?\/?/, '');

function currentPath(): string {
  const hash = rawHash();
  const query = hash.indexOf('?');
  return '/' + (query < 0 ? hash : hash.slice(0, query));
}

function currentSearch(): string {
  const hash = rawHash();
  const query = hash.indexOf('?');
  return query < 0 ? '' : hash.slice(query + 1);
}

function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  const oldURL = location.href;
  const url = new URL(oldURL);
  url.hash = '/' + to.replace(/^#?\/?/, '');
  if (url.href === oldURL) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', url.href);
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: url.href }));
}

export function useHashQueryLocation(): [string, typeof navigate] {
  return [useSyncExternalStore(subscribe, currentPath), navigate];
}

function useHashSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}

useHashQueryLocation.searchHook = useHashSearch;
useHashQueryLocation.hrefs = (href: string): string => '#' + href;
