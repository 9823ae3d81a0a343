import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderOf, projectFilesProblem, pythonSources, writeRunFiles } from './projectFiles';

describe('projectFilesProblem', () => {
  it('lets an ordinary project through, packages, data and prose included', () => {
    expect(projectFilesProblem({ 'solution.py': '' })).toBeNull();
    expect(projectFilesProblem({ 'chat/__init__.py': '', 'chat/hub.py': '', 'README.md': '', 'data/users.json': '{}' })).toBeNull();
  });

  it('refuses a file named like a test file, a module of the harness or a standard module, saying which', () => {
    // Every module of the harness and the screen (src/runner/python/*.py): a project file of that name would be
    // imported in its place, or (in the browser, where the snapshot has loaded it) shadowed by it.
    const runnerModules = readdirSync(path.join(import.meta.dirname, '..')).filter((name) => name.endsWith('.py'));
    expect(runnerModules).toEqual(expect.arrayContaining(['harness.py', 'screen.py', '_plain_values.py']));
    for (const name of ['hidden_test.py', 'examples_test.py', ...runnerModules]) {
      expect(projectFilesProblem({ 'solution.py': '', [name]: '' })).toMatch(
        new RegExp(`^The tests cannot run: “${name}” has a name the test runner uses`),
      );
    }
    expect(projectFilesProblem({ 'solution.py': '', 'unittest.py': '' })).toContain("would hide Python's standard module “unittest”");
    expect(projectFilesProblem({ 'json/__init__.py': '' })).toContain('The folder “json”');
  });

  it('refuses a path that would leave the run’s folder, or too many files', () => {
    expect(projectFilesProblem({ '../harness.py': '' })).toContain('“../harness.py” cannot be a project file');
    expect(projectFilesProblem({ '/rehearse/harness.py': '' })).toContain('cannot be a project file');
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`m${i}.py`, '']));
    expect(projectFilesProblem(many)).toContain('at most 100 files');
  });
});

describe('pythonSources', () => {
  it('is the .py files in path order', () => {
    expect(pythonSources({ 'b.py': 'b', 'README.md': '', 'a/x.py': 'x' })).toEqual([
      ['a/x.py', 'x'],
      ['b.py', 'b'],
    ]);
    expect(folderOf('chat/models/user.py')).toBe('chat/models');
    expect(folderOf('solution.py')).toBe('');
  });
});

describe('writeRunFiles', () => {
  it("writes every file at its path under the run's folder, folders first, then the test module", () => {
    const calls: string[] = [];
    const fs = { mkdirTree: (p: string) => calls.push(`mkdir ${p}`), writeFile: (p: string, t: string) => calls.push(`write ${p} ${t}`) };
    const files = { 'chat/__init__.py': '', 'chat/hub.py': 'class Hub: pass', 'notes/plan.md': '# plan', 'solution.py': 'x = 1' };
    const written = writeRunFiles(fs, '/run/7', files, { module: 'hidden_test', source: 'import unittest' });
    expect(calls).toEqual([
      'mkdir /run/7',
      'mkdir /run/7/chat',
      'write /run/7/chat/__init__.py ',
      'mkdir /run/7/chat',
      'write /run/7/chat/hub.py class Hub: pass',
      'mkdir /run/7/notes',
      'write /run/7/notes/plan.md # plan',
      'write /run/7/solution.py x = 1',
      'write /run/7/hidden_test.py import unittest',
    ]);
    expect(written).toHaveLength(5);
  });
});
