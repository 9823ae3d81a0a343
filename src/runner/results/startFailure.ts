/**
 * What a run says when its tests never started: Python failed to boot, its worker died before the first
 * test, the harness refused the run before loading the code, or it found none of the tests. Those are not
 * the candidate's doing, and a count such as "reported 0 tests" or "crashed while loading" would read as if
 * they were. TypeScript runs keep their own wording, which already names the part that failed ("The test
 * worker failed: …", "The test worker did not start within …").
 */
import type { Language } from '../../core/problems/language';

export function startFailureMessage(language: Language, reason: string): string {
  if (language !== 'python') return reason;
  const plain = reason.trim().replace(/\.$/, '') || 'no reason was given';
  return `Python could not start the tests: ${plain}.`;
}

/** The test file's tests, as a run's messages name them ("the example tests", "the hidden tests"). */
export function testsNamed(file: string): string {
  return file.startsWith('hidden') ? 'the hidden tests' : 'the example tests';
}
