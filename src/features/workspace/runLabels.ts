/**
 * Words the results and the console use that depend on the language. A run's results name the file of
 * the language the run was in (a result outlives a switch of the Language control); the console's empty
 * state names how the language the person is writing prints.
 */
import { languageOr, languageSpec, type Language } from '../../core/languages/registry';
import type { RunResult } from '../../runner/types';

export function solutionFileOfRun(result: Pick<RunResult, 'language'>): string {
  return languageSpec(languageOr(result.language)).solutionFile;
}

export function emptyConsoleText(language: Language): string {
  return `${languageSpec(language).printCall} output from your code appears here.`;
}
