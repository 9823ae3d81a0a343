/**
 * Why the screen lets `sqlite3` through (docs/decisions/python-screen.md): under CPython, SQLite refuses to
 * read or change a file that is not a database (a test file), refuses to overwrite one with VACUUM INTO,
 * and any file it creates starts with a header holding a NUL byte, which no import can run. If a SQLite
 * upgrade ever changed one of these, this test fails and the screen's exception must be looked at again.
 */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

const PROBE = `
import json, os, sqlite3, tempfile
d = tempfile.mkdtemp()
test_file = os.path.join(d, "hidden_test.py")
text = "import unittest\\n" * 400
with open(test_file, "w") as f:
    f.write(text)
facts = {}
db = sqlite3.connect(test_file)
try:
    db.execute("CREATE TABLE t (x)")
    facts["writes_into_test_file"] = True
except sqlite3.DatabaseError:
    facts["writes_into_test_file"] = False
db.close()
other = sqlite3.connect(os.path.join(d, "own.sqlite3"))
other.execute("CREATE TABLE t (x)")
try:
    other.execute("VACUUM INTO ?", [test_file])
    facts["vacuum_over_test_file"] = True
except sqlite3.DatabaseError:
    facts["vacuum_over_test_file"] = False
other.execute("VACUUM INTO ?", [os.path.join(d, "made.py")])
other.close()
facts["test_file_unchanged"] = open(test_file).read() == text
made = open(os.path.join(d, "made.py"), "rb").read()
try:
    compile(made, "made.py", "exec")
    facts["made_file_compiles"] = True
except (SyntaxError, ValueError):
    facts["made_file_compiles"] = False
print(json.dumps(facts))
`;

it('SQLite neither changes a non-database file nor makes a file Python can import', () => {
  const run = spawnSync('python3', ['-c', PROBE], { encoding: 'utf8', timeout: 30_000 });
  expect(run.status, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual({
    writes_into_test_file: false,
    vacuum_over_test_file: false,
    test_file_unchanged: true,
    made_file_compiles: false,
  });
});
