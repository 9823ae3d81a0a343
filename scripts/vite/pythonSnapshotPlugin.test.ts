import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSnapshot, KEPT_ENV } from './pythonSnapshotPlugin';

/**
 * The snapshot every Python run is restored from (made at build time in Node, restored in the browser's
 * workers). What the isolation of runs rests on: two restores share nothing, and the snapshot carries our
 * modules but nothing of the machine that built it.
 */
let snapshot: Uint8Array;
const restore = (): Promise<PyodideAPI> => loadPyodide({ _loadSnapshot: snapshot, stdout: () => undefined, stderr: () => undefined });

beforeAll(async () => {
  snapshot = gunzipSync(readFileSync(await ensureSnapshot(process.cwd())));
}, 120_000);

describe('the interpreter snapshot', () => {
  it('has imported the harness, the screen and the standard modules the problems use', async () => {
    const python = await restore();
    const loaded = python.runPython('import sys; [m in sys.modules for m in ("harness", "screen", "unittest", "asyncio", "json")]');
    expect(loaded.toJs()).toEqual([true, true, true, true, true]);
    // Every module they are split into, too (each .py file of src/runner/python).
    const own = readdirSync('src/runner/python')
      .filter((f) => f.endsWith('.py'))
      .map((f) => f.slice(0, -'.py'.length));
    expect(own.length).toBeGreaterThan(2);
    python.globals.set('own', own);
    expect(python.runPython('import sys; [m for m in own if m not in sys.modules]').toJs()).toEqual([]);
  });

  it("holds every problem's test files compiled, so a run does not compile them", async () => {
    const python = await restore();
    // A single-file problem's test files are in its folder, a codebase problem's in project/python/.
    const files = readdirSync('problems', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => [join('problems', d.name), join('problems', d.name, 'project', 'python')])
      .flatMap((dir) => ['examples_test.py', 'hidden_test.py'].filter((f) => existsSync(join(dir, f))));
    expect(files.length).toBeGreaterThan(20);
    expect(python.runPython('import harness; len(harness._PRECOMPILED)')).toBe(files.length);
  });

  it('keeps none of the build machine\u2019s environment variables, only the ones Pyodide sets', async () => {
    const python = await restore();
    const keys = python.runPython('import os; sorted(os.environ)').toJs() as string[];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(KEPT_ENV).toContain(key);
  });

  it('gives every restore an untouched interpreter: what one run patches, the next never sees', async () => {
    const first = await restore();
    first.runPython('import time, unittest, sys\ntime.time = lambda: 1000\nunittest.TestCase.run = None\nsys.modules["harness"] = None');
    const second = await restore();
    expect(second.runPython('import time; time.time() > 1_700_000_000')).toBe(true);
    expect(second.runPython('import unittest; unittest.TestCase.run is not None')).toBe(true);
    expect(second.runPython('import sys; sys.modules["harness"] is not None')).toBe(true);
  });

  it('does not count Pyodide\u2019s own event loop as running, so a test can run its own loop', async () => {
    const python = await restore();
    expect(python.runPython('import asyncio; asyncio.events._get_running_loop() is None')).toBe(true);
  });
});
