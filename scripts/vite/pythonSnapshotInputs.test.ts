import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { miniDeskFiles, writeMiniDesk } from '../problems/fixtures/miniDesk';
import { problemImports, problemTestFiles } from './pythonSnapshotPlugin';

const root = mkdtempSync(path.join(tmpdir(), 'rehearse-snapshot-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('what goes into the Python snapshot from a codebase problem', () => {
  mkdirSync(path.join(root, 'problems'));
  writeMiniDesk(path.join(root, 'problems'));

  it('precompiles its project/python test files', () => {
    const files = miniDeskFiles();
    expect(problemTestFiles(root)).toEqual([
      { module: 'examples_test', source: files['project/python/examples_test.py'] },
      { module: 'hidden_test', source: files['project/python/hidden_test.py'] },
    ]);
  });

  it("preloads the standard modules its files import, never the project's own modules", () => {
    expect(problemImports(root)).toEqual(['dataclasses', 'random', 'unittest']);
  });
});
