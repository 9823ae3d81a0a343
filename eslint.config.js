// Lint for the whole repo, and the layer rule that keeps the architecture the way ARCHITECTURE.md draws it:
//   app → features → practice → (editor, recorder, runner, storage, problems) → core
// A feature reaches another feature only through that feature's index.ts; core imports nothing of the app.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/** The layers, from the bottom up; each may import only the ones named in `mayImport` (and itself). */
const LAYERS = [
  { type: 'core', pattern: 'src/core', mayImport: [] },
  { type: 'storage', pattern: 'src/storage', mayImport: ['core'] },
  { type: 'runner', pattern: 'src/runner', mayImport: ['core'] },
  { type: 'problems', pattern: 'src/problems', mayImport: ['core'] },
  { type: 'recorder', pattern: 'src/recorder', mayImport: ['core', 'storage'] },
  { type: 'editor', pattern: 'src/editor', mayImport: ['core'] },
  // The practice engine: one React-free class over the recorder, the runner and storage (src/practice).
  { type: 'practice', pattern: 'src/practice', mayImport: ['core', 'storage', 'runner', 'problems', 'recorder'] },
  { type: 'shared', pattern: 'src/shared', mayImport: ['core'] },
  {
    type: 'feature',
    pattern: 'src/features/*',
    capture: ['name'],
    mayImport: ['core', 'storage', 'runner', 'problems', 'recorder', 'practice', 'editor', 'shared'],
  },
  {
    type: 'app',
    pattern: 'src/app',
    mayImport: ['core', 'storage', 'runner', 'problems', 'recorder', 'practice', 'editor', 'shared', 'feature'],
  },
  {
    type: 'entry',
    pattern: 'src/main.tsx',
    mode: 'file',
    mayImport: ['app', 'core', 'storage', 'runner', 'problems', 'recorder', 'practice', 'editor', 'shared', 'feature'],
  },
];

// Each layer may import itself and the layers below it. A feature's own folder counts as itself; another
// feature is a different element of the same type, allowed only through its index (the policy below).
const layerPolicies = LAYERS.map(({ type, mayImport }) => ({
  from: { element: { type } },
  allow: { to: { element: { types: { anyOf: type === 'feature' ? mayImport : [type, ...mayImport] } } } },
}));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      '.tmp',
      '.tmp-*',
      '.stryker-tmp',
      'reports',
      'test-results',
      'test-results-*',
      'playwright-report',
      'dev-dist',
      // Mutants are deliberately broken copies of a reference; their lint would only repeat the reference's.
      'problems/*/mutants/**',
      'problems/*/project/*/mutants/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, boundaries, 'import-x': importX },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // no-cycle follows imports by parsing each file; without a TypeScript parser it silently sees none.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'boundaries/elements': LAYERS.map(({ type, pattern, mode = 'folder', capture }) => ({
        type,
        pattern,
        mode,
        ...(capture ? { capture } : {}),
      })),
      'boundaries/include': ['src/**/*'],
      'boundaries/legacy-warnings': false,
    },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...layerPolicies,
            // A feature's own files.
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { type: 'feature', captured: { name: '{{ from.element.captured.name }}' } } } },
            },
            // Another feature only through its public face.
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { type: 'feature', fileInternalPath: ['index.ts', 'index.tsx'] } } },
            },
          ],
        },
      ],
    },
  },
  {
    // No file in src/ over 400 lines, tests included, every line counted (issue 28): split a longer one by
    // what its parts do. Python files under src/ are held to the same limit by scripts/check-python-lines.ts.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  {
    // Monaco only behind the editor facade (src/editor/index.ts).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/editor/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/react'],
              message: 'Use the editor facade in src/editor/ instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // A feature store is a selector hook over an engine's store plus action names (issue 28): the
    // behaviour — saving, logging, reading back — lives in the engine (src/practice), so a store never
    // reaches the recorder or storage itself. The monaco patterns are repeated: this rule replaces the one above.
    // The theme store is not practice behaviour (the app's look, kept on this device) and has no engine to own it.
    files: ['src/features/**/*Store.ts'],
    ignores: ['src/features/theme/themeStore.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/react'],
              message: 'Use the editor facade in src/editor/ instead.',
            },
            {
              regex: '^(\\.\\./)+(recorder|storage)(/|$)',
              message: 'A feature store holds no behaviour: call the practice engine (src/practice), which owns the recorder and storage.',
            },
          ],
        },
      ],
    },
  },
  {
    // Workers and the sandbox are plain scripts bundled on their own; React rules do not apply.
    files: ['src/**/*.worker.ts', 'src/runner/sandbox/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Problem files are TypeScript the candidate sees; mocha's globals are declared in their type check.
    // A starter's API has empty bodies by design, so its parameters are unused until the candidate writes them.
    files: ['problems/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', varsIgnorePattern: '^_' }],
      // Hidden tests assert on the error classes a candidate's code throws (any constructor) and rethrow a
      // model's divergence as a readable message of their own; neither is a bug in a test file.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'preserve-caught-error': 'off',
    },
  },
);
