import { expect } from 'chai';
import { LRUCache } from './solution';

describe('LRUCache (examples)', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 0;
  });

  it('returns what was put and undefined for a key never put', () => {
    const cache = new LRUCache<string, number>(2, 1000, clock);
    cache.put('a', 1);
    expect(cache.get('a'), 'the value put under "a"').to.equal(1);
    expect(cache.get('zzz'), 'a key never put').to.equal(undefined);
  });

  it('evicts the least recently used entry when full', () => {
    const cache = new LRUCache<string, number>(2, 1000, clock);
    cache.put('a', 1);
    cache.put('b', 2);
    cache.put('c', 3);
    expect(cache.get('a'), '"a" was the oldest and is evicted').to.equal(undefined);
    expect(cache.get('b')).to.equal(2);
    expect(cache.get('c')).to.equal(3);
  });

  it('treats a get as a use, so the other entry is evicted', () => {
    const cache = new LRUCache<string, number>(2, 1000, clock);
    cache.put('a', 1);
    cache.put('b', 2);
    cache.get('a');
    cache.put('c', 3);
    expect(cache.get('b'), '"b" is now the least recently used').to.equal(undefined);
    expect(cache.keys(), 'least recently used first').to.deep.equal(['a', 'c']);
  });

  it('stops returning an entry once its TTL has passed', () => {
    const cache = new LRUCache<string, string>(10, 1000, clock);
    cache.put('session', 'xyz');
    now = 999;
    expect(cache.get('session'), 'still live at 999 ms').to.equal('xyz');
    now = 1000;
    expect(cache.get('session'), 'expired at 1000 ms').to.equal(undefined);
  });

  it('counts hits, misses and evictions', () => {
    const cache = new LRUCache<string, number>(1, 1000, clock);
    cache.put('a', 1);
    cache.get('a');
    cache.put('b', 2);
    cache.get('a');
    expect(cache.stats()).to.deep.equal({ hits: 1, misses: 1, evictions: 1 });
  });
});
