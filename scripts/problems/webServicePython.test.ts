/**
 * The Python web-service library (problems/_libraries/web-service/python/) under CPython: its own unittest
 * file, webservice/framework_test.py, with the library mounted as `framework` the way a project mounts it.
 * Also: every file of the library passes the screen the browser runs on every file of a project.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const LIBRARY = path.join(ROOT, 'problems', '_libraries', 'web-service', 'python');
const mount = mkdtempSync(path.join(tmpdir(), 'web-service-'));
symlinkSync(LIBRARY, path.join(mount, 'framework'));
afterAll(() => rmSync(mount, { recursive: true, force: true }));

it('passes its own unittest file under CPython', () => {
  const run = spawnSync('python3', ['-m', 'unittest', '-q', 'framework_test'], {
    cwd: path.join(import.meta.dirname, 'webservice'),
    env: { ...process.env, PYTHONPATH: mount, PYTHONDONTWRITEBYTECODE: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status, run.stderr).toBe(0);
});

it('has no finding of the screen in any of its files', () => {
  const driver = [
    'import json, os, sys',
    `sys.path.insert(0, ${JSON.stringify(path.join(ROOT, 'src', 'runner', 'python'))})`,
    'import screen',
    `lib = ${JSON.stringify(LIBRARY)}`,
    'print(json.dumps({n: screen.screen(open(os.path.join(lib, n), encoding="utf-8").read()) for n in sorted(os.listdir(lib)) if n.endswith(".py")}))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', driver], { encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  const findings = JSON.parse(run.stdout) as Record<string, unknown[]>;
  expect(Object.keys(findings).length).toBeGreaterThan(5);
  expect(Object.entries(findings).filter(([, list]) => list.length > 0)).toEqual([]);
});
