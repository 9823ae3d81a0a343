import { describe, expect, it } from 'vitest';
import { reservedPathProblem } from './reservedPaths';

describe('names the runner needs', () => {
  it.each([
    ['hidden_test.py', 'python'],
    ['harness.py', 'python'],
    ['harness/__init__.py', 'python'],
    ['unittest/case.py', 'python'],
    ['_plain_values.py', 'python'],
    ['notes.md', 'typescript'],
    ['NOTES.md', 'python'],
  ] as const)('refuses %s in %s', (path, language) => {
    expect(reservedPathProblem(path, language)).toMatch(/another name/);
  });
  it.each([
    ['chat/hub.ts', 'typescript'],
    ['harness.py', 'typescript'],
    ['chat/notes.md', 'python'],
    ['tests/hidden_test_helpers.py', 'python'],
  ] as const)('lets %s be in %s', (path, language) => {
    expect(reservedPathProblem(path, language)).toBeNull();
  });
});
