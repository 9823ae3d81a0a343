/**
 * Lists the tests a problem's test file defines, at build time, the way the browser runner will see them:
 * the reference and the test file are compiled by the runner's own compiler (native esbuild instead of
 * esbuild-wasm), wrapped in the runner's own run script, evaluated in a fresh Node vm context, and handed
 * to mocha, which announces its plan in a dry run (no test body or hook runs). So loops that generate
 * tests, `describe.skip`, `it.only` and titles built from data all come out exactly as in the sandbox.
 *
 * Both kinds of problem compile as the runner compiles a project (`compile({ files, tests, testFileName })`):
 * a codebase problem's reference project, whose files the test file imports by relative path
 * (problems/README.md, "Codebase problems"), or a single-file problem's reference as `solution.ts`.
 */
import vm from 'node:vm';
import { build, transform } from 'esbuild';
import Mocha from 'mocha';
import { RunCompiler, type BuildFn, type TransformFn } from '../../src/runner/compile/bundle.ts';
import { TESTKIT_MODULE } from '../../src/runner/compile/testkitShim.ts';
import { shimSources, SOLUTION_PATH } from '../../src/runner/compile/virtualFiles.ts';
import { PROJECT_MODULES } from '../../src/runner/compile/moduleShims.ts';
import { PROJECT_CLAIM_GLOBAL, TESTS_CLAIM_GLOBAL } from '../../src/runner/sandbox/protocol.ts';
import { BDD_NAMES, buildRunScript } from '../../src/runner/sandbox/worker/runScript.ts';
import type { ExpectedTest } from '../../src/runner/testManifest.ts';

const compiler = new RunCompiler({ build: build as unknown as BuildFn, transform: transform as unknown as TransformFn });

/** The modules a test file may import, loaded in Node under the names the sandbox gives them. */
async function loadModules(): Promise<Record<string, unknown>> {
  const modules: Record<string, unknown> = {};
  for (const name of Object.keys(shimSources()))
    modules[name] = name === TESTKIT_MODULE ? await import('../../src/runner/testkit/expectMessage.ts') : await import(name);
  return modules;
}

export interface TestPlan {
  /** The tests that run, in run order: what the harness's reporter announces. */
  tests: ExpectedTest[];
  /** The tests the file itself skips (it.skip, xit, no body, describe.skip): the only skips a run may report. */
  skipped: ExpectedTest[];
}

/** A test file and what it runs against: a single-file problem's reference, or a codebase problem's reference project. */
export type PlanInput = { tests: string; testFileName: string } & ({ reference: string } | { files: Readonly<Record<string, string>> });

export async function enumerateTests(input: PlanInput): Promise<ExpectedTest[]> {
  return (await enumerateTestPlan(input)).tests;
}

/** The two scripts a run evaluates: the project's script and the test bundle. */
async function compileForDryRun(input: PlanInput): Promise<{ project: string; tests: string }> {
  const files = 'files' in input ? input.files : { [SOLUTION_PATH]: input.reference };
  const compiled = await compiler.compile({ files, tests: input.tests, testFileName: input.testFileName });
  if (!compiled.ok) {
    const first = compiled.diagnostics[0];
    const against = 'files' in input ? 'the reference project' : 'the reference';
    // A diagnostic names the test file 'tests' (CompileDiagnostic): here it is named by its file name.
    const file = first?.file === 'tests' ? input.testFileName : first?.file;
    throw new Error(`${input.testFileName} does not compile against ${against}: ${file}:${first?.line}:${first?.column} ${first?.message}`);
  }
  return { project: compiled.project.code, tests: compiled.tests.code };
}

export async function enumerateTestPlan(input: PlanInput): Promise<TestPlan> {
  const compiled = await compileForDryRun(input);
  const mocha = new Mocha({ dryRun: true, reporter: class Silent {} as unknown as Mocha.ReporterConstructor });
  const bdd: Record<string, unknown> = {};
  mocha.suite.emit('pre-require', bdd, '', mocha);
  const modules = await loadModules();
  const secret = 'manifest';
  const script = buildRunScript(compiled.project, compiled.tests, secret);
  let claimed = false;
  const forProject = Object.fromEntries(PROJECT_MODULES.map((name) => [name, modules[name]]));
  const context = vm.createContext({
    console,
    // The project's packages (sql.js), as the worker hands them (sandbox/projectClaim.ts).
    [PROJECT_CLAIM_GLOBAL]: (given: string, define: (modules: unknown) => unknown) => {
      if (given !== secret) throw new Error('the project claimed with another secret');
      return define(forProject);
    },
    [TESTS_CLAIM_GLOBAL]: (given: string, define: (...args: unknown[]) => void) => {
      if (given !== secret || claimed) throw new Error('claimed twice');
      claimed = true;
      define(...BDD_NAMES.map((name) => bdd[name]), modules);
    },
  });
  vm.runInContext(script.code, context, { filename: input.testFileName });
  if (!claimed) throw new Error(`${input.testFileName}: the test definitions never ran`);

  return new Promise((resolve, reject) => {
    const tests: ExpectedTest[] = [];
    const skipped: ExpectedTest[] = [];
    const runner = mocha.run(() => {
      mocha.dispose(); // removes the runner's process listeners
      resolve({ tests, skipped });
    });
    // Exactly what the harness's reporter announces (sandbox/worker/reporter.ts): after `.only`, not pending;
    // the pending ones are what it reports as skipped outside the plan.
    runner.on('start', () => {
      runner.suite.eachTest((test) => {
        (test.isPending() ? skipped : tests).push({ path: test.titlePath().slice(0, -1), title: test.title });
      });
    });
    runner.on('fail', (_test, err) => reject(err instanceof Error ? err : new Error(String(err))));
  });
}
