/**
 * The editor's markers from a run, per project file: compile errors where they are, and the line each
 * failing test (or the loading of the code) threw from, once per line.
 */
import type { EditorMarker } from '../../editor';
import type { RunResult } from '../../runner/types';
import { diagnosticLocation, failureLocation, type ToProjectPath } from './runLocations';

export type MarkersByFile = Record<string, EditorMarker[]>;

export function markersFromResult(result: RunResult | null, toProjectPath: ToProjectPath = (f) => f): MarkersByFile {
  const byFile: MarkersByFile = {};
  if (!result) return byFile;
  const add = (file: string, marker: EditorMarker) => (byFile[file] ??= []).push(marker);
  for (const d of result.compileErrors) {
    const at = diagnosticLocation(d, toProjectPath);
    if (at) add(at.file, { kind: 'compile', message: d.message, line: at.line, column: at.column, length: d.length });
  }
  const seen = new Set<string>();
  const runtime = (message: string, at: { file: string; line: number; column: number } | null) => {
    if (!at || seen.has(`${at.file}:${at.line}`)) return;
    seen.add(`${at.file}:${at.line}`);
    add(at.file, { kind: 'runtime', message, line: at.line, column: at.column, length: 1 });
  };
  for (const test of result.tests) {
    if (test.failure)
      runtime(`Thrown while running "${test.title}": ${test.failure.message}`, failureLocation(test.failure, toProjectPath));
  }
  if (result.error) runtime(`Thrown while loading your code: ${result.error.message}`, failureLocation(result.error, toProjectPath));
  return byFile;
}
