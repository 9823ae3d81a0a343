import { expect } from 'chai';
import fc from 'fast-check';
import { expectThrow } from 'rehearse-test';
import { LRUCache } from './solution';

describe('LRUCache (hidden)', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 0;
  });

  describe('construction', () => {
    for (const capacity of [0, -1, 1.5, NaN, Infinity]) {
      it(`[R19] rejects capacity ${capacity} with a RangeError naming capacity`, () => {
        expectThrow(() => new LRUCache(capacity, 1000, clock), RangeError, ['capacity'], `capacity ${capacity}`);
      });
    }

    for (const ttl of [0, -1, NaN, -Infinity]) {
      it(`[R20 constructor] rejects defaultTtlMs ${ttl} with a RangeError naming defaultTtlMs`, () => {
        expectThrow(() => new LRUCache(2, ttl, clock), RangeError, ['defaultTtlMs'], `defaultTtlMs ${ttl}`);
      });
    }

    it('[R18 constructor][R21] rejects arguments of the wrong type with a TypeError', () => {
      expectThrow(() => new LRUCache('2' as unknown as number, 1000, clock), TypeError, ['capacity'], 'capacity "2"');
      expectThrow(() => new LRUCache(2, '1000' as unknown as number, clock), TypeError, ['defaultTtlMs'], 'defaultTtlMs "1000"');
      expectThrow(() => new LRUCache(2, 1000, 5 as unknown as () => number), TypeError, ['clock'], 'clock 5');
    });

    it('[R17][R3] works with capacity 1 and the real clock when none is given', () => {
      const cache = new LRUCache<string, number>(1, 60_000);
      cache.put('a', 1);
      expect(cache.get('a'), 'a minute has not passed').to.equal(1);
      cache.put('b', 2);
      expect(cache.get('a'), 'capacity 1 keeps only the newest').to.equal(undefined);
      expect(cache.get('b')).to.equal(2);
      expect(cache.size).to.equal(1);
    });

    it('[R17] expires entries by the real clock when none is given', () => {
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
    it('[R3][R12][R15] evicts the least recently used entry, not the most recent', () => {
      const cache = new LRUCache<string, number>(3, 1000, clock);
      cache.put('a', 1);
      cache.put('b', 2);
      cache.put('c', 3);
      cache.put('d', 4);
      expect(cache.keys(), '"a" evicted, the rest in order of use').to.deep.equal(['b', 'c', 'd']);
      expect(cache.stats().evictions).to.equal(1);
    });

    it('[R1] refreshes recency on get', () => {
      const cache = new LRUCache<string, number>(3, 1000, clock);
      cache.put('a', 1);
      cache.put('b', 2);
      cache.put('c', 3);
      expect(cache.get('a')).to.equal(1);
      cache.put('d', 4);
      expect(cache.keys(), '"b" is evicted because "a" was just used').to.deep.equal(['c', 'a', 'd']);
    });

    it('[R1][R4] updates the value and recency when putting an existing key, without evicting', () => {
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

    it('[R2 get, keys, size, stats] does not change recency on a miss, keys(), size or stats()', () => {
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
  });

  describe('time to live', () => {
    it('[R5][R9 get] keeps an entry live until just before its TTL and drops it exactly at it', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      now = 500;
      cache.put('a', 1);
      now = 1499;
      expect(cache.get('a'), 'live at 1499 ms').to.equal(1);
      now = 1500;
      expect(cache.get('a'), 'expired at exactly 500 + 1000').to.equal(undefined);
    });

    it('[R6] uses a per-put TTL instead of the default, shorter or longer', () => {
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

    it('[R7] restarts the TTL when a key is put again, even with a shorter TTL', () => {
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

    it('[R7] does not extend the TTL on get', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      cache.put('a', 1);
      now = 900;
      expect(cache.get('a')).to.equal(1);
      now = 1000;
      expect(cache.get('a'), 'a read refreshes recency, not lifetime').to.equal(undefined);
    });

    it('[R8] accepts an Infinity TTL as never expiring', () => {
      const cache = new LRUCache<string, number>(2, Infinity, clock);
      cache.put('a', 1);
      cache.put('b', 2, Infinity);
      now = 1e15;
      expect(cache.get('a')).to.equal(1);
      expect(cache.get('b')).to.equal(2);
    });

    for (const ttl of [0, -5, NaN]) {
      it(`[R20 put] rejects a per-put ttlMs of ${ttl} with a RangeError and stores nothing`, () => {
        const cache = new LRUCache<string, number>(2, 1000, clock);
        expectThrow(() => cache.put('a', 1, ttl), RangeError, ['ttlMs'], `ttlMs ${ttl}`);
        expect(cache.size, 'the rejected put added nothing').to.equal(0);
      });
    }

    it('[R18 put] rejects a per-put ttlMs that is not a number with a TypeError', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      expectThrow(() => cache.put('a', 1, '10' as unknown as number), TypeError, ['ttlMs']);
    });

    it('[R9 keys, size] does not count expired entries in size or keys()', () => {
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

    it('[R10] fills the room of an expired entry before evicting a live one', () => {
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

    it('[R9][R10] gives an expired key a fresh entry when it is put again', () => {
      const cache = new LRUCache<string, number>(2, 100, clock);
      cache.put('a', 1);
      now = 150;
      cache.put('a', 2);
      now = 249;
      expect(cache.get('a'), 'the new entry lives 100 ms from 150').to.equal(2);
    });
  });

  describe('delete', () => {
    it('[R14][R2 delete] removes an entry, frees its room and keeps the order of the rest', () => {
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

    it('[R14] returns false for a missing or expired key', () => {
      const cache = new LRUCache<string, number>(2, 100, clock);
      expect(cache.delete('nope'), 'never put').to.equal(false);
      cache.put('a', 1);
      now = 100;
      expect(cache.delete('a'), 'already expired').to.equal(false);
    });
  });

  describe('stats and values', () => {
    it('[R11 get, delete] counts expired reads as misses and delete as neither', () => {
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

    it('[R11 put, keys, size] counts neither a hit nor a miss for put, replace, keys() or size', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      cache.put('a', 1);
      cache.put('a', 2);
      cache.put('b', 3);
      cache.keys();
      void cache.size;
      cache.delete('nope');
      expect(cache.stats()).to.deep.equal({ hits: 0, misses: 0, evictions: 0 });
    });

    it('[R12][R10] does not count dropping expired entries or deleting as evictions', () => {
      const cache = new LRUCache<string, number>(2, 100, clock);
      cache.put('a', 1);
      cache.put('b', 2);
      now = 100;
      cache.put('c', 3);
      cache.put('d', 4);
      expect(cache.stats().evictions, 'a and b had expired: dropped, not evicted').to.equal(0);
      cache.delete('c');
      cache.put('e', 5);
      expect(cache.stats().evictions, 'delete made room').to.equal(0);
      cache.put('f', 6);
      expect(cache.stats().evictions, 'd, the least recent live entry, is evicted').to.equal(1);
      expect(cache.keys()).to.deep.equal(['e', 'f']);
    });

    it('[R12] counts every eviction', () => {
      const cache = new LRUCache<number, number>(2, 1000, clock);
      for (let i = 0; i < 7; i++) cache.put(i, i);
      expect(cache.stats().evictions, '7 puts into 2 slots').to.equal(5);
    });

    it('[R13] returns a snapshot from stats()', () => {
      const cache = new LRUCache<string, number>(2, 1000, clock);
      const stats = cache.stats();
      stats.hits = 99;
      cache.get('x');
      expect(cache.stats(), 'the returned object is not live state').to.deep.equal({ hits: 0, misses: 1, evictions: 0 });
    });

    it('[R16] stores falsy values and reports them as hits', () => {
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

  describe('model', () => {
    type Op = 'get' | 'put' | 'delete' | 'size' | 'keys' | 'stats';
    interface Step {
      op: Op;
      key: string;
      /** For put: the value (falsy ones included) and the TTL (undefined = the default). */
      value: number | string | boolean | null;
      ttl: number | undefined;
      /** Milliseconds the clock moves forward before this step. */
      dt: number;
    }
    interface Scenario {
      capacity: number;
      defaultTtlMs: number;
      steps: Step[];
    }
    interface Entry {
      key: string;
      value: Step['value'];
      expiresAt: number;
    }

    /** The statement, literally: live entries in an array, least recently used first. */
    class ModelCache {
      private entries: Entry[] = [];
      private readonly counts = { hits: 0, misses: 0, evictions: 0 };
      constructor(
        private readonly capacity: number,
        private readonly defaultTtlMs: number,
      ) {}
      /** Expired entries are invisible to every operation, so drop them before each one. */
      at(now: number): this {
        this.entries = this.entries.filter((e) => now < e.expiresAt);
        return this;
      }
      get(key: string): Step['value'] | undefined {
        const i = this.entries.findIndex((e) => e.key === key);
        if (i < 0) {
          this.counts.misses++;
          return undefined;
        }
        this.counts.hits++;
        const [entry] = this.entries.splice(i, 1);
        this.entries.push(entry!);
        return entry!.value;
      }
      put(key: string, value: Step['value'], ttl: number | undefined, now: number): void {
        const i = this.entries.findIndex((e) => e.key === key);
        if (i >= 0) this.entries.splice(i, 1);
        else if (this.entries.length >= this.capacity) {
          this.entries.shift();
          this.counts.evictions++;
        }
        this.entries.push({ key, value, expiresAt: now + (ttl ?? this.defaultTtlMs) });
      }
      delete(key: string): boolean {
        const i = this.entries.findIndex((e) => e.key === key);
        if (i >= 0) this.entries.splice(i, 1);
        return i >= 0;
      }
      size(): number {
        return this.entries.length;
      }
      keys(): string {
        return this.entries.map((e) => e.key).join(',');
      }
      stats(): string {
        return JSON.stringify(this.counts);
      }
    }

    const ttls = fc.constantFrom(1, 2, 5, 20, Infinity);
    const scenarios: fc.Arbitrary<Scenario> = fc.record({
      capacity: fc.integer({ min: 1, max: 4 }),
      defaultTtlMs: ttls,
      steps: fc.array(
        fc.record({
          op: fc.constantFrom<Op>('get', 'get', 'put', 'put', 'put', 'delete', 'size', 'keys', 'stats'),
          key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
          value: fc.oneof(fc.integer({ min: 1, max: 99 }), fc.constantFrom(0, '', false, null)),
          ttl: fc.option(ttls, { nil: undefined }),
          dt: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.integer({ min: 1, max: 25 })),
        }),
        { minLength: 1, maxLength: 30, size: 'max' },
      ),
    });

    const show = (v: unknown) => (typeof v === 'string' ? `'${v}'` : String(v));
    const call = (s: Step) =>
      s.op === 'put'
        ? `put('${s.key}', ${show(s.value)}${s.ttl === undefined ? '' : `, ${s.ttl}`})`
        : s.op === 'get' || s.op === 'delete'
          ? `${s.op}('${s.key}')`
          : s.op === 'size'
            ? 'size'
            : `${s.op}()`;

    /** Runs the scenario on the solution and the model; describes the first step where they differ. */
    function divergence({ capacity, defaultTtlMs, steps }: Scenario): string | null {
      let now = 0;
      const cache = new LRUCache<string, Step['value']>(capacity, defaultTtlMs, () => now);
      const model = new ModelCache(capacity, defaultTtlMs);
      const done: string[] = [];
      for (const step of steps) {
        now += step.dt;
        model.at(now);
        let want: unknown;
        let got: unknown;
        try {
          if (step.op === 'get') [want, got] = [model.get(step.key), cache.get(step.key)];
          else if (step.op === 'put') [want, got] = [model.put(step.key, step.value, step.ttl, now), cache.put(step.key, step.value, step.ttl)];
          else if (step.op === 'delete') [want, got] = [model.delete(step.key), cache.delete(step.key)];
          else if (step.op === 'size') [want, got] = [model.size(), cache.size];
          else if (step.op === 'keys') [want, got] = [model.keys(), cache.keys().join(',')];
          else [want, got] = [model.stats(), JSON.stringify(cache.stats())];
        } catch (err) {
          got = `an error (${String(err)})`;
          want = NaN;
        }
        const here = `${call(step)} at ${now} ms`;
        if (!Object.is(got, want)) {
          const before = done.length ? `after ${done.join(', ')}: ` : '';
          return `new LRUCache(${capacity}, ${defaultTtlMs}), ${before}${here} expected ${show(want)}, got ${show(got)}`;
        }
        done.push(step.op === 'put' ? here : `${here} → ${show(got)}`);
      }
      return null;
    }

    it('[model] agrees with a model over random interleaved operations, keys, TTLs and clock steps', () => {
      const result = fc.check(
        fc.property(scenarios, (scenario) => divergence(scenario) === null),
        { seed: 14, numRuns: 100 },
      );
      if (result.failed) {
        const shrunk = result.counterexample![0];
        expect.fail(`${divergence(shrunk)}  (fast-check seed ${result.seed}, shrunk ${result.numShrinks} times)`);
      }
    });
  });
});
