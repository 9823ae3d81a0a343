import { describe, expect, it } from 'vitest';
import { enumerateTestPlan, enumerateTests } from './enumerateTests';

const REFERENCE = 'export const double = (n: number): number => n * 2;\n';

describe('enumerateTests (the build-time manifest of a test file)', () => {
  it('lists generated tests with their describe path, honouring skip and only like mocha, without running any body', async () => {
    const tests = `import { expect } from 'chai';
import { double } from './solution';
describe('double', () => {
  before(() => { throw new Error('hooks do not run in a dry run'); });
  for (const n of [1, 2]) {
    it(\`doubles \${n}\`, () => { expect(double(n)).to.equal(2 * n); throw new Error('bodies do not run'); });
  }
  describe('edge cases', () => {
    it('zero', () => {});
    it.skip('skipped', () => {});
    it('pending without a body');
  });
  describe.skip('a skipped block', () => { it('never', () => {}); });
});
`;
    expect(await enumerateTests({ tests, reference: REFERENCE, testFileName: 'hidden.test.ts' })).toEqual([
      { path: ['double'], title: 'doubles 1' },
      { path: ['double'], title: 'doubles 2' },
      { path: ['double', 'edge cases'], title: 'zero' },
    ]);
    // The skips the file makes itself: the only ones a run may report (results/verifyRun.ts).
    expect((await enumerateTestPlan({ tests, reference: REFERENCE, testFileName: 'hidden.test.ts' })).skipped).toEqual([
      { path: ['double', 'edge cases'], title: 'skipped' },
      { path: ['double', 'edge cases'], title: 'pending without a body' },
      { path: ['double', 'a skipped block'], title: 'never' },
    ]);
    const only = `describe('d', () => { it('a', () => {}); it.only('b', () => {}); });`;
    expect(await enumerateTests({ tests: only, reference: REFERENCE, testFileName: 'hidden.test.ts' })).toEqual([
      { path: ['d'], title: 'b' },
    ]);
  });

  it('fails the build with the file and the reason when the tests do not compile against the reference', async () => {
    await expect(
      enumerateTests({
        tests: "import { triple } from './solution';\nconsole.log(triple);\n",
        reference: REFERENCE,
        testFileName: 'hidden.test.ts',
      }),
    ).rejects.toThrow(/hidden.test.ts does not compile against the reference: .*No matching export/);
  });
});
