/**
 * The Python web-service library in Pyodide (the browser's Python, run here under Node): its own unittest
 * file passes there as under CPython. What this pins: an `async def` handler, middleware and task are
 * driven without an event loop (Pyodide's own loop cannot run inside a test), sqlite3 keeps a file under
 * a directory of the memory file system and a second connection reads it back, tempfile and shutil work
 * for the tests, and http's status names are there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPyodide } from 'pyodide';
import { expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..', '..');
const LIBRARY = path.join(ROOT, 'problems', '_libraries', 'web-service', 'python');

it('passes the library unittest file in Pyodide', async () => {
  const py = await loadPyodide();
  py.FS.mkdirTree('/project/framework');
  for (const name of readdirSync(LIBRARY)) py.FS.writeFile(`/project/framework/${name}`, readFileSync(path.join(LIBRARY, name), 'utf8'));
  py.FS.writeFile('/project/framework_test.py', readFileSync(path.join(import.meta.dirname, 'webservice', 'framework_test.py'), 'utf8'));
  const summary = py.runPython(`
import io, json, sys, unittest
sys.path.insert(0, "/project")
import framework_test
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream).run(unittest.defaultTestLoader.loadTestsFromModule(framework_test))
json.dumps({"run": result.testsRun, "problems": [str(t) + ": " + e[-600:] for t, e in result.failures + result.errors]})
`) as string;
  const { run, problems } = JSON.parse(summary) as { run: number; problems: string[] };
  expect(problems).toEqual([]);
  expect(run).toBeGreaterThanOrEqual(12);
}, 120_000);
