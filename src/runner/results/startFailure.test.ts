import { describe, expect, it } from 'vitest';
import { startFailureMessage, testsNamed } from './startFailure';

describe('startFailureMessage', () => {
  it('says in plain words that Python could not start the tests, with the reason', () => {
    expect(startFailureMessage('python', 'Failed to fetch pyodide.asm.wasm.')).toBe(
      'Python could not start the tests: Failed to fetch pyodide.asm.wasm.',
    );
    expect(startFailureMessage('python', '  ')).toBe('Python could not start the tests: no reason was given.');
  });

  it("leaves TypeScript's own wording alone", () => {
    expect(startFailureMessage('typescript', 'The code sandbox is not available.')).toBe('The code sandbox is not available.');
  });
});

describe('testsNamed', () => {
  it('names hidden and example files of both languages', () => {
    expect(['hidden.test.ts', 'hidden_test.py', 'examples.test.ts', 'examples_test.py'].map(testsNamed)).toEqual([
      'the hidden tests',
      'the hidden tests',
      'the example tests',
      'the example tests',
    ]);
  });
});
