/**
 * Locates a Python failure in solution.py. The harness sends tracebacks already trimmed to the candidate's
 * and the test file's frames (`File "solution.py", line 12, in allow`), so no source map is involved: the
 * innermost solution.py frame is where the candidate's code failed.
 */
import type { StackMapper } from './stackMapping';

const FRAME = /File "([^"]+)", line (\d+)/g;

export const mapPythonStack: StackMapper = (stack) => {
  let line: number | undefined;
  for (const match of stack.matchAll(FRAME)) {
    if (match[1] === 'solution.py') line = Number(match[2]);
  }
  return line !== undefined ? { text: stack, solution: { line } } : { text: stack };
};
