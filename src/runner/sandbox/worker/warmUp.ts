/**
 * Warms a freshly spawned (spare) test worker while it is idle. Every run gets a brand-new worker, so
 * without this each run executes mocha's runner, our reporter and chai's assertions for the first time:
 * V8 compiles every function lazily on first call and runs it unoptimised, which made the test phase of a
 * 35-test Submit several times slower than the same tests in a warm process.
 *
 * So the spare runs a small private suite (its own Mocha instance, not the global `mocha` the real run
 * uses, with a reporter built like the real one but posting nothing) through the same code paths: hooks,
 * passing and failing tests, chai's equal/deep.equal/throw, error serialisation. It leaves no state behind
 * that a run can see: the global mocha's suite is untouched, the BDD globals are installed only by the
 * real run's setup, and mocha's scheduling queue is empty when the promise resolves.
 */

import type * as FastCheck from 'fast-check';
import type { MochaClass, MochaReporterConstructor } from './mochaTypes';

/** Enough repetitions for V8 to compile and tier up the per-test path, still only a few ms. */
const WARM_TESTS = 40;

interface ChaiLike {
  expect(
    value: unknown,
    message?: string,
  ): {
    to: {
      equal(v: unknown): unknown;
      deep: { equal(v: unknown): unknown };
      throw(type: unknown, pattern?: RegExp): unknown;
      be: { true: unknown; false: unknown; a(type: string): unknown };
    };
  };
}

/**
 * Thirteen problems' hidden tests check a model with fast-check (100 generated scenarios, some shrunk):
 * its generators, runner and shrinker run cold in every fresh worker too, about twice as slow the first
 * time. A few small properties of the same shapes (records, arrays, choices, numbers; one that fails, so it
 * shrinks) compile them. Each with its own seed and run count: fast-check's global settings are not touched.
 */
function warmFastCheck(fc: typeof FastCheck): void {
  const step = fc.record({ op: fc.constantFrom('a', 'b', 'c'), key: fc.constantFrom('x', 'y'), dt: fc.nat(50) });
  const scenario = fc.record({
    size: fc.integer({ min: 1, max: 9 }),
    steps: fc.array(step, { maxLength: 12 }),
    extra: fc.oneof(fc.boolean(), fc.string({ maxLength: 3 }), fc.option(fc.nat())),
  });
  fc.check(
    fc.property(scenario, (s) => s.size > 0),
    { numRuns: 60, seed: 1 },
  );
  fc.check(
    fc.property(fc.array(fc.integer()), (list) => list.length < 3),
    { numRuns: 60, seed: 1 },
  );
}

export function warmUp(Mocha: MochaClass, chai: object, reporter: MochaReporterConstructor, fastCheck?: object): Promise<void> {
  if (fastCheck) {
    try {
      warmFastCheck(fastCheck as typeof FastCheck);
    } catch {
      // Only speed is at stake.
    }
  }
  const { expect } = chai as ChaiLike;
  const instance = new Mocha({ reporter, timeout: 2000 });
  const suite = Mocha.Suite.create(instance.suite, 'warm-up');
  let value = 0;
  suite.beforeEach(() => {
    value = 0;
  });
  for (let i = 0; i < WARM_TESTS; i++) {
    suite.addTest(
      new Mocha.Test(`warm ${i}`, () => {
        value += i;
        expect(value, 'sum').to.equal(i);
        expect({ a: [i, 'x'] }).to.deep.equal({ a: [i, 'x'] });
        expect(() => {
          throw new RangeError(`bad ${i}`);
        }).to.throw(RangeError, /bad/);
        expect(value === i).to.equal(true);
        expect(String(i)).to.be.a('string');
      }),
    );
  }
  // One failing assertion, so the failure path (AssertionError, diff, serialisation) is compiled too.
  suite.addTest(new Mocha.Test('warm failure', () => expect({ a: 1 }).to.deep.equal({ a: 2 })));
  return new Promise((resolve) => {
    instance.run(() => resolve());
  });
}
