/**
 * The compile pipeline on native esbuild (same API as esbuild-wasm), then both scripts executed in Node's
 * vm the way the worker runs them (nodeRun.ts), so stacks go through the real source maps: compile → throw
 * → map. A single-file problem's project here; projects of several files in projectBundle.test.ts.
 */
import * as testkit from '../testkit/expectMessage';
import { describe, expect, it, vi } from 'vitest';
import { createStackMapper } from '../results/stackMapping';
import { RunCompiler, type BundleInput, type BundleOutput } from './bundle';
import { execute, native } from './nodeRun';

/** A single-file problem's input, as the runner builds it from its files map. */
const one = ({ solution, ...rest }: { solution: string; tests: string; testFileName: string }): BundleInput => ({
  files: { 'solution.ts': solution },
  ...rest,
});
const compile = (input: BundleInput): Promise<BundleOutput> => new RunCompiler(native).compile(input);

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

describe('RunCompiler', () => {
  it('compiles the solution and the tests (with the chai shim) into two scripts, each with a source map', async () => {
    const out = await compile(one({ solution: SOLUTION, tests: TESTS, testFileName: 'examples.test.ts' }));
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    expect(out.project.code).toContain('class Inventory');
    expect(out.tests.code).not.toContain('class Inventory');
    expect(out.tests.code.trimStart().startsWith('(() => {')).toBe(true);
    expect(JSON.parse(out.project.map).sources).toEqual(['rehearse:solution.ts']);
    expect(JSON.parse(out.tests.map).sources).toEqual(expect.arrayContaining(['rehearse:tests.ts']));

    const results = execute(out);
    expect(results.map((r) => r.title)).toEqual(['counts', 'crashes on unknown', 'fails an expectation']);
    expect(results[0]?.error).toBeNull();

    const map = createStackMapper({ project: out.project.map, tests: out.tests.map }, 'examples.test.ts');
    const crash = map(results[1]?.error?.stack ?? '');
    expect(crash.at).toEqual({ file: 'solution.ts', line: 6, column: 18 });
    expect(crash.text).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'count'\)/);
    expect(crash.text).toContain('solution.ts:6:18');
    expect(crash.text).toContain('examples.test.ts:5:');

    const assertion = map(results[2]?.error?.stack ?? '');
    expect(assertion.at).toBeUndefined();
    expect(assertion.text).toContain('examples.test.ts:6:');
  });

  it('reports syntax errors in solution.ts with 1-based line/column, even if the tests use nothing yet', async () => {
    const out = await compile(
      one({
        solution: 'export function f() {\n  return 1 +;\n}\n',
        tests: "import { f } from './solution';\n",
        testFileName: 'examples.test.ts',
      }),
    );
    expect(out).toEqual({ ok: false, diagnostics: [{ file: 'solution.ts', message: 'Unexpected ";"', line: 2, column: 13, length: 1 }] });
  });

  it('rejects imports other than chai and ./solution, located at the import', async () => {
    const out = await compile(
      one({
        solution: 'export const x = 1;\n',
        tests: "import { x } from './solution';\nimport fs from 'node:fs';\nconsole.log(x, fs);\n",
        testFileName: 'hidden.test.ts',
      }),
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.diagnostics[0]).toMatchObject({ file: 'tests', line: 2, column: 16 });
    expect(out.diagnostics[0]?.message).toContain(`Cannot import "node:fs"`);
  });

  it('reports a missing export with friendly file names', async () => {
    const out = await compile(
      one({
        solution: 'export const x = 1;\n',
        tests: "import { y } from './solution';\nconsole.log(y);\n",
        testFileName: 'hidden.test.ts',
      }),
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.diagnostics[0]?.message).toBe('No matching export in "solution.ts" for import "y"');
  });

  it('strips types and type-only imports without resolving them', async () => {
    const out = await compile(
      one({
        solution: "import type { Foo } from 'somewhere';\nexport const x: number = 1;\nexport type Bar = Foo;\n",
        tests:
          "import { expect } from 'chai';\nimport { x } from './solution';\ndescribe('x', () => { it('is 1', () => { expect(x).to.equal(1); }); });\n",
        testFileName: 't',
      }),
    );
    expect(out.ok).toBe(true);
  });

  it("runs the solution's top-level code even when the tests import nothing from it", async () => {
    const out = await compile(
      one({
        solution: '(globalThis as any).record(true);\nexport const unused = 1;\n',
        tests: "describe('s', () => { it('t', () => {}); });\n",
        testFileName: 't',
      }),
    );
    const flags: Record<string, unknown> = {};
    execute(out, { record: (v: unknown) => (flags.ran = v) });
    expect(flags.ran).toBe(true);
  });

  it('keeps imports from ./solution live, with default and namespace imports', async () => {
    const out = await compile(
      one({
        solution: 'export let n = 0;\nexport function inc(): void { n++; }\nexport default function twice(x: number) { return 2 * x; }\n',
        tests: `import twice, { n, inc } from './solution';
import * as S from './solution.ts';
describe('s', () => { it('live', () => { inc(); if (n !== 1 || S.n !== 1 || twice(2) !== 4 || S.default !== twice) throw new Error('stale'); }); });
`,
        testFileName: 't',
      }),
    );
    expect(execute(out)).toEqual([{ title: 'live', error: null }]);
  });

  it('lets tests import fast-check (default, namespace and named) from the modules the harness passes in', async () => {
    const out = await compile(
      one({
        solution: 'export function add(a: number, b: number): number { return a + b; }\n',
        tests: `import fc from 'fast-check';
import * as ns from 'fast-check';
import { property, integer } from 'fast-check';
import { add } from './solution';
describe('s', () => {
  it('[model] adds', () => { fc.assert(property(integer(), ns.integer(), (a, b) => add(a, b) === a + b), { seed: 1, numRuns: 20 }); });
  it('reports a shrunk counterexample', () => { fc.assert(fc.property(fc.nat(), (a) => add(a, 0) < 10), { seed: 1 }); });
});
`,
        testFileName: 'hidden.test.ts',
      }),
    );
    const [ok, failing] = execute(out);
    expect(ok).toEqual({ title: '[model] adds', error: null });
    expect(failing?.error?.message).toContain('Counterexample: [10]');
  });

  it('lets tests import the message helpers from rehearse-test, as the harness passes them in', async () => {
    const out = await compile(
      one({
        solution: 'export function make(n: number): void { if (n < 1) throw new RangeError(`Capacity must be positive, got ${n}`); }\n',
        tests: `import { expectThrow } from 'rehearse-test';
import { make } from './solution';
describe('s', () => {
  it('finds the words in any case', () => { expectThrow(() => make(0), RangeError, ['capacity', 'POSITIVE', 0]); });
  it('fails on a missing word', () => { expectThrow(() => make(-37), RangeError, ['capacity', '3']); });
});
`,
        testFileName: 'hidden.test.ts',
      }),
    );
    const [ok, failing] = execute(out, {}, { 'rehearse-test': testkit });
    expect(ok).toEqual({ title: 'finds the words in any case', error: null });
    expect(failing?.error?.message).toBe(
      'expected the message to contain "3" (words in any order and any case), got "Capacity must be positive, got -37"',
    );
  });

  it('says fast-check is missing when the harness did not provide it', async () => {
    const out = await compile(
      one({
        solution: 'export const x = 1;\n',
        tests: "import fc from 'fast-check';\ndescribe('s', () => { it('t', () => { fc.nat(); }); });\n",
        testFileName: 't',
      }),
    );
    expect(() => execute(out, {}, {})).toThrow('fast-check is not available in this sandbox');
  });

  it('maps a throw in the solution top level to solution.ts', async () => {
    const out = await compile(
      one({
        solution: 'const a = 1;\nthrow new RangeError("at load " + a);\n',
        tests: "import './solution';\n",
        testFileName: 't',
      }),
    );
    if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
    let thrown: Error | null = null;
    try {
      execute(out);
    } catch (err) {
      thrown = err as Error;
    }
    const mapped = createStackMapper({ project: out.project.map, tests: out.tests.map }, 't')(thrown?.stack ?? '');
    expect(mapped.at).toEqual({ file: 'solution.ts', line: 2, column: 7 });
  });

  it('rejects run-time imports in the solution, located in solution.ts', async () => {
    const out = await compile(
      one({
        solution: "import { expect } from 'chai';\nexport const x = expect;\n",
        tests: "import { x } from './solution';\n",
        testFileName: 't',
      }),
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.diagnostics).toEqual([expect.objectContaining({ file: 'solution.ts', line: 1, column: 24 })]);
    expect(out.diagnostics[0]?.message).toContain('Cannot import "chai"');
  });

  it('builds the test bundle once per test file and export names; the solution once per source text', async () => {
    const api = { build: vi.fn(native.build), transform: vi.fn(native.transform) };
    const compiler = new RunCompiler(api);
    const tests = TESTS;
    const testBuilds = () => api.build.mock.calls.filter(([options]) => options.entryPoints !== undefined).length;

    expect((await compiler.compile(one({ solution: SOLUTION, tests, testFileName: 'h' }))).ok).toBe(true);
    expect((await compiler.compile(one({ solution: SOLUTION, tests, testFileName: 'h' }))).ok).toBe(true);
    expect(api.transform).toHaveBeenCalledTimes(1);
    expect(testBuilds()).toBe(1);

    // An edit to the body: the solution is compiled again, the test bundle is reused.
    const edited = SOLUTION.replace('return entry.count;', 'return entry?.count ?? 0;');
    const out = await compiler.compile(one({ solution: edited, tests, testFileName: 'h' }));
    expect(api.transform).toHaveBeenCalledTimes(2);
    expect(testBuilds()).toBe(1);
    expect(execute(out).map((r) => r.error)).toEqual([null, null, expect.any(Error)]);

    // A new export changes the stub, so the tests are built again; so does another test file.
    await compiler.compile(one({ solution: `${edited}export const extra = 1;\n`, tests, testFileName: 'h' }));
    expect(testBuilds()).toBe(2);
    await compiler.compile(one({ solution: SOLUTION, tests, testFileName: 'other.test.ts' }));
    expect(testBuilds()).toBe(3);
  });

  it('reports a missing export after an edit removed it, with the cached test file', async () => {
    const compiler = new RunCompiler(native);
    const tests = "import { a, b } from './solution';\nconsole.log(a, b);\n";
    expect((await compiler.compile(one({ solution: 'export const a = 1, b = 2;\n', tests, testFileName: 'x.test.ts' }))).ok).toBe(true);
    const out = await compiler.compile(one({ solution: 'export const a = 1;\n', tests, testFileName: 'x.test.ts' }));
    expect(out).toEqual({
      ok: false,
      diagnostics: [{ file: 'tests', message: 'No matching export in "solution.ts" for import "b"', line: 1, column: 13, length: 1 }],
    });
  });
});
