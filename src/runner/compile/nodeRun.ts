/**
 * For unit tests: the compiled scripts run in Node's vm the way the test worker runs them (the project's
 * script, then the test bundle inside the claim wrapper, as one script whose stack locations are attributed
 * to either part), with native esbuild (same API as esbuild-wasm) as the compiler. Not part of the app.
 */
import vm from 'node:vm';
import { build, transform } from 'esbuild';
import * as chai from 'chai';
import * as fastCheck from 'fast-check';
import initSqlJs from 'sql.js';
import { PROJECT_CLAIM_GLOBAL, TESTS_CLAIM_GLOBAL } from '../sandbox/protocol';
import { BDD_NAMES, buildRunScript, type RunScript } from '../sandbox/worker/runScript';
import { nameLocations } from '../sandbox/worker/serializeError';
import type { BuildFn, BundleOutput, EsbuildApi, TransformFn } from './bundle';

export const native: EsbuildApi = { build: build as unknown as BuildFn, transform: transform as unknown as TransformFn };

/**
 * Runs the run script as the worker does (solution, then the tests inside the claim wrapper), with a
 * minimal describe/it handed to the wrapper; returns each test's error (or null).
 */
export function execute(
  out: BundleOutput,
  extra: Record<string, unknown> = {},
  modules: Record<string, unknown> = { 'fast-check': fastCheck, 'sql.js': NODE_SQL_JS },
): Array<{ title: string; error: Error | null }> {
  if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
  const results: Array<{ title: string; error: Error | null }> = [];
  const bdd: Record<string, unknown> = {
    describe: (_: string, fn: () => void) => fn(),
    it: (title: string, fn: () => void) => {
      try {
        fn();
        results.push({ title, error: null });
      } catch (err) {
        results.push({ title, error: err as Error });
      }
    },
  };
  const sandbox = {
    [TESTS_CLAIM_GLOBAL]: (_secret: string, define: (...args: unknown[]) => void) =>
      define(...BDD_NAMES.map((n) => bdd[n]), { chai, ...modules }),
    [PROJECT_CLAIM_GLOBAL]: (_secret: string, define: (modules: unknown) => unknown) => define({ 'sql.js': modules['sql.js'] }),
    ...extra,
  };
  const context = vm.createContext(sandbox);
  (context as { globalThis?: unknown }).globalThis = context;
  // As the worker does: one script, its stack locations attributed to either part (serializeError).
  const script = buildRunScript(out.project.code, out.tests.code, 'secret');
  try {
    vm.runInContext(script.code, context, { filename: RUN_URL });
  } catch (err) {
    throw renamed(err, script);
  }
  return results.map((r) => ({ title: r.title, error: r.error ? renamed(r.error, script) : null }));
}

/** sql.js as the sandbox hands it (sandbox/sqlJs.ts), from Node's own copy: `locateFile` and the rest ignored. */
export const NODE_SQL_JS = { default: () => initSqlJs() };

const RUN_URL = 'blob:null/run';
function renamed(err: unknown, script: RunScript): Error {
  const e = err as Error;
  e.stack = nameLocations(e.stack ?? '', {
    url: RUN_URL,
    solutionOffset: script.solutionOffset,
    solutionLines: script.solutionLines,
    testsOffset: script.testsOffset,
  });
  return e;
}
