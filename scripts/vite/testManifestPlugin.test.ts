import { mkdtempSync, rmSync } from 'node:fs';
import { writeFolder } from '../problems/shared';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testFileKey } from '../../src/runner/testManifest';
import { miniDeskFiles, writeMiniDesk } from '../problems/fixtures/miniDesk';
import { buildManifest } from './testManifestPlugin';

const dir = mkdtempSync(path.join(tmpdir(), 'rehearse-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the build-time test manifest', () => {
  it("lists a codebase problem's test files in both languages, keyed by their text, TypeScript's run against the reference project", async () => {
    writeMiniDesk(dir);
    const files = miniDeskFiles();
    const { manifest, inputs } = await buildManifest(dir);
    const hidden = manifest[testFileKey(files['project/typescript/hidden.test.ts']!)];
    expect(hidden?.problemId).toBe('mini-desk');
    expect(hidden?.file).toBe('hidden.test.ts');
    expect(hidden?.tests.map((t) => t.path[0])).toEqual([
      'Requirement 1',
      'Requirement 1',
      'Requirement 1',
      'Priority tickets',
      'Desk stats',
    ]);
    const py = manifest[testFileKey(files['project/python/hidden_test.py']!)];
    expect(py?.file).toBe('hidden_test.py');
    expect(py?.tests.map((t) => t.path[0])).toEqual(['Requirement 1', 'Requirement 1', 'Requirement 1', 'Priority tickets', 'Desk stats']);
    expect(manifest[testFileKey(files['project/typescript/examples.test.ts']!)]?.tests).toEqual([
      { path: ['Requirement 1'], title: '[R1] serves the oldest ticket first' },
    ]);
    expect(Object.keys(manifest)).toHaveLength(4);
    // Watched: the project's files, not its mutants.
    expect(inputs.some((p) => p.endsWith(path.join('reference', 'desk', 'order.ts')))).toBe(true);
    expect(inputs.some((p) => p.includes(`${path.sep}mutants${path.sep}`))).toBe(false);
  });

  it('mounts the library a project names at framework/, so its tests may import it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'rehearse-manifest-library-'));
    try {
      const tests =
        "import { expect } from 'chai';\nimport { twice } from './framework/util';\ndescribe('Requirement 1', () => { it('[R1] doubles', () => expect(twice(2)).to.equal(4)); });\n";
      writeMiniDesk(root, (files) => {
        files['project/typescript/project.json'] = JSON.stringify({ library: 'mini-lib' });
        files['project/typescript/examples.test.ts'] = tests;
      });
      writeFolder(path.join(root, '_libraries', 'mini-lib', 'typescript'), { 'util.ts': 'export const twice = (n: number) => 2 * n;\n' });
      const { manifest, inputs } = await buildManifest(root);
      expect(manifest[testFileKey(tests)]?.tests).toEqual([{ path: ['Requirement 1'], title: '[R1] doubles' }]);
      expect(Object.values(manifest).every((e) => e.problemId === 'mini-desk')).toBe(true);
      expect(inputs.some((p) => p.endsWith(path.join('_libraries', 'mini-lib', 'typescript', 'util.ts')))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
