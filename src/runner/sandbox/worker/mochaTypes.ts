/**
 * The few parts of mocha's browser build (a global `mocha` and `Mocha`) the harness touches. Declared here
 * rather than pulling in @types/mocha's globals, which would leak `describe`/`it` types into the whole app.
 */

/** A suite as the reporter sees it; `_beforeEach` is mocha's list of the suite's beforeEach hooks. */
export interface MochaSuiteNode {
  titlePath(): string[];
  parent?: MochaSuiteNode;
  _beforeEach?: readonly unknown[];
}

export interface MochaRunnable {
  title: string;
  /** 'test' or 'hook'. */
  type?: string;
  duration?: number;
  parent?: MochaSuiteNode;
  /** The body mocha calls; undefined for a test written without one (pending). */
  fn?: (...args: unknown[]) => unknown;
  /** Set by mocha when the runnable skipped itself (`this.skip()`), or by a skipping hook. */
  pending?: boolean;
  /** The body takes a `done` callback (mocha reads its arity once, when the runnable is made). */
  async?: number | boolean;
  timeout(): number;
  titlePath(): string[];
  isPending(): boolean;
}

export interface MochaRunner {
  suite: { eachTest(fn: (test: MochaRunnable) => void): void };
  on(event: string, listener: (runnable: MochaRunnable, err?: unknown) => void): void;
}

export interface MochaReporterConstructor {
  new (runner: MochaRunner): object;
}

export interface MochaSuite {
  /** mocha's own lists of the suite's tests, child suites and hooks, in definition order. */
  tests: readonly MochaRunnable[];
  suites: readonly MochaSuite[];
  _beforeAll: readonly MochaRunnable[];
  _beforeEach: readonly MochaRunnable[];
  _afterEach: readonly MochaRunnable[];
  _afterAll: readonly MochaRunnable[];
  addTest(test: object): unknown;
  beforeEach(fn: () => void): unknown;
  eachTest(fn: (test: MochaRunnable) => void): void;
  emit(event: 'pre-require', context: object, file: null, mocha: object): void;
}

/** The `Mocha` class the browser build exposes; the harness makes its own instances of it. */
export interface MochaClass {
  new (options: { reporter: MochaReporterConstructor; timeout: number }): {
    suite: MochaSuite;
    timeout(ms: number): unknown;
    run(onEnd: (failures: number) => void): unknown;
  };
  Suite: { create(parent: MochaSuite, title: string): MochaSuite };
  Test: new (title: string, fn: () => void) => object;
  /** A runnable's `skip()` throws mocha's Pending signal (the class itself is not exported). */
  Runnable: new (title: string, fn: () => void) => { skip(): never };
  /** mocha's built-in reporters (unused here; mocha writes their settings on every run). */
  reporters: object;
}
