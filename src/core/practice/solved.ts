/**
 * The one rule for "solved": a Submit whose run completed with every one of its (more than zero) hidden
 * tests passed. Any other outcome never counts, whatever its numbers say: 'compile-error', 'timedout',
 * 'crashed', and 'not-counted' (a run the runner refused to count, e.g. a forged result, reported with 0
 * passed). The engine, the attempt history, the facts and the catalog all ask this function.
 */
export interface SubmitOutcome {
  outcome: string;
  passed: number;
  total: number;
}

export function countsAsSolved(result: SubmitOutcome): boolean {
  return result.outcome === 'completed' && result.total > 0 && result.passed === result.total;
}
