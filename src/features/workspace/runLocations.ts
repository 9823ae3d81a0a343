/**
 * Where in the candidate's project a run's failure was thrown, or a compile error is: a project path with a
 * line and column, for the `path:line` links and the editor's markers.
 */
import type { SourceLocation } from '../../core/files/locations';
import type { CompileDiagnostic, TestFailure } from '../../runner/types';

/** How a file a run names becomes a project path (a design problem's scratchpad runs as 'solution.ts'). */
export type ToProjectPath = (runFile: string) => string;

export function failureLocation(failure: TestFailure, toProjectPath: ToProjectPath = (f) => f): SourceLocation | null {
  return failure.at ? { ...failure.at, file: toProjectPath(failure.at.file) } : null;
}

/** A compile error's place in the project; null for one in the problem's tests. */
export function diagnosticLocation(diagnostic: CompileDiagnostic, toProjectPath: ToProjectPath = (f) => f): SourceLocation | null {
  if (diagnostic.file === 'tests') return null;
  return { file: toProjectPath(diagnostic.file), line: diagnostic.line, column: diagnostic.column };
}
