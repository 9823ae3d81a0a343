import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { testFileKey, type ExpectedTests, type TestManifest } from '../../src/runner/testManifest.ts';
import { enumeratePythonTests } from './enumeratePythonTests.ts';
import { enumerateTestPlan } from './enumerateTests.ts';

/**
 * Provides `virtual:rehearse-test-manifest`: for every problem's examples.test.ts and hidden.test.ts, the
 * tests it defines (titles with their describe path, in run order), keyed by the file's text. Computed from
 * the files on every build (enumerateTests.ts), never written by hand, so renamed or added tests are
 * picked up. The runner refuses to count a run whose problem tests do not match (src/runner/results/verifyRun.ts).
 */

const VIRTUAL_ID = 'virtual:rehearse-test-manifest';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const TEST_FILES = ['examples.test.ts', 'hidden.test.ts'] as const;
/** Python test files are read statically (enumeratePythonTests.ts): the build has no Python. */
const PYTHON_TEST_FILES = ['examples_test.py', 'hidden_test.py'] as const;

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
      if (!/[\\/]problems[\\/][^\\/]+[\\/]((examples\.test|hidden\.test|reference)\.ts|(examples|hidden)_test\.py)$/.test(file)) return;
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
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
  for (const problemId of ids) {
    const referencePath = path.join(problemsDir, problemId, 'reference.ts');
    if (!existsSync(referencePath)) continue; // a design problem: no tests
    const reference = readFileSync(referencePath, 'utf8');
    inputs.push(referencePath);
    for (const file of TEST_FILES) {
      const testsPath = path.join(problemsDir, problemId, file);
      if (!existsSync(testsPath)) continue;
      const tests = readFileSync(testsPath, 'utf8');
      inputs.push(testsPath);
      let expected;
      try {
        expected = await enumerateTestPlan({ tests, reference, testFileName: file });
      } catch (err) {
        throw new Error(`Test manifest: problems/${problemId}/${file}: ${err instanceof Error ? err.message : String(err)}`, {
          cause: err,
        });
      }
      manifest[testFileKey(tests)] = {
        problemId,
        file,
        tests: expected.tests,
        ...(expected.skipped.length > 0 ? { skipped: expected.skipped } : {}),
      };
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
