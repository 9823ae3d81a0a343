/**
 * The candidate's files beside the reference's, file by file, for "Compare with the reference": each path
 * of either side once, in tree order, with what happened to it. A single-file problem is one pair whatever
 * the two files are called (a log from before projects names a Python session's code 'solution.ts').
 */
import { sortPaths } from '../files/paths';

export type FileComparisonStatus =
  /** Both have the file, with different text. */
  | 'changed'
  /** Both have it, with the same text (line endings aside). */
  | 'same'
  /** Only the candidate's code has it. */
  | 'created'
  /** Only the reference has it: the candidate deleted it or never created it. */
  | 'missing';

export interface FileComparison {
  path: string;
  /** The candidate's text, or null when they have no such file. */
  code: string | null;
  /** The reference's text, or null when it has no such file. */
  reference: string | null;
  status: FileComparisonStatus;
}

export const COMPARISON_STATUS_LABEL: Record<FileComparisonStatus, string> = {
  changed: 'differs',
  same: 'same',
  created: 'only yours',
  missing: 'not in yours',
};

const sameText = (a: string, b: string) => a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n');

function statusOf(code: string | null, reference: string | null): FileComparisonStatus {
  if (code === null) return 'missing';
  if (reference === null) return 'created';
  return sameText(code, reference) ? 'same' : 'changed';
}

/** Whether the problem has a reference to compare with (a design problem's is empty). */
export function hasReference(reference: Readonly<Record<string, string>>): boolean {
  return Object.values(reference).some((text) => text.trim() !== '');
}

export function compareWithReference(
  code: Readonly<Record<string, string>>,
  reference: Readonly<Record<string, string>>,
): FileComparison[] {
  const codePaths = Object.keys(code);
  const referencePaths = Object.keys(reference);
  if (codePaths.length === 1 && referencePaths.length === 1) {
    const [path] = referencePaths as [string];
    const [yours] = codePaths as [string];
    return [{ path, code: code[yours]!, reference: reference[path]!, status: statusOf(code[yours]!, reference[path]!) }];
  }
  return sortPaths([...new Set([...codePaths, ...referencePaths])]).map((path) => {
    const yours = Object.hasOwn(code, path) ? code[path]! : null;
    const theirs = Object.hasOwn(reference, path) ? reference[path]! : null;
    return { path, code: yours, reference: theirs, status: statusOf(yours, theirs) };
  });
}

/** The file to show first: the first that is not the same as the reference's, else the first. */
export function firstDifference(comparisons: readonly FileComparison[]): FileComparison | null {
  return comparisons.find((c) => c.status !== 'same') ?? comparisons[0] ?? null;
}
