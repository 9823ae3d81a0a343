import { loadPyodide } from 'pyodide';
import fs from 'node:fs';
const id = process.argv[2];
const py = await loadPyodide();
py.FS.mkdirTree('/rehearse'); py.FS.mkdirTree('/run/1');
py.FS.writeFile('/rehearse/harness.py', fs.readFileSync('src/runner/python/harness.py', 'utf8'));
py.FS.writeFile('/run/1/solution.py', fs.readFileSync(`problems/${id}/reference.py`, 'utf8'));
py.FS.writeFile('/run/1/hidden_test.py', fs.readFileSync(`problems/${id}/hidden_test.py`, 'utf8'));
const out = [];
py.globals.set('emit_js', (s) => out.push(JSON.parse(s)));
py.runPython(`
import sys, asyncio, json
sys.path.insert(0, "/rehearse")
import harness
asyncio.events._set_running_loop(None)
harness.run("/run/1", "hidden_test", lambda e: emit_js(json.dumps(e)))
`);
for (const e of out) if (e.type === 'test-end' && e.state !== 'passed') console.log(e.title, '::', e.error?.message?.slice(0, 300));
console.log('total', out.filter(e => e.type === 'test-end').length);
