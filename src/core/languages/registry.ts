/**
 * The languages a coding problem can be practised in, as data: one entry each. Everything that differs by
 * language outside the runner (file names in a problem folder, the candidate's file in a single-file
 * problem, Monaco's language, how a comment starts, how results name the test files) is read from here, so
 * no feature writes a language's name. The runner keeps the other half, one client per language
 * (src/runner/clients.ts). Adding a language = one entry here + its client there (ARCHITECTURE.md).
 *
 * TypeScript is the default: every record written before languages existed (drafts, sessions, bundles) is
 * TypeScript.
 */
export interface LanguageSpec {
  label: string;
  /** Source files' extension, with the dot. */
  extension: string;
  /** A single-file problem's files in problems/<id>/ (problems/README.md). */
  problemFiles: { starter: string; examples: string; hidden: string; reference: string; mutantsExtension: string };
  /** Shown above the statement when the language is chosen (the statement's names in this language). */
  guideFile: string | null;
  /** The candidate's file in a single-file problem, as the editor, tests, session log and bundle name it. */
  solutionFile: string;
  /** The test files as Run and Submit name them in results and messages. */
  exampleTests: string;
  hiddenTests: string;
  /** Monaco's language id for this language's source files. */
  monacoLanguage: string;
  lineComment: string;
  /** A block comment's markers, when the language has them (the edge-case rule reads comments: core/analysis/edgeCases.ts). */
  blockComment: readonly [open: string, close: string] | null;
  /** Characters that open a string; ' and " end at the line's end, any other (a template literal) may span lines. */
  stringQuotes: string;
  /** How code in this language prints (the console's empty state names it). */
  printCall: string;
  /** Modules the runner loads beside the project: a candidate's file may not take their names (core/files/reserved.ts). */
  reservedFiles: readonly string[];
}

export const LANGUAGE_SPECS = {
  typescript: {
    label: 'TypeScript',
    extension: '.ts',
    problemFiles: {
      starter: 'starter.ts',
      examples: 'examples.test.ts',
      hidden: 'hidden.test.ts',
      reference: 'reference.ts',
      mutantsExtension: '.ts',
    },
    guideFile: null,
    solutionFile: 'solution.ts',
    exampleTests: 'examples.test.ts',
    hiddenTests: 'hidden.test.ts',
    monacoLanguage: 'typescript',
    lineComment: '//',
    blockComment: ['/*', '*/'],
    stringQuotes: `'"\``,
    printCall: 'console.log',
    reservedFiles: [],
  },
  python: {
    label: 'Python',
    extension: '.py',
    problemFiles: {
      starter: 'starter.py',
      examples: 'examples_test.py',
      hidden: 'hidden_test.py',
      reference: 'reference.py',
      mutantsExtension: '.py',
    },
    guideFile: 'python.md',
    solutionFile: 'solution.py',
    exampleTests: 'examples_test.py',
    hiddenTests: 'hidden_test.py',
    monacoLanguage: 'python',
    lineComment: '#',
    blockComment: null,
    stringQuotes: `'"`,
    printCall: 'print()',
    reservedFiles: ['harness.py', 'screen.py', '_plain_values.py', 'unittest.py', 'unittest/__init__.py'],
  },
} as const satisfies Record<string, LanguageSpec>;

export type Language = keyof typeof LANGUAGE_SPECS;

/** Every language, the default first. */
export const LANGUAGES = Object.keys(LANGUAGE_SPECS) as Language[];

export const DEFAULT_LANGUAGE: Language = 'typescript';

export function languageSpec(language: Language): LanguageSpec {
  return LANGUAGE_SPECS[language];
}

export function isLanguage(x: unknown): x is Language {
  return typeof x === 'string' && Object.hasOwn(LANGUAGE_SPECS, x);
}

/** A stored language, or the default when absent or unknown (older records). */
export function languageOr(x: unknown): Language {
  return isLanguage(x) ? x : DEFAULT_LANGUAGE;
}

/** The language whose source files end with this path's extension, if any. */
export function languageOfPath(path: string): Language | null {
  return LANGUAGES.find((l) => path.endsWith(LANGUAGE_SPECS[l].extension)) ?? null;
}

/** Monaco's language for a project file: its language's, Markdown for a .md file, plain text otherwise. */
export function editorLanguageOfPath(path: string): string {
  const language = languageOfPath(path);
  if (language) return LANGUAGE_SPECS[language].monacoLanguage;
  return path.toLowerCase().endsWith('.md') ? 'markdown' : 'plaintext';
}
