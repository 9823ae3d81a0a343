/**
 * The file-system half of checking a codebase problem (the pure half is codebase.ts): every variant of
 * every language is assembled into `<work>/<id>/<language>/<variant>/` with the test files beside it, for
 * mocha and tsc (TypeScript) and pycheck.py (Python); afterwards the groups are judged per language and the
 * languages are compared.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGE_SPECS } from '../../src/core/languages/registry';
import type { ProblemFeature } from '../../src/core/problems/types';
import {
  assembleCodebase,
  groupViolations,
  starterGroupViolations,
  tsTestImportViolations,
  type CodebaseProject,
  type GroupedTest,
  type LanguageSummary,
} from './codebase';
import type { Variant, VariantOutcome } from './mocha';
import { ruleIdsOfTitle } from './ruleMap';
import { readFolder, readLibraries, writeFolder } from './shared';
import type { TypeCheckEntry } from './typeCheck';

/** What pycheck.py needs to check a codebase problem's Python (`--codebase <plan file>`). */
export interface PythonCodebasePlan {
  /** problems/<id>/project/python: its test files are checked and starter/, reference/, mutants/ screened. */
  source: string;
  /** Reference first, then the starter, then the mutants; each folder holds the project and both test files. */
  variants: { name: string; label: string; dir: string }[];
  /** The reference project's modules and packages ("chat", "chat.hub"): what the tests may import besides the standard library. */
  modules: string[];
}

export interface PreparedCodebase {
  violations: string[];
  typescript?: { variants: Variant[]; typeCheck: TypeCheckEntry[]; workDir: string };
  python?: PythonCodebasePlan;
  /** Per language, the files reference/ changes (for the summary). */
  projects: CodebaseProject[];
}

function variantDir(name: string): string {
  return name.startsWith('mutant:') ? `mutant-${name.slice('mutant:'.length)}` : name;
}

/** The Python module names of a project's .py files, packages included ("a/b/c.py" → a, a.b, a.b.c). */
export function pythonModules(paths: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const p of paths) {
    if (!p.endsWith('.py')) continue;
    const parts = p.slice(0, -'.py'.length).split('/');
    if (parts[parts.length - 1] === '__init__') parts.pop();
    for (let i = 1; i <= parts.length; i++) names.add(parts.slice(0, i).join('.'));
  }
  return [...names].sort();
}

/** Assembles and writes every variant of a codebase problem; `problemsDir/<id>` is its folder. */
export function prepareCodebase(problemsDir: string, id: string, workDir: string): PreparedCodebase {
  const { projects, violations } = assembleCodebase(readFolder(path.join(problemsDir, id)), id, readLibraries(problemsDir));
  const prepared: PreparedCodebase = { violations, projects };
  for (const project of projects) {
    const spec = LANGUAGE_SPECS[project.language];
    const root = path.join(workDir, id, project.language);
    rmSync(root, { recursive: true, force: true });
    const testFiles = { [spec.problemFiles.examples]: project.tests.examples, [spec.problemFiles.hidden]: project.tests.hidden };
    const reference = project.variants[0]!.files;
    const written = project.variants.map((v) => {
      const dir = path.join(root, variantDir(v.name));
      writeFolder(dir, { ...v.files, ...testFiles });
      return { name: v.name, label: v.label, dir };
    });
    if (project.language === 'typescript') {
      const paths = new Set(Object.keys(reference));
      for (const [file, text] of Object.entries(testFiles)) {
        violations.push(...tsTestImportViolations(text, `project/typescript/${file}`, paths));
      }
      prepared.typescript = {
        workDir: root,
        // A starter whose module fails on import would stop mocha loading every variant's files: it runs alone.
        variants: written.map((v) => ({ ...v, alone: v.name === 'starter' })),
        typeCheck: written.map((v) => ({ dir: v.dir, include: ['**/*.ts'] })),
      };
    } else if (project.language === 'python') {
      prepared.python = { source: path.join(problemsDir, id, 'project', 'python'), variants: written, modules: pythonModules(Object.keys(reference)) };
    }
  }
  return prepared;
}

/** The TypeScript run's groups: each hidden test of the reference with its top-level describe. */
export function tsGroupedTests(reference: VariantOutcome): GroupedTest[] {
  return reference.hiddenTests.map((t) => ({ group: t.titlePath.length > 1 ? t.titlePath[0]! : null, title: t.fullTitle }));
}

/** Groups of the TypeScript hidden tests: each is Requirement 1 or a feature, and the starter fails in each. */
export function judgeTsGroups(
  features: readonly ProblemFeature[],
  outcomes: ReadonlyMap<string, VariantOutcome>,
): { violations: string[]; summary: LanguageSummary | null; starterGroups: string } {
  const reference = outcomes.get('reference');
  const starter = outcomes.get('starter');
  if (!reference || reference.crash || !starter) return { violations: [], summary: null, starterGroups: '' };
  const hidden = tsGroupedTests(reference);
  const passed = new Set(starter.crash ? [] : starter.hiddenTests.filter((t) => t.passed).map((t) => t.fullTitle));
  const violations = [...groupViolations(features, hidden, 'TypeScript'), ...starterGroupViolations(hidden, passed, 'TypeScript')];
  const groups = new Set(hidden.map((t) => t.group).filter((g): g is string => g !== null));
  const failing = [...groups].filter((g) => hidden.some((t) => t.group === g && !passed.has(t.title)));
  return {
    violations,
    summary: { language: 'typescript', groups, ruleIds: new Set(hidden.flatMap((t) => ruleIdsOfTitle(t.title))) },
    starterGroups: `fails in ${failing.length}/${groups.size} groups`,
  };
}

/** The same for Python, from pycheck's lists: the reference's hidden tests [group, title] and those the starter passed. */
export function judgePythonGroups(
  features: readonly ProblemFeature[],
  hidden: readonly (readonly [string, string])[],
  starterPassed: readonly (readonly [string, string])[],
): { violations: string[]; summary: LanguageSummary } {
  const key = ([g, t]: readonly [string, string]) => `${g} › ${t}`;
  const tests: GroupedTest[] = hidden.map((t) => ({ group: t[0], title: key(t) }));
  const passed = new Set(starterPassed.map(key));
  return {
    violations: [...groupViolations(features, tests, 'Python'), ...starterGroupViolations(tests, passed, 'Python')],
    summary: {
      language: 'python',
      groups: new Set(tests.map((t) => t.group!)),
      ruleIds: new Set(tests.flatMap((t) => ruleIdsOfTitle(t.title))),
    },
  };
}
