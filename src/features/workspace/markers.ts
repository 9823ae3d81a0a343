import type { EditorMarker } from '../../editor';
import type { RunResult } from '../../runner/types';
import { solutionFileOfRun } from './runLabels';

/** The markers of one project file (by default the run's single-file solution): compile errors and throws located in it. */
export function markersFromResult(result: RunResult | null, file = result ? solutionFileOfRun(result) : ''): EditorMarker[] {
  if (!result) return [];
  const compile = result.compileErrors
    .filter((d) => d.file === file)
    .map((d) => ({ kind: 'compile' as const, message: d.message, line: d.line, column: d.column, length: d.length }));
  const runtime: EditorMarker[] = [];
  const seen = new Set<number>();
  for (const test of result.tests) {
    const at = test.failure?.at;
    if (at?.file !== file || seen.has(at.line)) continue;
    seen.add(at.line);
    runtime.push({
      kind: 'runtime',
      message: `Thrown while running "${test.title}": ${test.failure?.message ?? ''}`,
      line: at.line,
      column: at.column,
      length: 1,
    });
  }
  const load = result.error;
  if (load?.at?.file === file && !seen.has(load.at.line)) {
    runtime.push({
      kind: 'runtime',
      message: `Thrown while loading your code: ${load.message}`,
      line: load.at.line,
      column: load.at.column,
      length: 1,
    });
  }
  return [...compile, ...runtime];
}
