/**
 * One group of tests in a run: its own Mocha instance (so `.only`, `.skip`, hooks, grep, retries and
 * timeouts in one group cannot touch the other) and the BDD functions bound to it, installed on a fresh
 * object rather than on the worker's global scope.
 */
import type { BddName } from './runScript';
import type { MochaClass, MochaReporterConstructor, MochaSuite } from './mochaTypes';

export type BddFunctions = Readonly<Record<BddName, unknown>>;

export interface TestGroupInstance {
  suite: MochaSuite;
  bdd: BddFunctions;
  /** The timeout of tests defined from now on (each takes its suite's when it is added). */
  setTimeout(ms: number): void;
  run(onEnd: () => void): void;
}

export function createTestGroup(Mocha: MochaClass, timeoutMs: number, reporter: MochaReporterConstructor): TestGroupInstance {
  const instance = new Mocha({ reporter, timeout: timeoutMs });
  const bdd: Record<string, unknown> = {};
  // What mocha's loadFiles does for each file, but onto our object instead of the global scope.
  instance.suite.emit('pre-require', bdd, null, instance);
  return {
    suite: instance.suite,
    bdd: bdd as BddFunctions,
    setTimeout: (ms) => {
      instance.timeout(ms);
    },
    run: (onEnd) => {
      instance.run(() => onEnd());
    },
  };
}

/** How many tests mocha would run in the suite (`.only` applied later by mocha; this counts all). */
export function countTests(suite: MochaSuite): number {
  let count = 0;
  suite.eachTest(() => {
    count++;
  });
  return count;
}
