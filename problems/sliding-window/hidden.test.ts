import { expect } from 'chai';
import fc from 'fast-check';
import { expectThrow } from 'rehearse-test';
import { SlidingWindowLimiter } from './solution';

function setup(limit: number, windowMs: number) {
  const clock = { now: 0 };
  const limiter = new SlidingWindowLimiter(limit, windowMs, () => clock.now);
  return { clock, limiter };
}

describe('SlidingWindowLimiter — hidden', () => {
  describe('window boundaries', () => {
    it('[R2] denies the (limit+1)th request made at the same instant', () => {
      const { limiter } = setup(5, 1000);
      for (let i = 1; i <= 5; i++) expect(limiter.allow('a'), `request ${i} should be allowed`).to.equal(true);
      expect(limiter.allow('a'), 'request 6 in the same instant should be denied').to.equal(false);
    });

    it('[R1] still counts a request 1 ms before it expires', () => {
      const { clock, limiter } = setup(1, 1000);
      limiter.allow('a');
      clock.now = 999;
      expect(limiter.allow('a'), 'at t=999 the request at t=0 still counts').to.equal(false);
    });

    it('[R1] stops counting a request exactly windowMs after it was made', () => {
      const { clock, limiter } = setup(1, 1000);
      limiter.allow('a');
      clock.now = 1000;
      expect(limiter.allow('a'), 'at t=1000 the request at t=0 no longer counts').to.equal(true);
    });

    it('[R1][R2] slides rather than resetting at fixed boundaries', () => {
      const { clock, limiter } = setup(2, 1000);
      clock.now = 990;
      limiter.allow('a');
      limiter.allow('a');
      clock.now = 1010;
      expect(limiter.allow('a'), 'requests at 990 still count at 1010').to.equal(false);
      clock.now = 1989;
      expect(limiter.allow('a'), 'requests at 990 still count at 1989').to.equal(false);
      clock.now = 1990;
      expect(limiter.allow('a'), 'requests at 990 stop counting at 1990').to.equal(true);
    });

    it('[R1][R4] expires several old requests at once after a long pause', () => {
      const { clock, limiter } = setup(3, 100);
      limiter.allow('a');
      clock.now = 1;
      limiter.allow('a');
      clock.now = 2;
      limiter.allow('a');
      clock.now = 10_000;
      expect(limiter.remaining('a'), 'all three old requests have expired').to.equal(3);
      for (let i = 1; i <= 3; i++) expect(limiter.allow('a'), `request ${i} after the pause`).to.equal(true);
      expect(limiter.allow('a'), 'the fourth is over the limit').to.equal(false);
    });

    it('[R1][R2] frees one slot at a time as each old request expires', () => {
      const { clock, limiter } = setup(3, 1000);
      limiter.allow('a'); // 0
      clock.now = 300;
      limiter.allow('a'); // 300
      clock.now = 600;
      limiter.allow('a'); // 600
      clock.now = 1000;
      expect(limiter.remaining('a'), 'only the request at 0 has expired').to.equal(1);
      expect(limiter.allow('a')).to.equal(true);
      expect(limiter.allow('a'), 'no slot until 1300').to.equal(false);
      clock.now = 1300;
      expect(limiter.allow('a'), 'the request at 300 expired at 1300').to.equal(true);
    });

    it('[R1][R14] supports a fractional window', () => {
      const { clock, limiter } = setup(1, 0.5);
      limiter.allow('a');
      clock.now = 0.25;
      expect(limiter.allow('a'), 'still inside the 0.5 ms window').to.equal(false);
      clock.now = 0.5;
      expect(limiter.allow('a'), 'window of 0.5 ms has passed').to.equal(true);
    });
  });

  describe('denied requests', () => {
    it('[R3] does not record denied requests, so retrying does not extend the wait', () => {
      const { clock, limiter } = setup(2, 1000);
      limiter.allow('a');
      limiter.allow('a');
      for (let t = 100; t < 1000; t += 100) {
        clock.now = t;
        expect(limiter.allow('a'), `denied at t=${t}`).to.equal(false);
      }
      clock.now = 1000;
      expect(limiter.allow('a'), 'allowed at t=1000 despite nine denied retries').to.equal(true);
      expect(limiter.allow('a'), 'both original requests expired at 1000').to.equal(true);
    });
  });

  describe('timeUntilResetMs', () => {
    it('[R5] is 0 for a user who has never been seen', () => {
      const { limiter } = setup(2, 1000);
      expect(limiter.timeUntilResetMs('nobody')).to.equal(0);
    });

    it('[R5] is 0 while the user still has requests left', () => {
      const { clock, limiter } = setup(2, 1000);
      limiter.allow('a');
      clock.now = 10;
      expect(limiter.timeUntilResetMs('a'), 'one of two used: a request would be allowed now').to.equal(0);
    });

    it('[R5] waits for the oldest counting request, not the newest', () => {
      const { clock, limiter } = setup(3, 1000);
      clock.now = 100;
      limiter.allow('a');
      clock.now = 500;
      limiter.allow('a');
      clock.now = 800;
      limiter.allow('a');
      clock.now = 850;
      expect(limiter.timeUntilResetMs('a'), 'oldest (100) expires at 1100, 250 ms from 850').to.equal(250);
    });

    it('[R5] is exact in milliseconds, not rounded to seconds', () => {
      const { clock, limiter } = setup(1, 60_000);
      limiter.allow('a');
      clock.now = 1234;
      expect(limiter.timeUntilResetMs('a'), 'expected 60000 - 1234 ms').to.equal(58_766);
    });

    it('[R5] waiting exactly the returned time makes the next request succeed', () => {
      const { clock, limiter } = setup(4, 700);
      for (const t of [0, 13, 250, 251]) {
        clock.now = t;
        limiter.allow('a');
      }
      clock.now = 300;
      const wait = limiter.timeUntilResetMs('a');
      expect(wait, 'the request at 0 expires at 700').to.equal(400);
      clock.now = 300 + wait - 1;
      expect(limiter.allow('a'), 'one ms early is still denied').to.equal(false);
      clock.now = 300 + wait;
      expect(limiter.allow('a'), 'exactly on time is allowed').to.equal(true);
    });

    it('[R6 timeUntilResetMs] does not record a request or change remaining()', () => {
      const { limiter } = setup(2, 1000);
      limiter.allow('a');
      limiter.timeUntilResetMs('a');
      limiter.timeUntilResetMs('a');
      expect(limiter.remaining('a'), 'queries must not use up requests').to.equal(1);
    });
  });

  describe('independent users', () => {
    it("[R7] one user's traffic never changes another user's answers", () => {
      const { clock, limiter } = setup(2, 1000);
      limiter.allow('a');
      limiter.allow('a');
      limiter.allow('a');
      clock.now = 10;
      expect(limiter.remaining('b'), 'b is untouched').to.equal(2);
      expect(limiter.timeUntilResetMs('b'), 'b need not wait').to.equal(0);
      expect(limiter.allow('b')).to.equal(true);
      expect(limiter.allow('b')).to.equal(true);
      expect(limiter.allow('b'), 'b reaches its own limit').to.equal(false);
      expect(limiter.timeUntilResetMs('a'), 'a still waits for its request at 0').to.equal(990);
    });

    it('[R7] treats user ids as exact strings', () => {
      const { limiter } = setup(1, 1000);
      expect(limiter.allow('Alice')).to.equal(true);
      expect(limiter.allow('alice'), "'alice' differs from 'Alice'").to.equal(true);
      expect(limiter.allow('alice '), "'alice ' differs from 'alice'").to.equal(true);
    });
  });

  describe('memory', () => {
    it('[R6 remaining, timeUntilResetMs] queries never add a user to memory', () => {
      const { limiter } = setup(3, 1000);
      limiter.remaining('ghost');
      limiter.timeUntilResetMs('ghost2');
      expect(limiter.trackedUsers, 'remaining/timeUntilResetMs must not create state').to.equal(0);
      limiter.allow('alice');
      expect(limiter.remaining('bob')).to.equal(3);
      expect(limiter.timeUntilResetMs('carol')).to.equal(0);
      expect(limiter.trackedUsers, 'only alice, who made a request, is held').to.equal(1);
      expect(limiter.cleanup(), 'alice still counts; nobody else was ever added').to.equal(0);
    });

    it('[R9] holds a user whose requests have expired until cleanup() removes them', () => {
      const { clock, limiter } = setup(2, 100);
      limiter.allow('a');
      clock.now = 500;
      expect(limiter.remaining('a'), 'nothing counts any more').to.equal(2);
      expect(limiter.timeUntilResetMs('a')).to.equal(0);
      expect(limiter.trackedUsers, 'queries do not forget users either: only cleanup() does').to.equal(1);
      expect(limiter.cleanup()).to.equal(1);
      expect(limiter.trackedUsers).to.equal(0);
    });

    it('[R9] tracks each user that made a request', () => {
      const { limiter } = setup(3, 1000);
      limiter.allow('a');
      limiter.allow('b');
      limiter.allow('a');
      expect(limiter.trackedUsers).to.equal(2);
    });

    it('[R10][R9] cleanup drops only users with nothing counting, and returns how many', () => {
      const { clock, limiter } = setup(3, 1000);
      limiter.allow('old1');
      limiter.allow('old2');
      limiter.allow('old2');
      clock.now = 600;
      limiter.allow('recent');
      clock.now = 1000;
      expect(limiter.cleanup(), 'old1 and old2 have nothing counting at 1000').to.equal(2);
      expect(limiter.trackedUsers, 'recent (t=600) is kept').to.equal(1);
      expect(limiter.remaining('recent'), "cleanup keeps the kept user's log").to.equal(2);
      clock.now = 1600;
      expect(limiter.cleanup(), 'recent expires at 1600').to.equal(1);
      expect(limiter.trackedUsers).to.equal(0);
    });

    it('[R10] cleanup removes a user whose several requests have all expired', () => {
      const { clock, limiter } = setup(5, 100);
      for (let i = 0; i < 5; i++) {
        clock.now = i;
        limiter.allow('busy');
      }
      clock.now = 500;
      expect(limiter.cleanup(), 'all five requests expired').to.equal(1);
      expect(limiter.trackedUsers).to.equal(0);
    });

    it('[R10] a forgotten user starts fresh', () => {
      const { clock, limiter } = setup(1, 1000);
      limiter.allow('a');
      clock.now = 2000;
      limiter.cleanup();
      expect(limiter.allow('a')).to.equal(true);
      expect(limiter.allow('a'), 'the new request counts again').to.equal(false);
    });

    // No stopwatch (a busy machine would make it flaky): a log that grows with every request makes these
    // 50 000 calls quadratic and runs into the test's 2 s timeout instead.
    it('[R8] keeps up with a user hammering a small limit', () => {
      const { clock, limiter } = setup(10, 1000);
      let allowed = 0;
      for (let i = 0; i < 50_000; i++) {
        clock.now = i;
        if (limiter.allow('hot')) allowed++;
      }
      expect(allowed, '10 per rolling second over 50 s').to.equal(500);
      expect(limiter.remaining('hot'), 'all 10 slots used in the last second').to.equal(0);
      expect(limiter.timeUntilResetMs('hot'), 'the oldest of the last ten, made at 49 000 ms').to.equal(1);
    });
  });

  describe('validation', () => {
    it('[R13] rejects a limit that is not a positive integer with RangeError', () => {
      for (const bad of [0, -0, -1, 2.5, NaN, Infinity]) {
        expectThrow(() => new SlidingWindowLimiter(bad, 1000), RangeError, ['limit'], `limit ${bad}`);
      }
    });

    it('[R14] rejects a window that is not a positive finite number with RangeError', () => {
      for (const bad of [0, -0, -5, NaN, Infinity]) {
        expectThrow(() => new SlidingWindowLimiter(1, bad), RangeError, ['windowMs'], `windowMs ${bad}`);
      }
    });

    it('[R12][R15] rejects non-number arguments with TypeError', () => {
      expectThrow(() => new SlidingWindowLimiter('5' as unknown as number, 1000), TypeError, ['limit']);
      expectThrow(() => new SlidingWindowLimiter(5, '1000' as unknown as number), TypeError, ['windowMs']);
      expectThrow(() => new SlidingWindowLimiter(5, 1000, 42 as unknown as () => number), TypeError, ['clock']);
    });

    it('[R16 allow, remaining, timeUntilResetMs] rejects an empty or non-string userId in every method with TypeError', () => {
      const { limiter } = setup(1, 1000);
      for (const bad of ['', undefined, 7, null]) {
        const id = bad as unknown as string;
        expectThrow(() => limiter.allow(id), TypeError, ['userId'], `allow(${String(bad)})`);
        expectThrow(() => limiter.remaining(id), TypeError, ['userId'], `remaining(${String(bad)})`);
        expectThrow(() => limiter.timeUntilResetMs(id), TypeError, ['userId'], `timeUntilResetMs(${String(bad)})`);
      }
      expect(limiter.trackedUsers, 'a rejected call stores nothing').to.equal(0);
    });

    it('[R11] uses Date.now when no clock is given', () => {
      const limiter = new SlidingWindowLimiter(1, 60_000);
      expect(limiter.allow('a')).to.equal(true);
      expect(limiter.allow('a'), 'second request within a minute of real time').to.equal(false);
      const wait = limiter.timeUntilResetMs('a');
      expect(wait, 'close to a full minute').to.be.within(59_000, 60_000);
    });
  });

  describe('model', () => {
    type Op = 'allow' | 'remaining' | 'timeUntilResetMs' | 'cleanup' | 'trackedUsers';
    interface Step {
      op: Op;
      user: string;
      /** Milliseconds the clock moves forward before this step. */
      dt: number;
    }
    interface Scenario {
      limit: number;
      windowMs: number;
      steps: Step[];
    }

    /** The statement, literally: every allowed request's time per user, filtered on each look. */
    class ModelLimiter {
      private readonly logs = new Map<string, number[]>();
      constructor(
        private readonly limit: number,
        private readonly windowMs: number,
      ) {}
      private counting(user: string, now: number): number[] {
        return (this.logs.get(user) ?? []).filter((t) => now - t < this.windowMs);
      }
      allow(user: string, now: number): boolean {
        const log = this.counting(user, now);
        const allowed = log.length < this.limit;
        if (allowed) log.push(now);
        this.logs.set(user, log);
        return allowed;
      }
      remaining(user: string, now: number): number {
        return this.limit - this.counting(user, now).length;
      }
      timeUntilResetMs(user: string, now: number): number {
        const log = this.counting(user, now);
        return log.length < this.limit ? 0 : log[0]! + this.windowMs - now;
      }
      cleanup(now: number): number {
        const idle = [...this.logs.keys()].filter((user) => this.counting(user, now).length === 0);
        for (const user of idle) this.logs.delete(user);
        return idle.length;
      }
      trackedUsers(): number {
        return this.logs.size;
      }
    }

    const scenarios: fc.Arbitrary<Scenario> = fc
      .record({ limit: fc.integer({ min: 1, max: 4 }), windowMs: fc.constantFrom(0.5, 1, 3, 10, 100, 1000) })
      .chain(({ limit, windowMs }) =>
        fc.record({
          limit: fc.constant(limit),
          windowMs: fc.constant(windowMs),
          steps: fc.array(
            fc.record({
              op: fc.constantFrom<Op>('allow', 'allow', 'allow', 'remaining', 'timeUntilResetMs', 'cleanup', 'trackedUsers'),
              user: fc.constantFrom('a', 'a', 'b', 'c'),
              // Mostly bursts and small steps, so logs fill up and requests expire at the exact boundary.
              dt: fc.oneof(
                { arbitrary: fc.constant(0), weight: 3 },
                fc.integer({ min: 1, max: Math.ceil(windowMs / 2) }),
                fc.integer({ min: 0, max: Math.ceil(windowMs * 2) }),
              ),
            }),
            { minLength: 1, maxLength: 30, size: 'max' },
          ),
        }),
      );

    const call = (s: Step) => (s.op === 'cleanup' || s.op === 'trackedUsers' ? `${s.op}()` : `${s.op}('${s.user}')`);

    /** Runs the scenario on the solution and the model; describes the first step where they differ. */
    function divergence({ limit, windowMs, steps }: Scenario): string | null {
      let now = 0;
      const limiter = new SlidingWindowLimiter(limit, windowMs, () => now);
      const model = new ModelLimiter(limit, windowMs);
      const done: string[] = [];
      for (const step of steps) {
        now += step.dt;
        let want: number | boolean;
        let got: unknown;
        try {
          if (step.op === 'allow') [want, got] = [model.allow(step.user, now), limiter.allow(step.user)];
          else if (step.op === 'remaining') [want, got] = [model.remaining(step.user, now), limiter.remaining(step.user)];
          else if (step.op === 'timeUntilResetMs') [want, got] = [model.timeUntilResetMs(step.user, now), limiter.timeUntilResetMs(step.user)];
          else if (step.op === 'cleanup') [want, got] = [model.cleanup(now), limiter.cleanup()];
          else [want, got] = [model.trackedUsers(), limiter.trackedUsers];
        } catch (err) {
          got = `an error (${String(err)})`;
          want = NaN;
        }
        const here = `${call(step)} at ${now} ms`;
        if (!Object.is(got, want)) {
          const before = done.length ? `after ${done.join(', ')}: ` : '';
          return `new SlidingWindowLimiter(${limit}, ${windowMs}), ${before}${here} expected ${String(want)}, got ${String(got)}`;
        }
        done.push(`${here} → ${String(got)}`);
      }
      return null;
    }

    it('[model] agrees with a model over random interleaved operations, users and clock steps', () => {
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
