import { expect } from 'chai';
import fc from 'fast-check';
import { expectThrow } from 'rehearse-test';
import { RateLimiter } from './solution';

describe('RateLimiter (hidden)', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 0;
  });

  /** Makes `count` requests for `user` at the current time; returns how many were allowed. */
  function spend(limiter: RateLimiter, user: string, count: number): number {
    let allowed = 0;
    for (let i = 0; i < count; i++) if (limiter.allow(user)) allowed++;
    return allowed;
  }

  describe('construction', () => {
    for (const capacity of [0, -1, 2.5, NaN, Infinity]) {
      it(`[R15] rejects capacity ${capacity} with a RangeError naming capacity`, () => {
        expectThrow(() => new RateLimiter(capacity, 1000, clock), RangeError, ['capacity'], `capacity ${capacity} is invalid`);
      });
    }

    for (const windowMs of [0, -5, NaN, Infinity, -Infinity]) {
      it(`[R16] rejects windowMs ${windowMs} with a RangeError naming windowMs`, () => {
        expectThrow(() => new RateLimiter(5, windowMs, clock), RangeError, ['windowMs'], `windowMs ${windowMs} is invalid`);
      });
    }

    it('[R14] rejects arguments that are not numbers with a TypeError', () => {
      expectThrow(() => new RateLimiter('5' as unknown as number, 1000, clock), TypeError, ['capacity'], 'capacity "5"');
      expectThrow(() => new RateLimiter(5, '1000' as unknown as number, clock), TypeError, ['windowMs'], 'windowMs "1000"');
    });

    it('[R17] rejects a clock that is not a function with a TypeError', () => {
      expectThrow(() => new RateLimiter(5, 1000, 123 as unknown as () => number), TypeError, ['clock']);
    });

    it('[R15][R16][R4] accepts the smallest limits: capacity 1 and a sub-millisecond window', () => {
      const limiter = new RateLimiter(1, 0.5, clock);
      expect(limiter.allow('u'), 'the single token is available').to.equal(true);
      expect(limiter.allow('u'), 'no time has passed').to.equal(false);
      now = 0.5;
      expect(limiter.allow('u'), 'a 0.5 ms window refills in 0.5 ms').to.equal(true);
    });

    it('[R13] uses the real clock when none is given', () => {
      const limiter = new RateLimiter(1, 60_000);
      expect(limiter.allow('u'), 'first request').to.equal(true);
      expect(limiter.allow('u'), 'a minute has not passed').to.equal(false);
      expect(limiter.remaining('u')).to.equal(0);
    });
  });

  describe('user ids', () => {
    it('[R18 allow, remaining, retryAfterMs] rejects an empty user id in every method with a TypeError', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      expectThrow(() => limiter.allow(''), TypeError, ['userId'], 'allow("")');
      expectThrow(() => limiter.remaining(''), TypeError, ['userId'], 'remaining("")');
      expectThrow(() => limiter.retryAfterMs(''), TypeError, ['userId'], 'retryAfterMs("")');
    });

    it('[R18 allow, remaining, retryAfterMs] rejects a user id that is not a string in every method', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      expectThrow(() => limiter.allow(undefined as unknown as string), TypeError, ['userId'], 'allow(undefined)');
      expectThrow(() => limiter.allow(42 as unknown as string), TypeError, ['userId'], 'allow(42)');
      expectThrow(() => limiter.remaining(null as unknown as string), TypeError, ['userId'], 'remaining(null)');
      expectThrow(() => limiter.retryAfterMs(7 as unknown as string), TypeError, ['userId'], 'retryAfterMs(7)');
      expect(limiter.trackedUsers, 'a rejected id is not remembered').to.equal(0);
    });

    it('[R9] keeps users independent in both directions', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      expect(spend(limiter, 'alice', 7), 'alice gets exactly 5').to.equal(5);
      expect(limiter.remaining('bob'), 'bob is untouched by alice').to.equal(5);
      expect(spend(limiter, 'bob', 3)).to.equal(3);
      now = 200;
      expect(limiter.remaining('alice'), "bob's requests do not change alice's bucket").to.equal(1);
      expect(limiter.remaining('bob'), 'bob refilled one token').to.equal(3);
    });
  });

  describe('allowing and refilling', () => {
    it('[R2] denies the 6th request in the same millisecond', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      expect(spend(limiter, 'u', 5), 'the first five').to.equal(5);
      expect(limiter.allow('u'), 'the 6th').to.equal(false);
    });

    it('[R1] starts a new user with a full bucket', () => {
      const limiter = new RateLimiter(4, 1000, clock);
      now = 123_456;
      expect(limiter.remaining('new'), 'full before the first request').to.equal(4);
      expect(spend(limiter, 'new', 10), 'a new user can burst the full capacity').to.equal(4);
    });

    it('[R5] caps the refill at capacity however long the user was idle', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      now = 60_000;
      expect(limiter.remaining('u'), 'a minute refills 300 tokens, capped at 5').to.equal(5);
      expect(spend(limiter, 'u', 10), 'only 5 may burst after a long idle').to.equal(5);
    });

    it('[R4][R13] keeps fractional refill between requests, on the injected clock', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      now = 100;
      expect(limiter.allow('u'), 'half a token is not enough').to.equal(false);
      now = 200;
      expect(limiter.allow('u'), 'two half tokens make a whole one').to.equal(true);
      expect(limiter.allow('u'), 'and it was spent').to.equal(false);
    });

    it('[R2][R4] allows exactly at the moment a whole token has refilled, not a millisecond earlier', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      now = 199;
      expect(limiter.allow('u'), 'at 199 ms the token is not whole yet').to.equal(false);
      now = 200;
      expect(limiter.allow('u'), 'at 200 ms it is').to.equal(true);
    });

    it('[R4] counts each elapsed millisecond of refill only once', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      let allowed = 0;
      for (now = 50; now <= 1000; now += 50) if (limiter.allow('u')) allowed++;
      expect(allowed, 'one token per 200 ms over one second').to.equal(5);
      expect(limiter.allow('u'), 'nothing left at 1000 ms').to.equal(false);
    });

    it('[R3] does not let denied requests push the bucket below empty', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      expect(spend(limiter, 'u', 20), 'all 20 extra requests denied').to.equal(0);
      now = 200;
      expect(limiter.allow('u'), 'denied requests cost nothing').to.equal(true);
    });

    it('[R4] refills at capacity per window for large limits', () => {
      const limiter = new RateLimiter(100, 60_000, clock);
      expect(spend(limiter, 'u', 150), 'a burst of 100').to.equal(100);
      now = 30_000;
      expect(limiter.remaining('u'), 'half a window refills half the bucket').to.equal(50);
    });

    it('[R12 allow, remaining] never takes tokens away when the clock steps backwards', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      now = 1000;
      spend(limiter, 'u', 4);
      now = 500;
      expect(limiter.remaining('u'), 'still one token after the clock went back').to.equal(1);
      expect(limiter.allow('u'), 'that token can be spent').to.equal(true);
      expect(limiter.allow('u'), 'the bucket is now empty').to.equal(false);
      now = 1100;
      expect(limiter.remaining('u'), 'the backwards step does not count as refill time').to.equal(0);
      now = 1200;
      expect(limiter.remaining('u'), '200 ms after the last real reading').to.equal(1);
    });
    it('[R12 retryAfterMs] measures the wait from the latest reading after the clock stepped backwards', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      now = 1000;
      expect(spend(limiter, 'u', 5), 'five tokens at 1000 ms').to.equal(5);
      now = 500;
      expect(limiter.retryAfterMs('u'), 'still empty after the clock went back').to.be.greaterThan(0);
      now = 1100;
      expect(limiter.retryAfterMs('u'), 'the token comes 200 ms after 1000 ms, not after 500 ms').to.equal(100);
      now = 1200;
      expect(limiter.retryAfterMs('u'), 'a whole token at 1200 ms').to.equal(0);
    });
  });

  describe('remaining', () => {
    it('[R6] rounds partial tokens down', () => {
      const limiter = new RateLimiter(2, 1000, clock);
      spend(limiter, 'u', 2);
      now = 250;
      expect(limiter.remaining('u'), 'half a token counts as 0').to.equal(0);
      now = 750;
      expect(limiter.remaining('u'), '1.5 tokens count as 1').to.equal(1);
    });

    it('[R8 remaining] remaining does not consume tokens', () => {
      const limiter = new RateLimiter(3, 1000, clock);
      for (let i = 0; i < 10; i++) limiter.remaining('u');
      expect(spend(limiter, 'u', 5), 'all three tokens still there').to.equal(3);
      expect(limiter.remaining('u')).to.equal(0);
    });
  });

  describe('retryAfterMs', () => {
    it('[R7] is 0 while a token is available', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      expect(limiter.retryAfterMs('new'), 'a new user can go now').to.equal(0);
      spend(limiter, 'u', 5);
      now = 300;
      expect(limiter.retryAfterMs('u'), '1.5 tokens: go now').to.equal(0);
    });

    it('[R7] is the time until the next token, not until the bucket is full', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      expect(limiter.retryAfterMs('u'), 'one token every 200 ms').to.equal(200);
      now = 50;
      expect(limiter.retryAfterMs('u'), 'a quarter token refilled').to.equal(150);
      now = 100;
      expect(limiter.retryAfterMs('u'), 'half a token refilled').to.equal(100);
    });

    it('[R7] rounds up so that waiting that long is enough', () => {
      const limiter = new RateLimiter(3, 1000, clock);
      spend(limiter, 'u', 3);
      const wait = limiter.retryAfterMs('u');
      expect(wait, '333.33 ms rounds up to 334').to.equal(334);
      now = wait - 1;
      expect(limiter.allow('u'), 'one millisecond early is too early').to.equal(false);
      now = wait;
      expect(limiter.allow('u'), 'retrying after the advised wait succeeds').to.equal(true);
    });

    it('[R8 retryAfterMs] retryAfterMs does not consume or delay anything', () => {
      const limiter = new RateLimiter(1, 1000, clock);
      for (let i = 0; i < 5; i++) expect(limiter.retryAfterMs('u')).to.equal(0);
      expect(limiter.allow('u'), 'the token is still there').to.equal(true);
    });
  });

  describe('cleanup', () => {
    it('[R11][R10] forgets only users whose buckets are full again', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'alice', 5);
      spend(limiter, 'bob', 1);
      expect(limiter.trackedUsers, 'two users seen').to.equal(2);
      now = 199;
      expect(limiter.cleanup(), 'bob is 0.005 tokens short of full').to.equal(0);
      expect(limiter.trackedUsers).to.equal(2);
      now = 200;
      expect(limiter.cleanup(), 'bob is full at 200 ms').to.equal(1);
      expect(limiter.trackedUsers, 'alice is still refilling').to.equal(1);
      expect(limiter.remaining('alice')).to.equal(1);
      now = 1000;
      expect(limiter.cleanup(), 'alice is full at 1000 ms').to.equal(1);
      expect(limiter.trackedUsers).to.equal(0);
    });

    it('[R11] changes no answer for a user it removed', () => {
      const limiter = new RateLimiter(3, 1000, clock);
      spend(limiter, 'u', 3);
      now = 5000;
      limiter.cleanup();
      expect(limiter.remaining('u')).to.equal(3);
      expect(spend(limiter, 'u', 5), 'a forgotten user starts full').to.equal(3);
    });

    it('[R11] returns 0 when nobody is tracked', () => {
      const limiter = new RateLimiter(3, 1000, clock);
      expect(limiter.cleanup()).to.equal(0);
      expect(limiter.trackedUsers).to.equal(0);
    });
  });

  describe('memory', () => {
    it('[R8 remaining, retryAfterMs] never adds a user to memory when only asked about them', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      expect(limiter.remaining('ghost')).to.equal(5);
      expect(limiter.retryAfterMs('ghost')).to.equal(0);
      expect(limiter.trackedUsers, 'queries about a user never seen keep no bucket').to.equal(0);
      limiter.allow('alice');
      now = 100;
      limiter.remaining('bob');
      limiter.retryAfterMs('carol');
      expect(limiter.trackedUsers, 'only alice, who made a request, is remembered').to.equal(1);
      expect(limiter.cleanup(), 'nothing to forget for users only asked about').to.equal(0);
    });

    it('[R8 remaining, retryAfterMs] queries keep the fractional refill they observed', () => {
      const limiter = new RateLimiter(5, 1000, clock);
      spend(limiter, 'u', 5);
      for (now = 10; now < 200; now += 10) {
        expect(limiter.remaining('u'), `no whole token at ${now} ms`).to.equal(0);
        expect(limiter.retryAfterMs('u'), `wait at ${now} ms`).to.equal(200 - now);
      }
      now = 200;
      expect(limiter.allow('u'), 'looking at the bucket did not delay the refill').to.equal(true);
    });

    it('[R10] counts a user from their first request until cleanup, even when denied or full again', () => {
      const limiter = new RateLimiter(1, 1000, clock);
      expect(limiter.trackedUsers, 'nobody yet').to.equal(0);
      limiter.allow('a');
      limiter.allow('a');
      limiter.allow('b');
      expect(limiter.trackedUsers, 'a and b made requests').to.equal(2);
      now = 10_000;
      expect(limiter.remaining('a'), 'full again').to.equal(1);
      expect(limiter.trackedUsers, 'still held until cleanup()').to.equal(2);
      expect(limiter.cleanup()).to.equal(2);
      expect(limiter.trackedUsers, 'gone after cleanup').to.equal(0);
      limiter.allow('a');
      expect(limiter.trackedUsers, 'a request brings a user back').to.equal(1);
    });
  });

  describe('model', () => {
    type Op = 'allow' | 'remaining' | 'retryAfterMs' | 'cleanup' | 'trackedUsers';
    interface Step {
      op: Op;
      user: string;
      /** Milliseconds the clock moves before this step (backwards too: R12), never below 0. */
      dt: number;
    }
    interface Scenario {
      capacity: number;
      windowMs: number;
      steps: Step[];
    }

    /** The statement, literally: one bucket per user, refilled on each look. Windows are powers of two
     * (and 0.5 ms) so every token count is exact in floating point and the model needs no tolerance. */
    class ModelLimiter {
      private readonly buckets = new Map<string, { tokens: number; at: number }>();
      constructor(
        private readonly capacity: number,
        private readonly windowMs: number,
      ) {}
      private level(user: string, now: number): number {
        const b = this.buckets.get(user);
        // R12: a reading behind the bucket's latest one adds nothing.
        return b ? Math.min(this.capacity, b.tokens + (Math.max(0, now - b.at) * this.capacity) / this.windowMs) : this.capacity;
      }
      allow(user: string, now: number): boolean {
        const tokens = this.level(user, now);
        const allowed = tokens >= 1;
        const at = Math.max(this.buckets.get(user)?.at ?? now, now);
        this.buckets.set(user, { tokens: allowed ? tokens - 1 : tokens, at });
        return allowed;
      }
      remaining(user: string, now: number): number {
        return Math.floor(this.level(user, now));
      }
      /** Every answer the statement allows: behind the bucket's latest reading, the wait may be counted from
       * now or from that reading (the statement does not say which). */
      retryAfterMs(user: string, now: number): number[] {
        const tokens = this.level(user, now);
        if (tokens >= 1) return [0];
        const need = ((1 - tokens) * this.windowMs) / this.capacity;
        const at = this.buckets.get(user)?.at ?? now;
        return [...new Set([Math.ceil(need), Math.ceil(Math.max(0, at - now) + need)])];
      }
      cleanup(now: number): number {
        let removed = 0;
        for (const user of [...this.buckets.keys()]) {
          if (this.level(user, now) >= this.capacity) {
            this.buckets.delete(user);
            removed++;
          }
        }
        return removed;
      }
      trackedUsers(): number {
        return this.buckets.size;
      }
    }

    const scenarios: fc.Arbitrary<Scenario> = fc
      .record({ capacity: fc.integer({ min: 1, max: 5 }), windowMs: fc.constantFrom(0.5, 1, 2, 8, 64, 1024) })
      .chain(({ capacity, windowMs }) =>
        fc.record({
          capacity: fc.constant(capacity),
          windowMs: fc.constant(windowMs),
          steps: fc.array(
            fc.record({
              op: fc.constantFrom<Op>('allow', 'allow', 'allow', 'remaining', 'retryAfterMs', 'cleanup', 'trackedUsers'),
              user: fc.constantFrom('a', 'a', 'b', 'c'),
              // Mostly bursts in the same millisecond, so buckets run empty and boundaries are reached.
              dt: fc.oneof(
                { arbitrary: fc.constant(0), weight: 4 },
                fc.integer({ min: 1, max: Math.ceil(windowMs / capacity) + 1 }),
                fc.integer({ min: 0, max: Math.ceil(windowMs * 2) }),
                // R12: the clock steps back, then moves forward again.
                fc.integer({ min: -Math.ceil(windowMs * 2), max: -1 }),
              ),
            }),
            { minLength: 1, maxLength: 30, size: 'max' },
          ),
        }),
      );

    const call = (s: Step) => (s.op === 'cleanup' || s.op === 'trackedUsers' ? `${s.op}()` : `${s.op}('${s.user}')`);

    /** Runs the scenario on the solution and the model; describes the first step where they differ. */
    function divergence({ capacity, windowMs, steps }: Scenario): string | null {
      let now = 0;
      const limiter = new RateLimiter(capacity, windowMs, () => now);
      const model = new ModelLimiter(capacity, windowMs);
      const done: string[] = [];
      for (const step of steps) {
        now = Math.max(0, now + step.dt);
        let want: number | boolean | number[];
        let got: unknown;
        try {
          if (step.op === 'allow') [want, got] = [model.allow(step.user, now), limiter.allow(step.user)];
          else if (step.op === 'remaining') [want, got] = [model.remaining(step.user, now), limiter.remaining(step.user)];
          else if (step.op === 'retryAfterMs') [want, got] = [model.retryAfterMs(step.user, now), limiter.retryAfterMs(step.user)];
          else if (step.op === 'cleanup') [want, got] = [model.cleanup(now), limiter.cleanup()];
          else [want, got] = [model.trackedUsers(), limiter.trackedUsers];
        } catch (err) {
          got = `an error (${String(err)})`;
          want = NaN;
        }
        const here = `${call(step)} at ${now} ms`;
        if (Array.isArray(want) ? !want.some((w) => Object.is(got, w)) : !Object.is(got, want)) {
          const before = done.length ? `after ${done.join(', ')}: ` : '';
          const expected = Array.isArray(want) ? want.join(' or ') : String(want);
          return `new RateLimiter(${capacity}, ${windowMs}), ${before}${here} expected ${expected}, got ${String(got)}`;
        }
        done.push(`${here} → ${String(got)}`);
      }
      return null;
    }

    it('[model] agrees with a model over random interleaved operations, users and clock steps', () => {
      const result = fc.check(
        fc.property(scenarios, (scenario) => divergence(scenario) === null),
        { seed: 4, numRuns: 100 },
      );
      if (result.failed) {
        const shrunk = result.counterexample![0];
        expect.fail(`${divergence(shrunk)}  (fast-check seed ${result.seed}, shrunk ${result.numShrinks} times)`);
      }
    });
  });
});
