/**
 * A codebase problem's variants and the rules only codebase problems have (problems/README.md, "Codebase
 * problems"; docs/decisions/files-and-languages.md). Pure, so the logic is unit-tested without files or
 * processes: scripts/check-problems.ts reads the folder, calls these, writes the variants and runs them.
 *
 * Per language (`project/<language>/`): the starter project (starter/**), the reference project (the
 * starter with reference/** laid over it, as src/core/problems/assembleCode.ts builds it for the app) and
 * one project per mutant (the reference with mutants/<name>/** laid over it).
 */
import { isValidPath } from '../../src/core/files/paths';
import { LANGUAGE_SPECS, LANGUAGES, type Language } from '../../src/core/languages/registry';
import { assembleCode, filesUnder, LIBRARY_MOUNT, ProjectFormatError } from '../../src/core/problems/assembleCode';
import { BASELINE_GROUP, type ProblemFeature } from '../../src/core/problems/types';
import { TESTKIT_MODULE } from '../../src/runner/compile/testkitShim';

export const MIN_MUTANTS = 8;

/** A codebase problem keeps its code under project/ (a single-file problem has none). */
export function isCodebaseFolder(paths: Iterable<string>): boolean {
  for (const p of paths) if (p.startsWith('project/')) return true;
  return false;
}

export interface ProjectVariant {
  /** "reference", "starter" or "mutant:<name>". */
  name: string;
  /** How messages name it: "reference", "starter", "project/<language>/mutants/<name>/". */
  label: string;
  /** The whole project: path → text. */
  files: Record<string, string>;
}

export interface CodebaseProject {
  language: Language;
  /** The test files, by the registry's names (examples.test.ts, hidden_test.py, …). */
  tests: { examples: string; hidden: string };
  /** Reference first, then the starter, then the mutants by name. */
  variants: ProjectVariant[];
  /** The files reference/ changes or adds (what mutation testing mutates). */
  changed: string[];
}

export interface AssembledCodebase {
  projects: CodebaseProject[];
  violations: string[];
}

/** The mutant names of a language: the folders under project/<language>/mutants/. */
export function mutantNames(files: ReadonlyMap<string, string>, language: Language): string[] {
  const prefix = `project/${language}/mutants/`;
  const names = new Set<string>();
  for (const p of files.keys()) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length);
    names.add(rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : rest);
  }
  return [...names].sort();
}

/**
 * Every project of a codebase problem folder (path relative to problems/<id>/ → text), with what is wrong;
 * `libraries` are the files under problems/_libraries/ a project may mount.
 */
export function assembleCodebase(
  files: ReadonlyMap<string, string>,
  problemId: string,
  libraries: ReadonlyMap<string, string> = new Map(),
): AssembledCodebase {
  const violations: string[] = [];
  const projects: CodebaseProject[] = [];
  for (const language of LANGUAGES) {
    const names = LANGUAGE_SPECS[language].problemFiles;
    for (const file of [names.starter, names.examples, names.hidden, names.reference]) {
      if (files.has(file)) violations.push(`${file}: a codebase problem keeps its code under project/<language>/, not at the folder's root`);
    }
  }
  let code;
  try {
    code = assembleCode(files, problemId, libraries);
  } catch (e) {
    if (!(e instanceof ProjectFormatError)) throw e;
    return { projects, violations: [...violations, e.message] };
  }
  for (const language of LANGUAGES) {
    const root = `project/${language}`;
    const material = code[language];
    if (!material || ![...files.keys()].some((p) => p.startsWith(`${root}/`))) {
      violations.push(`missing ${root}/starter/ (a codebase problem has a project in every language: ${LANGUAGES.join(', ')})`);
      continue;
    }
    const spec = LANGUAGE_SPECS[language];
    for (const file of [spec.problemFiles.examples, spec.problemFiles.hidden]) {
      if (!files.has(`${root}/${file}`)) violations.push(`missing ${root}/${file}`);
    }
    const starter = filesUnder(files, `${root}/starter/`);
    const overlay = filesUnder(files, `${root}/reference/`);
    if (overlay.size === 0) violations.push(`${root}/reference/ has no files (it holds the files the reference changes or adds)`);
    for (const [path, text] of overlay) {
      if (!isValidPath(path)) violations.push(`${root}/reference/${path} is not a valid project path`);
      else if (starter.get(path) === text) violations.push(`${root}/reference/${path} is the same as starter/${path}: list only the files the reference changes`);
    }
    const reference = material.reference;
    const variants: ProjectVariant[] = [
      { name: 'reference', label: 'reference', files: reference },
      { name: 'starter', label: 'starter', files: Object.fromEntries(material.files.map((f) => [f.path, f.text])) },
    ];
    const mutants = mutantNames(files, language);
    for (const name of mutants) {
      const where = `${root}/mutants/${name}/`;
      const mutant = filesUnder(files, where);
      if (mutant.size === 0) {
        violations.push(`${where}: a mutant is a folder of files laid over the reference`);
        continue;
      }
      violations.push(...mutantHeaderViolations(mutant, language, where));
      for (const path of mutant.keys()) {
        if (!isValidPath(path)) violations.push(`${where}${path} is not a valid project path`);
        else if (material.files.some((f) => f.path === path && f.readOnly && path.startsWith(`${LIBRARY_MOUNT}/`))) {
          violations.push(`${where}${path}: a mutant changes the problem's code, not the mounted library`);
        }
      }
      if ([...mutant].every(([path, text]) => reference[path] === text)) violations.push(`${where}: changes nothing in the reference`);
      variants.push({ name: `mutant:${name}`, label: where, files: { ...reference, ...Object.fromEntries(mutant) } });
    }
    if (mutants.length < MIN_MUTANTS) {
      violations.push(`${root}/mutants/ has ${mutants.length} mutants; at least ${MIN_MUTANTS} are required`);
    }
    projects.push({
      language,
      tests: { examples: material.examples, hidden: material.hidden },
      variants,
      changed: [...overlay.keys()].sort(),
    });
  }
  return { projects, violations };
}

/** A mutant overlay has exactly one file whose first line is `// Mutant: <the bug>` (`# Mutant:` in Python). */
export function mutantHeaderViolations(overlay: ReadonlyMap<string, string>, language: Language, where: string): string[] {
  const marker = `${LANGUAGE_SPECS[language].lineComment} Mutant:`;
  const headed = [...overlay].filter(([, text]) => (text.split('\n', 1)[0] ?? '').startsWith(marker));
  if (headed.length === 1) {
    const first = headed[0]![1].split('\n', 1)[0]!;
    return first.slice(marker.length).trim() ? [] : [`${where}${headed[0]![0]}: say what the bug is after "${marker}"`];
  }
  return [
    `${where}: ${headed.length} files start with "${marker}"; exactly one must (the file with the bug, first line "${marker} <the bug>")`,
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Test files' imports (TypeScript; pycheck.py checks Python's)

const IMPORT_PATTERNS = [
  /^\s*(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm, // import { x } from '…' (may span lines)
  /^\s*import\s*['"]([^'"]+)['"]/gm, // import '…'
  /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…'), require('…')
];

/** The module specifiers a TypeScript file imports. */
export function importSpecifiers(text: string): string[] {
  return IMPORT_PATTERNS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
}

/** The project file a relative specifier of a test file (at the project's root) names, if it names one. */
export function resolveProjectImport(specifier: string, projectPaths: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('./')) return null;
  const parts: string[] = [];
  for (const segment of specifier.slice(2).split('/')) {
    if (segment === '..' || segment === '.' || segment === '') return null;
    parts.push(segment);
  }
  const bare = parts.join('/');
  const candidates = [bare, `${bare}.ts`, `${bare}/index.ts`, bare.replace(/\.js$/, '.ts')];
  return candidates.find((c) => c.endsWith('.ts') && projectPaths.has(c)) ?? null;
}

/** What a codebase problem's TypeScript test file imports that it may not: only chai, fast-check and project files. */
export function tsTestImportViolations(text: string, where: string, projectPaths: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const spec of importSpecifiers(text)) {
    if (spec === 'chai' || spec === 'fast-check' || spec === TESTKIT_MODULE) continue;
    if (spec.startsWith('.')) {
      if (!resolveProjectImport(spec, projectPaths)) out.push(`${where} imports "${spec}", which is no file of the reference project`);
    } else out.push(`${where} imports "${spec}"; tests may import only chai, fast-check, ${TESTKIT_MODULE} and project files by relative path`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Groups: Requirement 1 and each feature

export interface GroupedTest {
  /** The test's group: its top-level describe title (TypeScript) or its class docstring's first line (Python); null outside any. */
  group: string | null;
  /** Its full title, as the run reports it: how it is matched between runs and named in messages. */
  title: string;
}

/** The group titles a codebase problem's hidden tests must use: Requirement 1, then each feature's title. */
export function groupTitles(features: readonly ProblemFeature[]): string[] {
  return [BASELINE_GROUP, ...features.map((f) => f.title)];
}

/** Every hidden test is in a known group, and every group has a hidden test. */
export function groupViolations(features: readonly ProblemFeature[], hidden: readonly GroupedTest[], label: string): string[] {
  const titles = groupTitles(features);
  const out: string[] = [];
  const outside = hidden.filter((t) => t.group === null);
  if (outside.length) out.push(`${label}: hidden test "${outside[0]!.title}" is not inside a group (${describeGroups(titles)})`);
  for (const group of new Set(hidden.map((t) => t.group))) {
    if (group !== null && !titles.includes(group)) {
      out.push(`${label}: hidden tests are grouped under "${group}", which is neither "${BASELINE_GROUP}" nor a feature title`);
    }
  }
  for (const title of titles) {
    if (!hidden.some((t) => t.group === title)) out.push(`${label}: no hidden test is in the group "${title}"`);
  }
  return out;
}

function describeGroups(titles: string[]): string {
  return `a top-level describe / TestCase docstring titled ${titles.map((t) => `"${t}"`).join(' or ')}`;
}

/**
 * The groups in which a variant passes every hidden test: `hidden` is the reference's list (every test
 * that exists), `passed` the full titles the variant passed. A test the variant never ran (a crash on
 * load, a hang) counts as failed.
 */
export function groupsPassedByAll(hidden: readonly GroupedTest[], passed: ReadonlySet<string>): string[] {
  const groups = [...new Set(hidden.map((t) => t.group).filter((g): g is string => g !== null))];
  return groups.filter((g) => hidden.filter((t) => t.group === g).every((t) => passed.has(t.title)));
}

export function starterGroupViolations(hidden: readonly GroupedTest[], passed: ReadonlySet<string>, label: string): string[] {
  return groupsPassedByAll(hidden, passed).map(
    (g) => `${label}: the starter passes every hidden test of "${g}"; it must fail at least one in every group`,
  );
}

export interface LanguageSummary {
  language: Language;
  groups: ReadonlySet<string>;
  /** Rule ids the hidden tests name. */
  ruleIds: ReadonlySet<string>;
}

/** Every language's hidden tests have the same groups and name the same rule ids as the first language's. */
export function languageAgreementViolations(summaries: readonly LanguageSummary[]): string[] {
  const [first, ...rest] = summaries;
  if (!first) return [];
  const out: string[] = [];
  const diff = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((x) => !b.has(x)).sort();
  for (const other of rest) {
    for (const [what, a, b] of [
      ['groups', first.groups, other.groups],
      ['rule ids', first.ruleIds, other.ruleIds],
    ] as const) {
      const onlyFirst = diff(a, b);
      const onlyOther = diff(b, a);
      if (onlyFirst.length || onlyOther.length) {
        const parts = [
          onlyFirst.length ? `only ${first.language} has ${onlyFirst.join(', ')}` : '',
          onlyOther.length ? `only ${other.language} has ${onlyOther.join(', ')}` : '',
        ].filter(Boolean);
        out.push(`the hidden tests' ${what} differ between ${first.language} and ${other.language}: ${parts.join('; ')}`);
      }
    }
  }
  return out;
}
