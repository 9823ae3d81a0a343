/**
 * Only the problem's own test code may skip one of its tests.
 *
 * How mocha 11 decides "skipped" for a test that has a body: when the body throws synchronously (or reading
 * `then` on what it returned throws), it asks `err instanceof Pending` (its internal skip signal) and, if
 * so, ends the test *without an error* (runnable.js). If `this.skip()` had set `test.pending` first, the
 * test is reported pending; otherwise it is reported as PASSED. A solution can throw such a value from any
 * function a test calls: it gets the class from its own group at load time (`it('x', () => {}).skip()`
 * throws one), or makes `Object.create(thatPrototype)`, or a Proxy whose prototype trap answers with it.
 * A wrong solution turned every test that calls it green.
 *
 * So, after the problem's tests are defined and before they run, every body and hook of the problem's group
 * is wrapped here (the problem's runnables are reachable only through the harness). Whatever a wrapped body
 * throws, or rejects with, reaches mocha as a fresh Error made here, unless the runnable skipped itself:
 * mocha's question then has one answer, whatever the thrown value does when asked (a Proxy can answer
 * differently each time), and mocha never reads a getter of it. The reporter reports the original value
 * (`originalOf`). Whether a runnable skipped itself is mocha's own `runnable.pending`, which only mocha's
 * `skip()` on that runnable sets, called through its context (`this`); the solution holds neither. A
 * genuine skip is passed through, and the page still refuses to count a run in which a test the manifest
 * says must run reports as skipped (results/verifyRun.ts).
 */
import type { MochaClass, MochaRunnable, MochaSuite } from './mochaTypes';

export const SKIP_SIGNAL_MESSAGE =
  "The code under test threw mocha's skip signal (a Pending). Only the problem's own tests may skip a test, so this test fails.";

export interface SkipGuard {
  /** Wraps every body and hook of a suite tree (the problem's group). */
  guardSuite(suite: MochaSuite): void;
  /** What a guarded body really threw, for the reporter; anything else is returned as it is. */
  originalOf(err: unknown): unknown;
}

/** mocha's Pending class and its prototype, from a throwaway runnable: the class is not exported. */
export function pendingSignalOf(Mocha: MochaClass): { Pending: unknown; prototype: object } {
  try {
    new Mocha.Runnable('skip signal', () => undefined).skip();
  } catch (signal) {
    const prototype: unknown = Reflect.getPrototypeOf(signal as object);
    if (typeof prototype === 'object' && prototype !== null) return { Pending: Reflect.get(prototype, 'constructor'), prototype };
  }
  throw new Error("mocha's skip() did not throw its Pending signal");
}

/**
 * Made when the worker starts, before any user code: every function it uses is captured here, so what
 * user code does to globals later cannot change it (they are frozen by then as well).
 */
export function makeSkipGuard(Mocha: MochaClass): SkipGuard {
  const { apply, getPrototypeOf, getOwnPropertyDescriptor, defineProperty } = Reflect;
  const PromiseCtor = Promise;
  const then = Promise.prototype.then;
  const ErrorCtor = Error;
  const originals = new WeakMap<object, unknown>();
  const { get: getOriginal, set: setOriginal, has: hasOriginal } = WeakMap.prototype;
  const signal = pendingSignalOf(Mocha);

  /** Anything mocha could take for Pending: its prototype in the chain, or Pending as `constructor`. */
  const looksLikeSkipSignal = (value: unknown): boolean => {
    try {
      let o: unknown = value;
      for (let depth = 0; depth < 64 && ((typeof o === 'object' && o !== null) || typeof o === 'function'); depth++) {
        if (o === signal.prototype) return true;
        const ctor = getOwnPropertyDescriptor(o as object, 'constructor');
        if (ctor && 'value' in ctor && ctor.value === signal.Pending) return true;
        o = getPrototypeOf(o as object);
      }
    } catch {
      // A Proxy whose trap throws: it reaches mocha wrapped all the same.
    }
    return false;
  };

  /** The Error mocha sees instead of what the body threw; only its message depends on the check above. */
  const asFailure = (thrown: unknown): Error => {
    if (looksLikeSkipSignal(thrown)) return new ErrorCtor(SKIP_SIGNAL_MESSAGE);
    const failure = new ErrorCtor('The test threw (the original is reported).');
    apply(setOriginal, originals, [failure, thrown]);
    return failure;
  };

  /**
   * What a body returned, as mocha may look at it: mocha reads `result.then` inside the same try as the
   * call, so a value of the solution's that the test returns (`() => limiter.take()`) could throw a Pending
   * from a getter there. `then` is read once, here; a thenable is handed on as our own promise.
   */
  const settleResult = (result: unknown, onRejected: (reason: unknown) => never): unknown => {
    if ((typeof result !== 'object' || result === null) && typeof result !== 'function') return result;
    let thenOf: unknown;
    try {
      thenOf = (result as { then?: unknown }).then;
    } catch (thrown) {
      throw asFailure(thrown);
    }
    if (typeof thenOf !== 'function') return undefined; // not a thenable: mocha ignores the value anyway
    const adopted = new PromiseCtor((resolve, reject) => apply(thenOf as (...a: unknown[]) => unknown, result, [resolve, reject]));
    return apply(then, adopted, [undefined, onRejected]);
  };

  const guard = (runnable: MochaRunnable): void => {
    const body = runnable.fn;
    if (typeof body !== 'function') return; // no body: statically pending, the manifest knows it
    const skippedItself = () => runnable.pending === true;
    const onRejected = (reason: unknown): never => {
      throw skippedItself() ? reason : asFailure(reason);
    };
    const guarded = function (this: unknown, ...args: unknown[]): unknown {
      let result: unknown;
      try {
        result = apply(body, this, args);
      } catch (thrown) {
        throw skippedItself() ? thrown : asFailure(thrown);
      }
      // A `done`-style body's result only decides mocha's "overspecified" error; it is left alone.
      return runnable.async ? result : settleResult(result, onRejected);
    };
    // mocha reads a body's arity to tell `done`-style tests apart again when it clones one for a retry.
    defineProperty(guarded, 'length', { value: body.length });
    runnable.fn = guarded;
  };

  const guardSuite = (suite: MochaSuite): void => {
    for (const hooks of [suite._beforeAll, suite._beforeEach, suite._afterEach, suite._afterAll]) {
      for (let i = 0; i < hooks.length; i++) guard(hooks[i] as MochaRunnable);
    }
    for (let i = 0; i < suite.tests.length; i++) guard(suite.tests[i] as MochaRunnable);
    for (let i = 0; i < suite.suites.length; i++) guardSuite(suite.suites[i] as MochaSuite);
  };
  const originalOf = (err: unknown): unknown =>
    typeof err === 'object' && err !== null && apply(hasOriginal, originals, [err]) ? apply(getOriginal, originals, [err]) : err;
  return { guardSuite, originalOf };
}
