import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { LANGUAGE_SPECS } from '../../src/core/languages/registry.ts';
import { assembleCode, LIBRARIES_FOLDER } from '../../src/core/problems/assembleCode.ts';
import { testFileKey, type ExpectedTests, type TestManifest } from '../../src/runner/testManifest.ts';
import { isProblemFolderName, readFolder, readLibraries } from '../problems/shared.ts';
import { enumeratePythonTests } from './enumeratePythonTests.ts';
import { enumerateTestPlan, type PlanInput } from './enumerateTests.ts';

/**
 * Provides `virtual:rehearse-test-manifest`: for every problem's examples.test.ts and hidden.test.ts, the
 * tests it defines (titles with their describe path, in run order), keyed by the file's text. Computed from
 * the files on every build (enumerateTests.ts), never written by hand, so renamed or added tests are
 * picked up. The runner refuses to count a run whose problem tests do not match (src/runner/results/verifyRun.ts).
 * A codebase problem's test files (problems/<id>/project/<language>/) are listed the same way, the
 * TypeScript ones against the reference project (the starter with reference/ laid over it, as the app's
 * src/core/problems/assembleCode.ts builds it), so that mocha's dry run can import the project's modules.
 */

const VIRTUAL_ID = 'virtual:rehearse-test-manifest';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const TEST_FILES = ['examples.test.ts', 'hidden.test.ts'] as const;
/** Python test files are read statically (enumeratePythonTests.ts): the build has no Python. */
const PYTHON_TEST_FILES = ['examples_test.py', 'hidden_test.py'] as const;
/** The files the manifest is computed from: a single-file problem's tests and reference, a codebase problem's project (not its mutants). */
const PROBLEM_INPUT =
  /[\\/]problems[\\/](_libraries[\\/]|[^\\/]+[\\/](((examples\.test|hidden\.test|reference)\.ts|(examples|hidden)_test\.py)$|project[\\/][^\\/]+[\\/](?!mutants[\\/])))/;

export function testManifestPlugin(): Plugin {
  let root = process.cwd();
  let cached: Promise<{ manifest: TestManifest; inputs: string[] }> | null = null;

  return {
    name: 'rehearse-test-manifest',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      cached ??= buildManifest(path.join(root, 'problems'));
      let result;
      try {
        result = await cached;
      } catch (err) {
        cached = null; // a test file mid-edit must not stick
        throw err;
      }
      for (const file of result.inputs) this.addWatchFile(file);
      return `export const testManifest = ${JSON.stringify(result.manifest)};\n`;
    },
    hotUpdate({ file, server }) {
      if (!PROBLEM_INPUT.test(file)) return;
      cached = null;
      const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
      if (mod) server.moduleGraph.invalidateModule(mod);
    },
    watchChange() {
      cached = null;
    },
  };
}

export async function buildManifest(problemsDir: string): Promise<{ manifest: TestManifest; inputs: string[] }> {
  const manifest: Record<string, ExpectedTests> = {};
  const inputs: string[] = [];
  const ids = readdirSync(problemsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isProblemFolderName(d.name))
    .map((d) => d.name)
    .sort();
  for (const problemId of ids) {
    if (existsSync(path.join(problemsDir, problemId, 'project'))) {
      await addCodebase(problemsDir, problemId, manifest, inputs);
      continue;
    }
    const referencePath = path.join(problemsDir, problemId, 'reference.ts');
    if (!existsSync(referencePath)) continue; // a design problem: no tests
    const reference = readFileSync(referencePath, 'utf8');
    inputs.push(referencePath);
    for (const file of TEST_FILES) {
      const testsPath = path.join(problemsDir, problemId, file);
      if (!existsSync(testsPath)) continue;
      const tests = readFileSync(testsPath, 'utf8');
      inputs.push(testsPath);
      manifest[testFileKey(tests)] = await planEntry(
        problemId,
        file,
        { tests, reference, testFileName: file },
        `problems/${problemId}/${file}`,
      );
    }
    for (const file of PYTHON_TEST_FILES) {
      const testsPath = path.join(problemsDir, problemId, file);
      if (!existsSync(testsPath)) continue;
      const tests = readFileSync(testsPath, 'utf8');
      inputs.push(testsPath);
      manifest[testFileKey(tests)] = { problemId, file, tests: enumeratePythonTests(tests) };
    }
  }
  return { manifest, inputs };
}

async function planEntry(problemId: string, file: ExpectedTests['file'], input: PlanInput, where: string): Promise<ExpectedTests> {
  let expected;
  try {
    expected = await enumerateTestPlan(input);
  } catch (err) {
    throw new Error(`Test manifest: ${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return { problemId, file, tests: expected.tests, ...(expected.skipped.length > 0 ? { skipped: expected.skipped } : {}) };
}

/** A codebase problem's test files in every language, TypeScript's listed against the reference project. */
async function addCodebase(
  problemsDir: string,
  problemId: string,
  manifest: Record<string, ExpectedTests>,
  inputs: string[],
): Promise<void> {
  const folder = path.join(problemsDir, problemId);
  const files = new Map([...readFolder(path.join(folder, 'project'))].map(([p, text]) => [`project/${p}`, text]));
  for (const p of files.keys()) if (!/^project\/[^/]+\/mutants\//.test(p)) inputs.push(path.join(folder, ...p.split('/')));
  const libraries = readLibraries(problemsDir);
  for (const p of libraries.keys()) inputs.push(path.join(problemsDir, LIBRARIES_FOLDER, ...p.split('/')));
  const code = assembleCode(files, problemId, libraries);
  for (const [language, material] of Object.entries(code)) {
    const names = LANGUAGE_SPECS[language as keyof typeof LANGUAGE_SPECS].problemFiles;
    for (const [file, tests] of [
      [names.examples, material.examples],
      [names.hidden, material.hidden],
    ] as const) {
      if (!tests) continue;
      const entry = file as ExpectedTests['file'];
      const where = `problems/${problemId}/project/${language}/${file}`;
      manifest[testFileKey(tests)] =
        language === 'typescript'
          ? await planEntry(problemId, entry, { tests, files: material.reference, testFileName: file }, where)
          : { problemId, file: entry, tests: enumeratePythonTests(tests) };
    }
  }
}
