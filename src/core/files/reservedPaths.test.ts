import { describe, expect, it } from 'vitest';
import { newPathProblem } from './paths';
import { firstReservedPath, reservedPathProblem } from './reservedPaths';

describe('reservedPathProblem', () => {
  it("refuses a Python file named like the test files or the harness's modules", () => {
    for (const path of ['hidden_test.py', 'examples_test.py', 'harness.py', 'screen.py', '_plain_values.py']) {
      expect(reservedPathProblem(path, 'python')).toMatch(/test runner uses for its own files/);
    }
  });

  it('refuses a Python file or package that would hide a standard module, and says so', () => {
    expect(reservedPathProblem('unittest.py', 'python')).toBe(
      "“unittest.py” would hide Python's standard module “unittest”, which the tests may import: give it another name (say “unittest_tools”).",
    );
    expect(reservedPathProblem('random.py', 'python')).toContain('“random”');
    expect(reservedPathProblem('json/__init__.py', 'python')).toMatch(/^The folder “json” would hide/);
    expect(reservedPathProblem('unittest/helpers.py', 'python')).toMatch(/^The folder “unittest”/);
  });

  it('allows the same names deeper in a package, other files, other cases, and every TypeScript name', () => {
    expect(reservedPathProblem('chat/random.py', 'python')).toBeNull();
    expect(reservedPathProblem('chat/hidden_test.py', 'python')).toBeNull();
    expect(reservedPathProblem('json/sample.json', 'python')).toBeNull();
    expect(reservedPathProblem('unittest.md', 'python')).toBeNull();
    expect(reservedPathProblem('Random.py', 'python')).toBeNull(); // imports are case-sensitive
    expect(reservedPathProblem('solution.py', 'python')).toBeNull();
    expect(reservedPathProblem('chat/hub.py', 'python')).toBeNull();
    expect(reservedPathProblem('hidden.test.ts', 'typescript')).toBeNull();
    expect(reservedPathProblem('unittest.ts', 'typescript')).toBeNull();
  });

  it('finds the first reserved file of a project', () => {
    expect(firstReservedPath(['chat/hub.py', 'harness.py', 'json.py'], 'python')?.path).toBe('harness.py');
    expect(firstReservedPath(['chat/hub.py'], 'python')).toBeNull();
  });

  it('is part of newPathProblem when the language is given', () => {
    expect(newPathProblem('harness.py', ['solution.py'], { language: 'python' })).toMatch(/test runner/);
    expect(newPathProblem('harness.py', ['solution.py'])).toBeNull();
  });
});
