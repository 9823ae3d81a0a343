import { describe, expect, it } from 'vitest';
import { mapPythonStack } from './pythonStack';

describe('mapPythonStack', () => {
  it('points at the innermost solution.py frame', () => {
    const stack = [
      'Traceback (most recent call last):',
      '  File "hidden_test.py", line 40, in test_refill',
      '  File "solution.py", line 12, in allow',
      '  File "solution.py", line 30, in _refill',
    ].join('\n');
    expect(mapPythonStack(stack).solution).toEqual({ line: 30 });
  });

  it('has no position when the failure is in the test file only (a failed assertion)', () => {
    expect(mapPythonStack('Traceback (most recent call last):\n  File "hidden_test.py", line 9, in test_zero').solution).toBeUndefined();
  });
});
