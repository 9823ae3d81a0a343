import { describe, expect, it } from 'vitest';
import { reservedPathProblem } from './reserved';

describe('names the runner needs', () => {
  it.each([
    ['hidden.test.ts', 'typescript'],
    ['examples.test.ts', 'typescript'],
    ['hidden_test.py', 'python'],
    ['harness.py', 'python'],
    ['harness/__init__.py', 'python'],
    ['unittest/case.py', 'python'],
    ['_plain_values.py', 'python'],
    ['notes.md', 'typescript'],
    ['NOTES.md', 'python'],
  ] as const)('refuses %s in %s', (path, language) => {
    expect(reservedPathProblem(path, language)).toMatch(/choose another/);
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
