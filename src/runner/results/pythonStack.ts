/**
 * Locates a Python failure in the candidate's project. The harness sends tracebacks already trimmed to the
 * project's and the test file's frames, each file named by its path in the project (`File "chat/hub.py",
 * line 12, in send`), so no source map is involved: the innermost frame in a project file is where the
 * candidate's code failed. Tracebacks carry lines only, so the column is 1.
 */
import type { StackMapper } from './stackMapping';

const FRAME = /File "([^"]+)", line (\d+)/g;

/** A mapper for a run of these project files (paths as in the run's `files`). */
export function createPythonStackMapper(projectPaths: Iterable<string>): StackMapper {
  const project = new Set(projectPaths);
  return (stack) => {
    let at: { file: string; line: number } | undefined;
    for (const match of stack.matchAll(FRAME)) {
      if (project.has(match[1] ?? '')) at = { file: match[1]!, line: Number(match[2]) };
    }
    return at ? { text: stack, at: { ...at, column: 1 }, where: `${at.file}:${at.line}` } : { text: stack };
  };
}
