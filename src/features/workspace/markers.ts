import type { EditorMarker } from '../../editor';
import type { RunResult } from '../../runner/types';

export function markersFromResult(result: RunResult | null): EditorMarker[] {
  if (!result) return [];
  const compile = result.compileErrors
    .filter((d) => d.file === 'solution.ts')
    .map((d) => ({ kind: 'compile' as const, message: d.message, line: d.line, column: d.column, length: d.length }));
  const runtime: EditorMarker[] = [];
  const seen = new Set<number>();
  for (const test of result.tests) {
    const f = test.failure;
    if (!f?.solutionLine || seen.has(f.solutionLine)) continue;
    seen.add(f.solutionLine);
    runtime.push({
      kind: 'runtime',
      message: `Thrown while running "${test.title}": ${f.message}`,
      line: f.solutionLine,
      column: f.solutionColumn ?? 1,
      length: 1,
    });
  }
  const load = result.error;
  if (load?.solutionLine && !seen.has(load.solutionLine)) {
    runtime.push({
      kind: 'runtime',
      message: `Thrown while loading your code: ${load.message}`,
      line: load.solutionLine,
      column: load.solutionColumn ?? 1,
      length: 1,
    });
  }
  return [...compile, ...runtime];
}
