import { mkdtempSync, rmSync } from 'node:fs';
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
});
