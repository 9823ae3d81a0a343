import { describe, expect, it } from 'vitest';
import type { ExpectedTests } from '../testManifest';
import { done, err, fail, plan, start } from './eventFixtures';
import { createPythonStackMapper } from './pythonStack';
import { RunAccumulator } from './runAccumulator';

describe('a Python run', () => {
  const pyExpected = (file: ExpectedTests['file'] = 'examples_test.py'): ExpectedTests => ({
    problemId: 'p',
    file,
    tests: [{ path: ['Suite'], title: 'a' }],
  });
  const python = (known: ExpectedTests | null = pyExpected()) =>
    new RunAccumulator({ mode: 'run', testTimeoutMs: 2000, expected: known, language: 'python', mapStack: mapPython });
  const mapPython = createPythonStackMapper(['solution.py', 'chat/hub.py']);

  it('names solution.py and its line when the code raises while loading, and says which language ran', () => {
    const acc = python();
    acc.handle({ type: 'loading' }, 0);
    const stack = 'Traceback (most recent call last):\n  File "solution.py", line 7, in <module>';
    acc.handle({ type: 'crashed', error: err({ name: 'ZeroDivisionError', message: 'division by zero', stack }) }, 1);
    acc.end({ kind: 'finished' }, 2);
    const result = acc.result(2);
    expect(result).toMatchObject({ language: 'python', outcome: 'crashed', error: { at: { file: 'solution.py', line: 7 } } });
    expect(result.message).toBe('Your code threw while loading: ZeroDivisionError: division by zero (solution.py:7)');
    expect(result.notStarted).toBeUndefined();
  });

  it('names the project file and line a module raised in while loading', () => {
    const acc = python();
    acc.handle({ type: 'loading' }, 0);
    const stack =
      'Traceback (most recent call last):\n  File "solution.py", line 1, in <module>\n  File "chat/hub.py", line 3, in <module>';
    acc.handle({ type: 'crashed', error: err({ name: 'NameError', message: "name 'x' is not defined", stack }) }, 1);
    acc.end({ kind: 'finished' }, 2);
    const result = acc.result(2);
    expect(result.error?.at).toEqual({ file: 'chat/hub.py', line: 3, column: 1 });
    expect(result.message).toBe("Your code threw while loading: NameError: name 'x' is not defined (chat/hub.py:3)");
  });

  it('says Python could not start the tests when the worker dies before the first test', () => {
    const acc = python();
    acc.handle({ type: 'loading' }, 0);
    acc.end({ kind: 'worker-error', message: 'Python could not start cleanly twice in a row.' }, 1);
    expect(acc.result(1)).toMatchObject({
      outcome: 'crashed',
      notStarted: true,
      passed: 0,
      message: 'Python could not start the tests: Python could not start cleanly twice in a row.',
    });
  });

  it('says so when the harness refuses the run before loading the code, or stops before the first test', () => {
    const refused = python();
    refused.handle({ type: 'crashed', error: err({ message: 'Python is not ready in this worker.' }) }, 0);
    refused.end({ kind: 'finished' }, 1);
    expect(refused.result(1)).toMatchObject({
      outcome: 'crashed',
      notStarted: true,
      message: 'Python could not start the tests: Python is not ready in this worker.',
    });
    expect(refused.result(1).error).toBeUndefined();
    const stopped = python();
    stopped.handle({ type: 'loading' }, 0);
    stopped.end({ kind: 'finished' }, 1);
    expect(stopped.result(1).message).toBe('Python could not start the tests: the worker stopped before the first test.');
  });

  it('says it found none of the tests rather than "reported 0 tests", and never counts it', () => {
    const acc = python(pyExpected('hidden_test.py'));
    acc.handle({ type: 'loading' }, 0);
    acc.handle({ type: 'started', group: 'problem', tests: [] }, 1);
    acc.handle(done(), 2);
    acc.handle(done('own'), 3);
    acc.end({ kind: 'finished' }, 4);
    const result = acc.result(4);
    expect(result).toMatchObject({ outcome: 'crashed', notStarted: true, passed: 0 });
    expect(result.message).toBe('Python could not start the tests: it found none of the hidden tests (1 in hidden_test.py).');
    expect(result.message).not.toMatch(/reported 0 tests/);
  });

  it('keeps the worker-failure wording once a test has started', () => {
    const acc = python();
    acc.handle({ type: 'loading' }, 0);
    acc.handle(plan('a'), 1);
    acc.handle(start(0, 'a'), 2);
    acc.end({ kind: 'worker-error', message: 'boom' }, 3);
    expect(acc.result(3)).toMatchObject({ message: 'The test worker failed: boom' });
    expect(acc.result(3).notStarted).toBeUndefined();
  });

  it('carries the expected and actual values of a failed assertion to the result', () => {
    const acc = python();
    acc.handle({ type: 'loading' }, 0);
    acc.handle(plan('a'), 1);
    acc.handle(start(0, 'a'), 2);
    acc.handle(fail(0, 'a', err({ name: 'AssertionError', message: '3 != 2', isAssertion: true, expected: '2', actual: '3' })), 3);
    acc.handle(done(), 4);
    acc.handle(done('own'), 5);
    acc.end({ kind: 'finished' }, 6);
    expect(acc.result(6).tests[0]?.failure).toMatchObject({ message: '3 != 2', expected: '2', actual: '3' });
  });
});
