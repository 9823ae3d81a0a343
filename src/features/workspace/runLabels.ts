/**
 * Words the results and the console use that depend on the language. A run's results name the file of
 * the language the run was in (a result outlives a switch of the Language control); the console's empty
 * state names how the language the person is writing prints.
 */
import { languageOr, SOLUTION_FILE_OF, type Language } from '../../core/problems/language';
import type { RunResult } from '../../runner/types';

export function solutionFileOfRun(result: Pick<RunResult, 'language'>): 'solution.ts' | 'solution.py' {
  return SOLUTION_FILE_OF[languageOr(result.language)];
}

const PRINT_CALL: Record<Language, string> = { typescript: 'console.log', python: 'print()' };

export function emptyConsoleText(language: Language): string {
  return `${PRINT_CALL[language]} output from your code appears here.`;
}
