import { describe, expect, it } from 'vitest';
import { createPythonStackMapper } from './pythonStack';

describe('createPythonStackMapper', () => {
  const map = createPythonStackMapper(['solution.py', 'chat/hub.py', 'chat/__init__.py']);

  it('points at the innermost frame in a project file, by its path', () => {
    const stack = [
      'Traceback (most recent call last):',
      '  File "hidden_test.py", line 40, in test_refill',
      '  File "solution.py", line 12, in allow',
      '  File "chat/hub.py", line 30, in _refill',
    ].join('\n');
    expect(map(stack)).toEqual({ text: stack, at: { file: 'chat/hub.py', line: 30, column: 1 }, where: 'chat/hub.py:30' });
  });

  it('has no position when the failure is in the test file only (a failed assertion)', () => {
    expect(map('Traceback (most recent call last):\n  File "hidden_test.py", line 9, in test_zero').at).toBeUndefined();
  });

  it('ignores files that are not the project’s (a standard module, a frozen importer frame)', () => {
    const stack = '  File "solution.py", line 3, in f\n  File "<frozen importlib._bootstrap>", line 9, in x\n  File "hub.py", line 2';
    expect(map(stack).at).toEqual({ file: 'solution.py', line: 3, column: 1 });
  });
});
