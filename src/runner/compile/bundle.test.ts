/**
 * The compile pipeline on native esbuild (same API as esbuild-wasm), then the bundle executed in Node's
 * vm with the file name the worker uses, so stacks go through the real source map: compile → throw → map.
 */
import vm from 'node:vm';
import { build } from 'esbuild';
import * as chai from 'chai';
import { describe, expect, it } from 'vitest';
import { createStackMapper } from '../results/stackMapping';
import { CHAI_GLOBAL, CODE_BUNDLE_URL } from '../sandbox/protocol';
import { bundleForTests, type BuildFn } from './bundle';

const esbuildBuild = build as unknown as BuildFn;

const SOLUTION = `export class Inventory {
  private items: Record<string, { count: number }> = {};
  add(name: string): void { this.items[name] = { count: 1 }; }
  count(name: string): number {
    const entry = this.items[name];
    return entry.count;
  }
}
`;
const TESTS = `import { expect } from 'chai';
import { Inventory } from './solution';
describe('Inventory', () => {
  it('counts', () => { const i = new Inventory(); i.add('a'); expect(i.count('a')).to.equal(1); });
  it('crashes on unknown', () => { new Inventory().count('zzz'); });
  it('fails an expectation', () => { expect(new Inventory().add('a')).to.equal(2); });
});
`;

/** Runs the IIFE with a minimal describe/it and returns each test's error (or null). */
function execute(code: string): Array<{ title: string; error: Error | null }> {
  const results: Array<{ title: string; error: Error | null }> = [];
  const sandbox = {
    [CHAI_GLOBAL]: chai,
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
  const context = vm.createContext(sandbox);
  (context as { globalThis?: unknown }).globalThis = context;
  vm.runInContext(code, context, { filename: CODE_BUNDLE_URL });
  return results;
}

describe('bundleForTests', () => {
  it('bundles tests + solution + chai shim into one runnable IIFE with a source map', async () => {
    const out = await bundleForTests(esbuildBuild, { solution: SOLUTION, tests: TESTS, testFileName: 'examples.test.ts' });
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.code.trimStart().startsWith('(() => {')).toBe(true);
    expect(out.code.indexOf('class Inventory')).toBeLessThan(out.code.indexOf('describe('));
    expect(JSON.parse(out.map).sources).toEqual(expect.arrayContaining(['rehearse:solution.ts', 'rehearse:tests.ts']));

    const results = execute(out.code);
    expect(results.map((r) => r.title)).toEqual(['counts', 'crashes on unknown', 'fails an expectation']);
    expect(results[0]?.error).toBeNull();

    const map = createStackMapper(out.map, 'examples.test.ts');
    const crash = map(results[1]?.error?.stack ?? '');
    expect(crash.solution).toEqual({ line: 6, column: 18 });
    expect(crash.text).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'count'\)/);
    expect(crash.text).toContain('solution.ts:6:18');
    expect(crash.text).toContain('examples.test.ts:5:');

    const assertion = map(results[2]?.error?.stack ?? '');
    expect(assertion.solution).toBeUndefined();
    expect(assertion.text).toContain('examples.test.ts:6:');
  });

  it('reports syntax errors in solution.ts with 1-based line/column, even if the tests use nothing yet', async () => {
    const out = await bundleForTests(esbuildBuild, {
      solution: 'export function f() {\n  return 1 +;\n}\n',
      tests: "import { f } from './solution';\n",
      testFileName: 'examples.test.ts',
    });
    expect(out).toEqual({ ok: false, diagnostics: [{ file: 'solution.ts', message: 'Unexpected ";"', line: 2, column: 13, length: 1 }] });
  });

  it('rejects imports other than chai and ./solution, located at the import', async () => {
    const out = await bundleForTests(esbuildBuild, {
      solution: 'export const x = 1;\n',
      tests: "import { x } from './solution';\nimport fs from 'node:fs';\nconsole.log(x, fs);\n",
      testFileName: 'hidden.test.ts',
    });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.diagnostics[0]).toMatchObject({ file: 'tests', line: 2, column: 16 });
    expect(out.diagnostics[0]?.message).toContain(`Cannot import "node:fs"`);
  });

  it('reports a missing export with friendly file names', async () => {
    const out = await bundleForTests(esbuildBuild, {
      solution: 'export const x = 1;\n',
      tests: "import { y } from './solution';\nconsole.log(y);\n",
      testFileName: 'hidden.test.ts',
    });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.diagnostics[0]?.message).toBe('No matching export in "solution.ts" for import "y"');
  });

  it('strips types and type-only imports without resolving them', async () => {
    const out = await bundleForTests(esbuildBuild, {
      solution: "import type { Foo } from 'somewhere';\nexport const x: number = 1;\nexport type Bar = Foo;\n",
      tests: "import { expect } from 'chai';\nimport { x } from './solution';\ndescribe('x', () => { it('is 1', () => { expect(x).to.equal(1); }); });\n",
      testFileName: 't',
    });
    expect(out.ok).toBe(true);
  });
});
