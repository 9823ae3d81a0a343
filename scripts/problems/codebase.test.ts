import { describe, expect, it } from 'vitest';
import {
  assembleCodebase,
  groupsPassedByAll,
  groupViolations,
  languageAgreementViolations,
  mutantHeaderViolations,
  mutantNames,
  resolveProjectImport,
  starterGroupViolations,
  tsTestImportViolations,
} from './codebase';
import { judgePythonGroups, pythonModules, tsGroupedTests } from './codebaseCheck';
import { miniDeskFiles } from './fixtures/miniDesk';

const files = () => new Map(Object.entries(miniDeskFiles()));
const FEATURES = [
  { id: 'priority', title: 'Priority tickets' },
  { id: 'stats', title: 'Desk stats' },
];

describe('assembleCodebase (the variants check:problems runs)', () => {
  it('builds the reference (starter + reference/), the starter and one project per mutant (reference + its folder), per language', () => {
    const { projects, violations } = assembleCodebase(files(), 'mini-desk');
    expect(violations).toEqual([]);
    expect(projects.map((p) => p.language)).toEqual(['typescript', 'python']);
    const ts = projects[0]!;
    expect(ts.variants.map((v) => v.name).slice(0, 3)).toEqual(['reference', 'starter', 'mutant:duplicates-allowed']);
    expect(ts.variants).toHaveLength(2 + 8);
    const [reference, starter, mutant] = ts.variants;
    expect(Object.keys(reference!.files).sort()).toEqual(['desk/models.ts', 'desk/order.ts', 'desk/queue.ts']);
    expect(Object.keys(starter!.files).sort()).toEqual(['desk/models.ts', 'desk/queue.ts']);
    expect(reference!.files['desk/queue.ts']).toContain('before(');
    expect(starter!.files['desk/queue.ts']).toContain('Not implemented');
    // The mutant changes queue.ts and keeps the reference's order.ts and models.ts.
    expect(mutant!.files['desk/queue.ts']!.split('\n')[0]).toBe('// Mutant: an id already open is accepted');
    expect(mutant!.files['desk/order.ts']).toBe(reference!.files['desk/order.ts']);
    expect(mutant!.label).toBe('project/typescript/mutants/duplicates-allowed/');
    expect(ts.changed).toEqual(['desk/order.ts', 'desk/queue.ts']);
    expect(ts.tests.hidden).toContain("describe('Priority tickets'");
    expect(projects[1]!.tests.hidden).toContain('"""Priority tickets"""');
  });

  it('reports a missing language, too few mutants, an overlay file equal to the starter and code at the folder root', () => {
    const f = files();
    for (const key of [...f.keys()]) if (key.startsWith('project/python/')) f.delete(key);
    for (const key of [...f.keys()]) if (key.startsWith('project/typescript/mutants/urgent-')) f.delete(key);
    f.set('project/typescript/reference/desk/models.ts', f.get('project/typescript/starter/desk/models.ts')!);
    f.set('starter.ts', 'export {};\n');
    const { projects, violations } = assembleCodebase(f, 'mini-desk');
    expect(projects.map((p) => p.language)).toEqual(['typescript']);
    expect(violations).toEqual([
      "starter.ts: a codebase problem keeps its code under project/<language>/, not at the folder's root",
      'project/typescript/reference/desk/models.ts is the same as starter/desk/models.ts: list only the files the reference changes',
      'project/typescript/mutants/ has 6 mutants; at least 8 are required',
      'missing project/python/starter/ (a codebase problem has a project in every language: typescript, python)',
    ]);
  });

  it('reports a mutant that changes nothing and a broken project.json', () => {
    const f = files();
    f.set('project/python/mutants/extra/desk/order.py', `# Mutant: nothing\n${f.get('project/python/reference/desk/order.py')}`);
    f.set('project/python/mutants/same/desk/models.py', f.get('project/python/starter/desk/models.py')!);
    const { violations } = assembleCodebase(f, 'mini-desk');
    expect(violations).toContain('project/python/mutants/same/: changes nothing in the reference');
    expect(violations).toContain('project/python/mutants/same/: 0 files start with "# Mutant:"; exactly one must (the file with the bug, first line "# Mutant: <the bug>")');
    expect(violations.some((v) => v.includes('mutants/extra/'))).toBe(false);
    f.set('project/typescript/project.json', '{ nope');
    expect(assembleCodebase(f, 'mini-desk').violations.at(-1)).toMatch(/project\/typescript\/project.json is not JSON/);
  });

  it('mounts a named library in every variant and refuses a mutant that changes it', () => {
    const f = files();
    f.set('project/typescript/project.json', JSON.stringify({ library: 'lib' }));
    f.set('project/typescript/mutants/lib-bug/framework/util.ts', '// Mutant: the library changed\nexport const x = 2;\n');
    const libraries = new Map([['lib/typescript/util.ts', 'export const x = 1;\n']]);
    const { projects, violations } = assembleCodebase(f, 'mini-desk', libraries);
    const ts = projects.find((p) => p.language === 'typescript')!;
    for (const name of ['reference', 'starter', 'mutant:duplicates-allowed']) {
      expect(ts.variants.find((v) => v.name === name)!.files['framework/util.ts']).toBe('export const x = 1;\n');
    }
    expect(violations).toEqual([
      "project/typescript/mutants/lib-bug/framework/util.ts: a mutant changes the problem's code, not the mounted library",
    ]);
  });

  it('names the mutants by their folders', () => {
    expect(mutantNames(files(), 'python')).toHaveLength(8);
    expect(mutantNames(new Map([['project/python/mutants/a/x.py', ''], ['project/python/mutants/a/y/z.py', ''], ['project/python/mutants/b.py', '']]), 'python')).toEqual(['a', 'b.py']);
  });
});

describe('mutant headers', () => {
  it('wants exactly one file whose first line names the bug', () => {
    const one = new Map([
      ['a.py', '# Mutant: off by one\nx = 1\n'],
      ['b.py', 'y = 2\n'],
    ]);
    expect(mutantHeaderViolations(one, 'python', 'm/')).toEqual([]);
    expect(mutantHeaderViolations(new Map([['a.ts', '// Mutant:\n']]), 'typescript', 'm/')).toEqual(['m/a.ts: say what the bug is after "// Mutant:"']);
    expect(mutantHeaderViolations(new Map([['a.ts', '// Mutant: x\n'], ['b.ts', '// Mutant: y\n']]), 'typescript', 'm/')[0]).toMatch(/2 files start with/);
  });
});

describe('test imports (TypeScript)', () => {
  const paths = new Set(['chat/hub.ts', 'chat/models.ts', 'util/index.ts']);
  it('resolves relative specifiers to project files', () => {
    expect(resolveProjectImport('./chat/hub', paths)).toBe('chat/hub.ts');
    expect(resolveProjectImport('./chat/hub.js', paths)).toBe('chat/hub.ts');
    expect(resolveProjectImport('./util', paths)).toBe('util/index.ts');
    expect(resolveProjectImport('../chat/hub', paths)).toBeNull();
    expect(resolveProjectImport('./chat/../chat/hub', paths)).toBeNull();
  });
  it('allows chai, fast-check, rehearse-test and project files, and reports anything else', () => {
    const text = "import { expect } from 'chai';\nimport fc from 'fast-check';\nimport { expectThrow } from 'rehearse-test';\nimport { Hub } from './chat/hub';\nimport { x } from './chat/nope';\nimport fs from 'node:fs';\n";
    expect(tsTestImportViolations(text, 'hidden.test.ts', paths)).toEqual([
      'hidden.test.ts imports "./chat/nope", which is no file of the reference project',
      'hidden.test.ts imports "node:fs"; tests may import only chai, fast-check, rehearse-test and project files by relative path',
    ]);
  });
});

describe('groups', () => {
  const hidden = [
    { group: 'Requirement 1', title: 'R1 a' },
    { group: 'Requirement 1', title: 'R1 b' },
    { group: 'Priority tickets', title: 'P a' },
    { group: 'Desk stats', title: 'S a' },
  ];
  it('accepts Requirement 1 and the features, each with tests', () => {
    expect(groupViolations(FEATURES, hidden, 'TypeScript')).toEqual([]);
  });
  it('reports an unknown group, a test outside any group and a feature without tests', () => {
    const bad = [{ group: 'Requirement 1', title: 'a' }, { group: 'Stats', title: 'b' }, { group: null, title: 'c' }];
    expect(groupViolations(FEATURES, bad, 'Python')).toEqual([
      'Python: hidden test "c" is not inside a group (a top-level describe / TestCase docstring titled "Requirement 1" or "Priority tickets" or "Desk stats")',
      'Python: hidden tests are grouped under "Stats", which is neither "Requirement 1" nor a feature title',
      'Python: no hidden test is in the group "Priority tickets"',
      'Python: no hidden test is in the group "Desk stats"',
    ]);
  });
  it('finds the groups a starter passes whole; a test it never ran counts as failed', () => {
    expect(groupsPassedByAll(hidden, new Set(['R1 a', 'S a']))).toEqual(['Desk stats']);
    expect(groupsPassedByAll(hidden, new Set())).toEqual([]);
    expect(starterGroupViolations(hidden, new Set(['P a']), 'TypeScript')).toEqual([
      'TypeScript: the starter passes every hidden test of "Priority tickets"; it must fail at least one in every group',
    ]);
  });
  it('takes TypeScript groups from the top-level describe and Python groups from the class docstring', () => {
    const outcome = {
      files: {},
      hiddenTests: [
        { fullTitle: 'Requirement 1 x [R1] a', titlePath: ['Requirement 1', 'x', '[R1] a'], durationMs: 1, passed: true },
        { fullTitle: 'loose', titlePath: ['loose'], durationMs: 1, passed: true },
      ],
    };
    expect(tsGroupedTests(outcome)).toEqual([
      { group: 'Requirement 1', title: 'Requirement 1 x [R1] a' },
      { group: null, title: 'loose' },
    ]);
    const py = judgePythonGroups(FEATURES, [['Requirement 1', '[R1] a'], ['Priority tickets', '[R3] b'], ['Desk stats', '[R4] c']], [['Desk stats', '[R4] c']]);
    expect(py.violations).toEqual(['Python: the starter passes every hidden test of "Desk stats"; it must fail at least one in every group']);
    expect([...py.summary.ruleIds]).toEqual(['R1', 'R3', 'R4']);
  });
  it('wants the same groups and rule ids in every language', () => {
    const ts = { language: 'typescript' as const, groups: new Set(['Requirement 1', 'Desk stats']), ruleIds: new Set(['R1', 'R2']) };
    const py = { language: 'python' as const, groups: new Set(['Requirement 1', 'Stats']), ruleIds: new Set(['R1', 'R2']) };
    expect(languageAgreementViolations([ts, py])).toEqual([
      "the hidden tests' groups differ between typescript and python: only typescript has Desk stats; only python has Stats",
    ]);
    expect(languageAgreementViolations([ts, { ...ts, language: 'python' }])).toEqual([]);
  });
});

describe('pythonModules', () => {
  it('names modules and their packages by path', () => {
    expect(pythonModules(['chat/hub.py', 'chat/__init__.py', 'main.py', 'README.md', 'a/b/c.py'])).toEqual(['a', 'a.b', 'a.b.c', 'chat', 'chat.hub', 'main']);
  });
});
