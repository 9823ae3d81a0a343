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

describe('enumerateTests on a codebase problem (the tests import project files by path)', () => {
  const files = {
    'chat/hub.ts': "import { greet } from './text';\nexport class Hub { hello(name: string): string { return greet(name); } }\n",
    'chat/text.ts': "export const greet = (name: string): string => 'hi ' + name;\n",
    'util/index.ts': 'export const names = ["a", "b"];\n',
    'README.md': '# not code',
  };
  it('bundles the test file with the reference project and lists its tests by group', async () => {
    const tests = `import { expect } from 'chai';
import { Hub } from './chat/hub';
import { names } from './util';
describe('Requirement 1', () => {
  for (const n of names) it(\`[R1] greets \${n}\`, () => { expect(new Hub().hello(n)).to.equal('hi ' + n); });
});
describe('Typing', () => { it('[R2] waits'); it('[R3] types', () => {}); });
`;
    expect(await enumerateTestPlan({ tests, files, testFileName: 'hidden.test.ts' })).toEqual({
      tests: [
        { path: ['Requirement 1'], title: '[R1] greets a' },
        { path: ['Requirement 1'], title: '[R1] greets b' },
        { path: ['Typing'], title: '[R3] types' },
      ],
      skipped: [{ path: ['Typing'], title: '[R2] waits' }],
    });
  });

  it('fails the build naming an import that is no project file', async () => {
    await expect(
      enumerateTests({ tests: "import { x } from './chat/nope';\nconsole.log(x);\n", files, testFileName: 'hidden.test.ts' }),
    ).rejects.toThrow(
      /hidden.test.ts does not compile against the reference project: hidden.test.ts:1:\d+ Cannot find "\.\/chat\/nope" imported by the tests/,
    );
  });
});
