import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * A project of several Python files through the harness under CPython (pycheck.py's `--run`, the same
 * harness.py and screen.py the browser runs): packages and namespace packages the tests import by name,
 * every file screened, every file's top-level code run before the tests, its own tests found, and errors
 * located by the file's path in the project.
 */
const HERE = import.meta.dirname;
const PYCHECK = join(HERE, '../../../scripts/problems/pycheck.py');
const root = mkdtempSync(join(tmpdir(), 'rehearse-project-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Event {
  type: string;
  group?: string;
  title?: string;
  state?: string;
  text?: string;
  error?: { name: string; message: string; stack?: string };
}

let runs = 0;
/** Writes the project and the test module into a folder of their own (as the worker does) and runs it. */
function run(files: Record<string, string>, tests: string): Event[] {
  const dir = join(root, `run-${runs++}`);
  for (const [path, text] of Object.entries({ ...files, 'hidden_test.py': tests })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const result = spawnSync('python3', [PYCHECK, '--run', dir, 'hidden_test'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Event);
}

const PROJECT: Record<string, string> = {
  'chat/__init__.py': '',
  'chat/store.py': `class Store:
    def __init__(self):
        self.messages = []

    def add(self, author, text):
        if not text:
            raise ValueError("empty message")
        self.messages.append((author, text))
`,
  'chat/hub.py': `from .store import Store
from models.user import User

print("hub loaded")


class Hub:
    def __init__(self):
        self.store = Store()

    def send(self, user, text):
        self.store.add(User(user).name, text)
        return len(self.store.messages)
`,
  // A namespace package: no __init__.py.
  'models/user.py': `class User:
    def __init__(self, name):
        self.name = name.strip()
`,
  'checks/own_test.py': `import unittest
from chat.hub import Hub


class OwnHubTest(unittest.TestCase):
    def test_counts(self):
        self.assertEqual(Hub().send("a", "b"), 1)
`,
  'my-notes.py': 'this is not Python, and no module name either\n',
  'README.md': '# Chat\n',
};

const TESTS = `import unittest
from chat.hub import Hub


class HubTest(unittest.TestCase):
    "Requirement 1"

    def test_sends(self):
        "sends a message"
        self.assertEqual(Hub().send(" vera ", "hi"), 1)

    def test_empty(self):
        "refuses an empty message"
        Hub().send("vera", "")
`;

const tests = (events: Event[], group: string) => events.filter((e) => e.type === 'test-end' && e.group === group);

describe('a Python project of several files', () => {
  it('imports packages and namespace packages by name, runs every module first, and finds own tests in any file', () => {
    const events = run(PROJECT, TESTS);
    expect(events.filter((e) => e.type === 'console').map((e) => e.text)).toEqual(['hub loaded']);
    expect(tests(events, 'problem').map((e) => [e.title, e.state])).toEqual([
      ['sends a message', 'passed'],
      ['refuses an empty message', 'failed'],
    ]);
    expect(tests(events, 'own').map((e) => [e.title, e.state])).toEqual([['counts', 'passed']]);
  });

  it('locates an error by the project path of the file that raised it', () => {
    const failed = tests(run(PROJECT, TESTS), 'problem')[1];
    expect(failed?.error?.message).toBe('empty message');
    expect(failed?.error?.stack).toContain('File "chat/hub.py", line 12, in send');
    expect(failed?.error?.stack).toMatch(/File "chat\/store\.py", line 7, in add$/);
  });

  it('names the project file a test imports a missing name from, and a syntax error’s file', () => {
    const missing = run(PROJECT, TESTS.replace('import Hub', 'import Hub, Room')).find((e) => e.type === 'crashed');
    expect(missing?.error?.message).toBe("chat/hub.py must define Room: cannot import name 'Room' from 'chat.hub' (chat/hub.py)");
    const broken = run({ ...PROJECT, 'chat/store.py': 'class Store:\n    def add(self, text)\n        pass\n' }, TESTS);
    const crash = broken.find((e) => e.type === 'crashed');
    expect(crash?.error?.message).toMatch(/\(chat\/store\.py, line 2\)$/);
  });

  it('screens every project file before any runs: a finding in a second file names that file and line', () => {
    const events = run({ ...PROJECT, 'chat/store.py': `import gc\n${PROJECT['chat/store.py']!}` }, TESTS);
    expect(events.map((e) => e.type)).toEqual(['loading', 'crashed']);
    expect(events[1]?.error?.name).toBe('NotCounted');
    expect(events[1]?.error?.message).toMatch(/^chat\/store\.py, line 1: `gc`/);
  });
});
