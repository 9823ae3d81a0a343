/**
 * Where in the candidate's project a run's failure was thrown, or a compile error is: a project path with a
 * line and column, for the `path:line` links and the editor's markers.
 *
 * ADAPTER — remove its legacy half once the runner branch (issue 22's runner: `TestFailure.at`, project
 * paths in `CompileDiagnostic.file`) is merged. Until then the runner on main reports `solutionLine` and
 * `solutionColumn` (always in the language's solution file) and a diagnostic's file as 'solution.ts' or
 * 'tests'. This reads both shapes, so the workspace is written against `at` and `file` and works with either.
 */
import type { SourceLocation } from '../../core/files/locations';
import type { CompileDiagnostic, RunResult, TestFailure } from '../../runner/types';
import { solutionFileOfRun } from './runLabels';

/** Both shapes of a failure's place: the runner branch's `at`, and main's `solutionLine` (legacy). */
interface FailurePlace {
  at?: SourceLocation;
  solutionLine?: number;
  solutionColumn?: number;
}

/** How a file a run names becomes a project path (a design problem's scratchpad runs as 'solution.ts'). */
export type ToProjectPath = (runFile: string) => string;

export function failureLocation(
  failure: TestFailure,
  result: Pick<RunResult, 'language'>,
  toProjectPath: ToProjectPath = (f) => f,
): SourceLocation | null {
  const place = failure as FailurePlace;
  if (place.at) return { ...place.at, file: toProjectPath(place.at.file) };
  if (place.solutionLine === undefined) return null; // legacy
  return { file: toProjectPath(solutionFileOfRun(result)), line: place.solutionLine, column: place.solutionColumn ?? 1 };
}

/** A compile error's place in the project; null for one in the problem's tests. */
export function diagnosticLocation(diagnostic: CompileDiagnostic, toProjectPath: ToProjectPath = (f) => f): SourceLocation | null {
  if (diagnostic.file === 'tests') return null;
  return { file: toProjectPath(diagnostic.file), line: diagnostic.line, column: diagnostic.column };
}
