/**
 * The languages a coding problem can be practised in. TypeScript is the default: every record written
 * before Python existed (drafts, sessions, bundles) is TypeScript.
 */
export type Language = 'typescript' | 'python';

export const LANGUAGES: readonly Language[] = ['typescript', 'python'];

export const LANGUAGE_LABEL: Record<Language, string> = { typescript: 'TypeScript', python: 'Python' };

/** The candidate's file in each language, as the editor, the tests and the bundle name it. */
export const SOLUTION_FILE_OF: Record<Language, 'solution.ts' | 'solution.py'> = { typescript: 'solution.ts', python: 'solution.py' };

export function isLanguage(x: unknown): x is Language {
  return x === 'typescript' || x === 'python';
}

/** A stored language, or TypeScript when absent or unknown (older records). */
export function languageOr(x: unknown): Language {
  return isLanguage(x) ? x : 'typescript';
}
