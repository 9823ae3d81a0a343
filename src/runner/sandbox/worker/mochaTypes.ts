/**
 * The few parts of mocha's browser build (a global `mocha`) the harness touches. Declared here rather than
 * pulling in @types/mocha's globals, which would leak `describe`/`it` types into the whole app.
 */

export interface MochaRunnable {
  title: string;
  /** 'test' or 'hook'. */
  type?: string;
  duration?: number;
  parent?: { titlePath(): string[] };
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

export interface MochaGlobal {
  setup(options: { ui: 'bdd'; timeout: number; reporter: MochaReporterConstructor; checkLeaks: boolean }): void;
  run(onEnd: (failures: number) => void): void;
}

export interface MochaSuite {
  addTest(test: object): unknown;
  beforeEach(fn: () => void): unknown;
}

/** The `Mocha` class the browser build also exposes, for a private instance (see warmUp.ts). */
export interface MochaClass {
  new (options: { reporter: MochaReporterConstructor; timeout: number }): { suite: MochaSuite; run(onEnd: (failures: number) => void): unknown };
  Suite: { create(parent: MochaSuite, title: string): MochaSuite };
  Test: new (title: string, fn: () => void) => object;
}
