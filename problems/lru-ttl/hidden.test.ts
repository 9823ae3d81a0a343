import { expect } from 'chai';
import { LRUCache } from './solution';

describe('LRUCache (hidden)', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 0;
  });

  describe('construction', () => {
    for (const capacity of [0, -1, 1.5, NaN, Infinity]) {
      it(`rejects capacity ${capacity} with a RangeError naming capacity`, () => {
        expect(() => new LRUCache(capacity, 1000, clock), `capacity ${capacity}`).to.throw(RangeError, /capacity/);
      });
    }

    for (const ttl of [0, -1, NaN, -Infinity]) {
      it(`rejects defaultTtlMs ${ttl} with a RangeError naming defaultTtlMs`, () => {
        expect(() => new LRUCache(2, ttl, clock), `defaultTtlMs ${ttl}`).to.throw(RangeError, /defaultTtlMs/);
      });
    }

    it('rejects arguments of the wrong type with a TypeError', () => {
      expect(() => new LRUCache('2' as unknown as number, 1000, clock), 'capacity "2"').to.throw(TypeError, /capacity/);
      expect(() => new LRUCache(2, '1000' as unknown as number, clock), 'defaultTtlMs "1000"').to.throw(
        TypeError,
        /defaultTtlMs/,
      );
      expect(() => new LRUCache(2, 1000, 5 as unknown as () => number), 'clock 5').to.throw(TypeError, /clock/);
    });

    it('works with capacity 1 and the real clock when none is given', () => {
      const cache = new LRUCache<string, number>(1, 60_000);
      cache.put('a', 1);
      expect(cache.get('a'), 'a minute has not passed').to.equal(1);
      cache.put('b', 2);
      expect(cache.get('a'), 'capacity 1 keeps only the newest').to.equal(undefined);
      expect(cache.get('b')).to.equal(2);
      expect(cache.size).to.equal(1);
    });

    it('expires entries by the real clock when none is given', () => {
      const cache = new LRUCache<string, number>(2, 60_000);
      cache.put('a', 1, 1);
      const start = Date.now();
      while (Date.now() < start + 2) {
        // Busy-wait 2 ms of real time: longer than the 1 ms TTL.
      }
      expect(cache.get('a'), 'a 1 ms TTL has passed on the real clock').to.equal(undefined);
    });
  });

  describe('recency and eviction', () => {
    it('evicts the least recently used entry, not the most recent', () => {
      const cache = new LRUCache<string, number>(3, 1000, clock);
      cache.put('a', 1);
      cache.put('b', 2);
      cache.put('c', 3);
      cache.put('d', 4);
      expect(cache.keys(), '"a" evicted, the rest in order of use').to.deep.equal(['b', 'c', 'd']);
      expect(cache.stats().evictions).to.equal(1);
    });

    it('refreshes recency on get', () => {
      const cache = new LRUCache<string, number>(3, 1000, clock);
      cache.put('a', 1);
      cache.put('b', 2);
      cache.put('c', 3);
      expect(cache.get('a')).to.equal(1);
      cache.put('d', 4);
      expect(cache.keys(), '"b" is evicted because "a" was just used').to.deep.equal(['c', 'a', 'd']);
    });

    it('updates the value and recency when putting an existing key, without evicting', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      cache.put('a', 1);
      cache.put('b', 2);
      cache.put('a', 10);
      expect(cache.size, 'replacing a key does not add an entry').to.equal(2);
      expect(cache.stats().evictions, 'replacing a key evicts nothing').to.equal(0);
      expect(cache.keys(), '"a" is now most recent').to.deep.equal(['b', 'a']);
      cache.put('c', 3);
      expect(cache.get('b'), '"b" was least recent').to.equal(undefined);
      expect(cache.get('a'), 'the replaced value').to.equal(10);
    });

    it('does not change recency on a miss, keys(), size or stats()', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      cache.put('a', 1);
      cache.put('b', 2);
      cache.get('zzz');
      cache.keys();
      void cache.size;
      cache.stats();
      cache.put('c', 3);
      expect(cache.keys(), '"a" is still the least recent').to.deep.equal(['b', 'c']);
    });

    it('keeps a long run of mixed operations consistent with a simple model', () => {
      // A deliberately naive model: an array ordered least recently used first.
      type Entry = { key: number; value: number; expiresAt: number };
      let model: Entry[] = [];
      const capacity = 4;
      const cache = new LRUCache<number, number>(capacity, 50, clock);
      let seed = 12345;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      for (let step = 0; step < 400; step++) {
        now += random(4);
        model = model.filter((e) => now < e.expiresAt);
        const key = random(7);
        const op = random(3);
        const index = model.findIndex((e) => e.key === key);
        if (op === 0) {
          const ttl = random(2) === 0 ? undefined : 1 + random(80);
          cache.put(key, step, ttl);
          if (index >= 0) model.splice(index, 1);
          else if (model.length >= capacity) model.shift();
          model.push({ key, value: step, expiresAt: now + (ttl ?? 50) });
        } else if (op === 1) {
          const expected = index >= 0 ? model[index]!.value : undefined;
          expect(cache.get(key), `step ${step}: get(${key})`).to.equal(expected);
          if (index >= 0) model.push(model.splice(index, 1)[0]!);
        } else {
          expect(cache.delete(key), `step ${step}: delete(${key})`).to.equal(index >= 0);
          if (index >= 0) model.splice(index, 1);
        }
        expect(cache.keys(), `step ${step}: keys()`).to.deep.equal(model.map((e) => e.key));
        expect(cache.size, `step ${step}: size`).to.equal(model.length);
      }
    });
  });

  describe('time to live', () => {
    it('keeps an entry live until just before its TTL and drops it exactly at it', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      now = 500;
      cache.put('a', 1);
      now = 1499;
      expect(cache.get('a'), 'live at 1499 ms').to.equal(1);
      now = 1500;
      expect(cache.get('a'), 'expired at exactly 500 + 1000').to.equal(undefined);
    });

    it('uses a per-put TTL instead of the default, shorter or longer', () => {
      const cache = new LRUCache<string, number>(3, 1000, clock);
      cache.put('short', 1, 100);
      cache.put('long', 2, 5000);
      cache.put('default', 3);
      now = 100;
      expect(cache.get('short'), 'a 100 ms TTL').to.equal(undefined);
      now = 1000;
      expect(cache.get('default'), 'the default 1000 ms TTL').to.equal(undefined);
      expect(cache.get('long'), 'a 5000 ms TTL outlives the default').to.equal(2);
    });

    it('restarts the TTL when a key is put again, even with a shorter TTL', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      cache.put('a', 1);
      now = 800;
      cache.put('a', 2);
      now = 1500;
      expect(cache.get('a'), 'the second put lives until 1800').to.equal(2);
      cache.put('a', 3, 10);
      now = 1510;
      expect(cache.get('a'), 'the latest TTL (10 ms) wins').to.equal(undefined);
    });

    it('does not extend the TTL on get', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      cache.put('a', 1);
      now = 900;
      expect(cache.get('a')).to.equal(1);
      now = 1000;
      expect(cache.get('a'), 'a read refreshes recency, not lifetime').to.equal(undefined);
    });

    it('accepts an Infinity TTL as never expiring', () => {
      const cache = new LRUCache<string, number>(2, Infinity, clock);
      cache.put('a', 1);
      cache.put('b', 2, Infinity);
      now = 1e15;
      expect(cache.get('a')).to.equal(1);
      expect(cache.get('b')).to.equal(2);
    });

    for (const ttl of [0, -5, NaN]) {
      it(`rejects a per-put ttlMs of ${ttl} with a RangeError and stores nothing`, () => {
        const cache = new LRUCache<string, number>(2, 1000, clock);
        expect(() => cache.put('a', 1, ttl), `ttlMs ${ttl}`).to.throw(RangeError, /ttlMs/);
        expect(cache.size, 'the rejected put added nothing').to.equal(0);
      });
    }

    it('rejects a per-put ttlMs that is not a number with a TypeError', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      expect(() => cache.put('a', 1, '10' as unknown as number)).to.throw(TypeError, /ttlMs/);
    });

    it('does not count expired entries in size or keys()', () => {
      const cache = new LRUCache<string, number>(3, 1000, clock);
      cache.put('a', 1, 100);
      cache.put('b', 2, 200);
      cache.put('c', 3);
      expect(cache.size).to.equal(3);
      now = 100;
      expect(cache.size, '"a" expired without being read').to.equal(2);
      expect(cache.keys()).to.deep.equal(['b', 'c']);
      now = 200;
      expect(cache.size, '"b" expired too').to.equal(1);
    });

    it('fills the room of an expired entry before evicting a live one', () => {
      const cache = new LRUCache<string, number>(3, 1000, clock);
      cache.put('a', 1);
      cache.put('b', 2, 10);
      cache.put('c', 3);
      now = 10;
      cache.put('d', 4);
      expect(cache.get('a'), 'the least recent live entry survives').to.equal(1);
      expect(cache.stats().evictions, 'dropping an expired entry is not an eviction').to.equal(0);
      expect(cache.keys()).to.deep.equal(['c', 'd', 'a']);
    });

    it('gives an expired key a fresh entry when it is put again', () => {
      const cache = new LRUCache<string, number>(2, 100, clock);
      cache.put('a', 1);
      now = 150;
      cache.put('a', 2);
      now = 249;
      expect(cache.get('a'), 'the new entry lives 100 ms from 150').to.equal(2);
    });
  });

  describe('delete', () => {
    it('removes an entry, frees its room and keeps the order of the rest', () => {
      const cache = new LRUCache<string, number>(3, 1000, clock);
      cache.put('a', 1);
      cache.put('b', 2);
      cache.put('c', 3);
      expect(cache.delete('b'), 'a live entry').to.equal(true);
      expect(cache.keys()).to.deep.equal(['a', 'c']);
      cache.put('d', 4);
      expect(cache.stats().evictions, 'deleting made room').to.equal(0);
      cache.put('e', 5);
      expect(cache.keys(), '"a" is evicted next').to.deep.equal(['c', 'd', 'e']);
      expect(cache.delete('e'), 'the most recent entry').to.equal(true);
      expect(cache.delete('c'), 'the least recent entry').to.equal(true);
      expect(cache.keys()).to.deep.equal(['d']);
    });

    it('returns false for a missing or expired key', () => {
      const cache = new LRUCache<string, number>(2, 100, clock);
      expect(cache.delete('nope'), 'never put').to.equal(false);
      cache.put('a', 1);
      now = 100;
      expect(cache.delete('a'), 'already expired').to.equal(false);
    });
  });

  describe('stats and values', () => {
    it('counts expired reads as misses and delete as neither', () => {
      const cache = new LRUCache<string, number>(2, 100, clock);
      cache.put('a', 1);
      cache.get('a');
      cache.get('a');
      cache.delete('a');
      cache.put('b', 2);
      now = 100;
      cache.get('b');
      cache.get('never');
      expect(cache.stats()).to.deep.equal({ hits: 2, misses: 2, evictions: 0 });
    });

    it('counts every eviction', () => {
      const cache = new LRUCache<number, number>(2, 1000, clock);
      for (let i = 0; i < 7; i++) cache.put(i, i);
      expect(cache.stats().evictions, '7 puts into 2 slots').to.equal(5);
    });

    it('returns a snapshot from stats()', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      const stats = cache.stats();
      stats.hits = 99;
      cache.get('x');
      expect(cache.stats(), 'the returned object is not live state').to.deep.equal({ hits: 0, misses: 1, evictions: 0 });
    });

    it('stores falsy values and reports them as hits', () => {
      const cache = new LRUCache<string, unknown>(4, 1000, clock);
      cache.put('zero', 0);
      cache.put('empty', '');
      cache.put('false', false);
      cache.put('null', null);
      expect(cache.get('zero')).to.equal(0);
      expect(cache.get('empty')).to.equal('');
      expect(cache.get('false')).to.equal(false);
      expect(cache.get('null')).to.equal(null);
      expect(cache.stats().hits, 'four hits').to.equal(4);
    });
  });
});
