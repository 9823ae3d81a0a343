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
import { PYTHON_STANDARD_MODULES } from './pythonStandardModules';

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
  /** Spaces a Tab inserts and an indentation level is (the language's own convention). */
  indentSize: number;
  /**
   * Module names a project's source files may not take (core/files/reservedPaths.ts applies the rule): the
   * test runner's own modules and test files (`runner`), and the standard modules the tests may import
   * (`standard`). A project file of such a name would be imported in their place, by the tests too.
   */
  reservedModules: { runner: readonly string[]; standard: readonly string[] };
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
    indentSize: 2,
    // The tests' modules are bare names ('chai') and project files are imported by relative path: no clash.
    reservedModules: { runner: [], standard: [] },
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
    indentSize: 4,
    reservedModules: {
      // The test files and the harness's modules (src/runner/python), and the page's own (Pyodide's).
      runner: [
        'examples_test',
        'hidden_test',
        'harness',
        'screen',
        '_harness_asserts',
        '_harness_report',
        '_harness_tests',
        '_plain_values',
        '_project',
        '_screen_bindings',
        '_screen_checks',
        '_screen_rules',
        '_screen_walk',
        'js',
        'pyodide',
        'pyodide_js',
        '_pyodide',
        'micropip',
      ],
      standard: PYTHON_STANDARD_MODULES,
    },
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

/** The language whose editor language (Monaco's id) this is, if any: the editor facade reads its conventions. */
export function languageOfEditorLanguage(monacoId: string | undefined): Language | null {
  return LANGUAGES.find((l) => LANGUAGE_SPECS[l].monacoLanguage === monacoId) ?? null;
}

/** Spaces an indentation level is in files of this editor language (2 for anything not a registered language). */
export function indentOfEditorLanguage(monacoId: string | undefined): number {
  const language = languageOfEditorLanguage(monacoId);
  return language ? LANGUAGE_SPECS[language].indentSize : 2;
}
